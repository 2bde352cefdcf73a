/** The CLI's exit codes, documented in docs/cli.md; scripts may rely on them. */
export const EXIT = {
  ok: 0,
  /** Something unexpected, or the API failed (5xx, network). */
  failure: 1,
  /** Bad arguments or options. */
  usage: 2,
  /** Not configured or not signed in: run `elevate configure` / `elevate login`. */
  notSignedIn: 3,
  /** The API refused: not allowed, not found, wrong state, invalid input. */
  refused: 4,
  /** No open window for that account × role. */
  noOpenWindow: 5,
  /** `request --wait`: the request was rejected, cancelled or expired instead of approved. */
  notApproved: 6,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with its own exit code and one message for people. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
