import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { CliConfig } from '../config/cli-config';
import { CliError, EXIT } from '../exit-codes';
import { writeProfilesFile } from '../aws/write-profiles-file';
import { profileName, shellWord, type ElevateProfile } from '../aws/aws-config-profiles';
import { cliErrorOf, type CommandContext } from './command-context';
import { parseRegion } from './parse-input';
import { parseRedirectUri } from '../auth/loopback-redirect';

/** The command line `credential_process` runs: this very CLI, however it was started. */
function selfCommand(argv: readonly string[] = process.argv, execPath = process.execPath): string {
  const script = argv[1] ?? 'elevate';
  // Installed with npm, the bin is on PATH as `elevate`; otherwise name node and the bundle exactly.
  if (/(^|[/\\])elevate$/.test(script)) return 'elevate';
  return `${shellWord(execPath)} ${shellWord(script)}`;
}

export function configureCommand(ctx: CommandContext): Command {
  const configure = new Command('configure')
    .description('Point the CLI at an Elevate deployment (reads its public config.json)')
    .option('--url <url>', 'the Elevate web address, e.g. https://elevate.example.com (required)')
    .option('--client-id <id>', "the CLI's OIDC client id, when config.json does not name one")
    .option(
      '--redirect-uri <uri>',
      'a fixed loopback redirect URI the IdP has registered (Cognito)',
    )
    .option('--json', 'print the saved configuration as JSON')
    .action(
      async (options: {
        url?: string;
        clientId?: string;
        redirectUri?: string;
        json?: boolean;
      }) => {
        // Not a required option: `configure profiles` would inherit the requirement.
        if (options.url === undefined) {
          throw new CliError('Say where Elevate is: elevate configure --url https://…', EXIT.usage);
        }
        let base: URL;
        try {
          base = new URL(options.url);
        } catch {
          throw new CliError(`--url ${options.url} is not a URL`, EXIT.usage);
        }
        if (base.protocol !== 'https:' && base.protocol !== 'http:') {
          throw new CliError('--url must be an http(s) address', EXIT.usage);
        }
        const url = new URL('/config.json', base);
        let response: Response;
        try {
          response = await ctx.fetch(url, { headers: { accept: 'application/json' } });
        } catch {
          throw new CliError(`Cannot reach ${url.href}`, EXIT.failure);
        }
        const body: unknown = response.ok
          ? await response.json().catch(() => undefined)
          : undefined;
        // The schema library loads only here, not for every command's start-up.
        const { deploymentConfigSchema, saveCliConfig } = await import('../config/cli-config');
        const parsed = deploymentConfigSchema.safeParse(body);
        if (!parsed.success) {
          throw new CliError(
            `${url.href} is not an Elevate config.json (HTTP ${response.status})`,
            EXIT.failure,
          );
        }
        const clientId = options.clientId ?? parsed.data.nativeClientId;
        if (clientId === undefined) {
          throw new CliError(
            'This deployment names no CLI client (nativeClientId in config.json) — ask its operators (docs/deploy.md), or pass --client-id',
            EXIT.failure,
          );
        }
        const config: CliConfig = {
          url: base.origin,
          issuer: parsed.data.authority,
          clientId,
          apiUrl: parsed.data.apiUrl,
          ...(parsed.data.scope === undefined ? {} : { scope: parsed.data.scope }),
        };
        const redirectUri = options.redirectUri ?? parsed.data.nativeRedirectUri;
        if (redirectUri !== undefined) {
          try {
            parseRedirectUri(redirectUri);
          } catch (error) {
            throw new CliError(`--redirect-uri: ${(error as Error).message}`, EXIT.usage);
          }
          config.redirectUri = redirectUri;
        }
        await saveCliConfig(ctx.env.configDir, config);
        if (options.json) ctx.ui.json(config);
        else {
          ctx.ui.err(
            `Configured for ${config.url} (issuer ${config.issuer}, API ${config.apiUrl}).`,
          );
          ctx.ui.err('Next: elevate login');
        }
      },
    );

  configure
    .command('profiles')
    .description(
      'Write [profile elevate-<account>-<role>] entries with credential_process to ~/.aws/config for everything you may request',
    )
    .option('--region <region>', 'region to set in each profile', parseRegion)
    .option('--command <command>', 'how credential_process starts this CLI (default: this CLI)')
    .option('--dry-run', 'print the profiles instead of writing them')
    .option('--json', 'print the profiles as JSON')
    .action(
      async (options: { region?: string; command?: string; dryRun?: boolean; json?: boolean }) => {
        const { client } = await ctx.api();
        const me = await client.call('getMe', {}).catch((e: unknown) => {
          throw cliErrorOf(e);
        });
        const command = options.command ?? selfCommand();
        const seen = new Set<string>();
        const profiles: ElevateProfile[] = [];
        for (const entry of me.eligibility.entries) {
          const name = profileName(entry.accountName, entry.roleName);
          if (seen.has(name)) continue;
          seen.add(name);
          profiles.push({
            name,
            credentialProcess: `${command} credential-process --account ${shellWord(entry.accountName)} --role ${shellWord(entry.roleName)}`,
            region: options.region,
          });
        }
        if (options.dryRun || options.json) {
          if (options.json) ctx.ui.json(profiles);
          else
            for (const p of profiles)
              ctx.ui.out(`[profile ${p.name}]\ncredential_process = ${p.credentialProcess}\n`);
          return;
        }
        const { skipped } = await writeProfilesFile(ctx.env.awsConfigFile, profiles, readFile);
        const written = profiles.length - skipped.length;
        ctx.ui.err(
          `Wrote ${written} profile${written === 1 ? '' : 's'} to ${ctx.env.awsConfigFile}:`,
        );
        for (const p of profiles) if (!skipped.includes(p.name)) ctx.ui.out(p.name);
        for (const name of skipped) {
          ctx.ui.err(`Left ${name} alone: a profile of that name exists outside Elevate's block.`);
        }
        if (profiles[0] !== undefined)
          ctx.ui.err(`Try: AWS_PROFILE=${profiles[0].name} aws sts get-caller-identity`);
      },
    );
  return configure;
}
