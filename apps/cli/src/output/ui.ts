/** How commands talk to people and to scripts. Results go to stdout, everything else to stderr. */
export interface Ui {
  /** A result line (stdout). */
  out(text: string): void;
  /** Progress, hints and errors for people (stderr). */
  err(text: string): void;
  /** A result as JSON (stdout), for `--json`. */
  json(value: unknown): void;
  /** Replaces the previous status line on a terminal; prints changed lines otherwise. */
  status(text: string): void;
  /** Ends a status line so the next output starts on a fresh line. */
  endStatus(): void;
  colors: Colors;
}

export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const paint = (on: boolean, code: number, reset: number) => (text: string) =>
  on ? `\x1b[${code}m${text}\x1b[${reset}m` : text;

function colors(enabled: boolean): Colors {
  return {
    bold: paint(enabled, 1, 22),
    dim: paint(enabled, 2, 22),
    green: paint(enabled, 32, 39),
    yellow: paint(enabled, 33, 39),
    red: paint(enabled, 31, 39),
  };
}

/** The terminal UI: colours only when stdout is a TTY and NO_COLOR is unset. */
export function terminalUi(options: { noColor: boolean }): Ui {
  const stdoutTty = process.stdout.isTTY === true;
  const stderrTty = process.stderr.isTTY === true;
  let statusShown = false;
  let lastStatus = '';
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    status(text) {
      if (stderrTty) {
        process.stderr.write(`\r\x1b[2K${text}`);
        statusShown = true;
      } else if (text !== lastStatus) {
        process.stderr.write(`${text}\n`);
      }
      lastStatus = text;
    },
    endStatus() {
      if (statusShown) process.stderr.write('\n');
      statusShown = false;
    },
    colors: colors(stdoutTty && !options.noColor),
  };
}

/** A UI that records everything, for tests. */
export function recordingUi(): Ui & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    json: (value) => void stdout.push(JSON.stringify(value, null, 2)),
    status: (text) => void stderr.push(text),
    endStatus: () => undefined,
    colors: colors(false),
  };
}
