import { CommanderError } from 'commander';
import type { CommandContext } from './commands/command-context';
import { CliError, EXIT } from './exit-codes';
import { buildProgram } from './program';

/**
 * Runs one command line and returns its exit code. Errors end as one line on stderr: a CliError
 * says what to do; anything else says only its message (never a token or credential — those are
 * never put into errors).
 */
export async function runCli(
  argv: readonly string[],
  ctx: CommandContext,
  write?: { out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  const program = buildProgram(ctx, write);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      ctx.ui.err(`elevate: ${error.message}`);
      return error.exitCode;
    }
    ctx.ui.err(`elevate: ${error instanceof Error ? error.message : 'unexpected error'}`);
    return EXIT.failure;
  }
}
