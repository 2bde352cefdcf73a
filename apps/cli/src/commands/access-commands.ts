import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { credentialProcessJson } from '../credentials/freshness';
import { noOpenWindow, obtainCredentials } from '../credentials/obtain-credentials';
import type { CachedCredentials } from '../credentials/credential-cache';
import { profileName } from '../aws/aws-config-profiles';
import { call } from './call-api';
import { cliErrorOf, isApiProblem, resolveEntry, type CommandContext } from './command-context';
import { parseRegion } from './parse-input';

/** Refusals that mean "the window is not open (any more)": said the same one-line way. */
const WINDOW_CLOSED_CODES = new Set([
  'WINDOW_NOT_OPEN',
  'WINDOW_OVER',
  'INVALID_STATE',
  'NOT_FOUND',
]);

/** Signal numbers by name: only this platform's signals are in the table (no SIGINFO on Linux). */
const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = constants.signals;

async function credentialsFor(
  ctx: CommandContext,
  o: { account: string; role: string; region?: string },
): Promise<CachedCredentials> {
  const config = await ctx.config();
  try {
    return await obtainCredentials({
      apiUrl: config.apiUrl,
      cacheDir: ctx.env.cacheDir,
      account: o.account,
      role: o.role,
      region: o.region,
      recheckMs: ctx.env.recheckSeconds * 1000,
      now: ctx.now(),
      client: async () => (await ctx.api()).client,
    });
  } catch (error) {
    if (isApiProblem(error) && WINDOW_CLOSED_CODES.has(error.code))
      throw noOpenWindow(o.account, o.role);
    throw cliErrorOf(error);
  }
}

const accountRole = (command: Command): Command =>
  command
    .requiredOption('--account <name|id>', 'account name (from the policy) or 12-digit id')
    .requiredOption('--role <role>', 'IAM role name')
    .option('--region <region>', 'AWS region for the session', parseRegion);

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
type Shell = (typeof SHELLS)[number];

export function accessCommands(ctx: CommandContext): Command[] {
  const credentialProcess = accountRole(new Command('credential-process'))
    .description(
      'Print AWS credential_process JSON (Version 1); cached (0600) and renewed inside the open window',
    )
    .action(async (o: { account: string; role: string; region?: string }) => {
      const entry = await credentialsFor(ctx, o);
      ctx.ui.out(credentialProcessJson(entry));
    });

  const exec = accountRole(new Command('exec'))
    .description(
      'Run a command with the credentials in its environment: elevate exec … -- <command>',
    )
    .argument('<command...>', 'the command and its arguments, after --')
    .passThroughOptions()
    .action(async (argv: string[], o: { account: string; role: string; region?: string }) => {
      const entry = await credentialsFor(ctx, o);
      const [command, ...args] = argv;
      if (command === undefined)
        throw new CliError('Say which command to run after --', EXIT.usage);
      const child = spawn(command, args, {
        stdio: 'inherit',
        env: {
          ...ctx.env.inherited,
          AWS_ACCESS_KEY_ID: entry.accessKeyId,
          AWS_SECRET_ACCESS_KEY: entry.secretAccessKey,
          AWS_SESSION_TOKEN: entry.sessionToken,
          AWS_REGION: entry.region,
          AWS_DEFAULT_REGION: entry.region,
          AWS_CREDENTIAL_EXPIRATION: entry.expiresAt,
          // A profile in the environment would take precedence over the keys in some tools.
          AWS_PROFILE: undefined,
          ELEVATE_REQUEST_ID: entry.requestId,
        },
      });
      const code = await new Promise<number>((resolve, reject) => {
        child.on('error', (error) =>
          reject(new CliError(`Cannot run ${command}: ${error.message}`, EXIT.failure)),
        );
        child.on('exit', (status, signal) =>
          resolve(status ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0)),
        );
      });
      process.exitCode = code;
    });

  const env = accountRole(new Command('env'))
    .description('Print export lines for your shell: eval "$(elevate env --account … --role …)"')
    .option('--shell <shell>', `bash, zsh, fish or powershell (default: from $SHELL)`)
    .action(async (o: { account: string; role: string; region?: string; shell?: string }) => {
      const shell = (o.shell ?? ctx.env.shell) as Shell;
      if (!SHELLS.includes(shell))
        throw new CliError(`--shell must be one of ${SHELLS.join(', ')}`, EXIT.usage);
      const entry = await credentialsFor(ctx, o);
      const { renderCliCredentials } = await import('@elevate/contracts');
      const formats = renderCliCredentials(
        {
          accessKeyId: entry.accessKeyId,
          secretAccessKey: entry.secretAccessKey,
          sessionToken: entry.sessionToken,
          expiration: new Date(Date.parse(entry.expiresAt)).toISOString(),
        },
        entry.region,
        profileName(entry.accountName ?? entry.accountId, entry.roleName),
      );
      ctx.ui.out(
        shell === 'fish'
          ? formats.fish
          : shell === 'powershell'
            ? formats.powershell
            : formats.bash,
      );
    });

  const consoleCommand = new Command('console')
    .description('Open the AWS console for an open window (the sign-in URL is never logged)')
    .option('--account <name|id>', 'account name or id (default: your only open window)')
    .option('--role <role>', 'IAM role name')
    .option('--destination <path>', 'console path such as /s3/home, or a console https link')
    .option('--region <region>', 'console region', parseRegion)
    .option('--print', 'print the URL (valid 15 minutes, a secret) instead of opening a browser')
    .action(
      async (o: {
        account?: string;
        role?: string;
        destination?: string;
        region?: string;
        print?: boolean;
      }) => {
        const { client } = await ctx.api();
        const accountId =
          o.account === undefined
            ? undefined
            : (await call(() => resolveEntry(client, o.account ?? '', o.role))).accountId;
        const open = await call(() =>
          client.call('listOpenWindows', {
            query: {
              ...(accountId === undefined ? {} : { accountId }),
              ...(o.role === undefined ? {} : { roleName: o.role }),
            },
          }),
        );
        const [first, second] = open.items;
        if (first === undefined) throw noOpenWindow(o.account ?? '<account>', o.role ?? '<role>');
        if (second !== undefined && (o.account === undefined || o.role === undefined)) {
          throw new CliError(
            `You have ${open.items.length} open windows — say which with --account and --role`,
            EXIT.usage,
          );
        }
        const session = await call(() =>
          client.call('startSession', {
            id: first.id,
            body: {
              kind: 'console',
              ...(o.region === undefined ? {} : { region: o.region }),
              ...(o.destination === undefined ? {} : { destination: o.destination }),
            },
          }),
        );
        if (session.kind !== 'console')
          throw new CliError('The API answered with CLI credentials.', EXIT.failure);
        if (o.print || ctx.env.noBrowser) ctx.ui.out(session.url);
        else {
          ctx.openBrowser(session.url);
          ctx.ui.err(
            `Opened the console for ${first.accountName ?? first.accountId} / ${first.roleName} (until ${session.expiresAt}).`,
          );
        }
      },
    );

  return [credentialProcess, exec, env, consoleCommand];
}
