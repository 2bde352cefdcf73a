import { Command } from 'commander';
import { accessCommands } from './commands/access-commands';
import type { CommandContext } from './commands/command-context';
import { completionCommand } from './commands/completion-command';
import { configureCommand } from './commands/configure-commands';
import { extendCommand } from './commands/extend-command';
import { invitationCommands } from './commands/invitation-commands';
import { requestCommands, reviewCommands } from './commands/request-commands';
import { loginCommand, logoutCommand, whoamiCommand } from './commands/session-commands';
import { VERSION } from './version';

const EXIT_CODES_HELP = `
Exit codes:
  0  success            3  not configured or not signed in   5  no open window
  1  failure            4  refused by Elevate                6  request not approved (--wait)
  2  usage error      130  interrupted

Environment: ELEVATE_CONFIG_DIR, ELEVATE_CACHE_DIR, ELEVATE_TOKEN_STORE (auto|keychain|file),
ELEVATE_NO_BROWSER, NO_COLOR, AWS_CONFIG_FILE — see docs/cli.md.`;

/** The whole command tree. `write` lets tests capture help and errors. */
export function buildProgram(
  ctx: CommandContext,
  write: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
  },
): Command {
  const program = new Command('elevate')
    .description('Temporary elevated AWS access from your terminal')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // `exec … -- <command>`: options after the command belong to the command, not to elevate.
    .enablePositionalOptions()
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err });
  const commands = [
    configureCommand(ctx),
    loginCommand(ctx),
    logoutCommand(ctx),
    whoamiCommand(ctx),
    ...requestCommands(ctx),
    extendCommand(ctx),
    ...reviewCommands(ctx),
    ...accessCommands(ctx),
    ...invitationCommands(ctx),
    completionCommand(() => program),
  ];
  for (const command of commands) {
    command.exitOverride().configureOutput({ writeOut: write.out, writeErr: write.err });
    for (const sub of command.commands)
      sub.exitOverride().configureOutput({ writeOut: write.out, writeErr: write.err });
    program.addCommand(command);
  }
  return program;
}
