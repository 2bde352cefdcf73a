import { Command, InvalidArgumentError } from 'commander';
import { clearCachedCredentials } from '../credentials/credential-cache';
import { accountLabel } from '../output/format';
import { cliErrorOf, type CommandContext } from './command-context';
import type { CliConfig } from '../config/cli-config';

const seconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('must be a whole number of seconds');
  return n;
};

/**
 * OIDC (openid-client) and the token stores, loaded by the commands that sign in or out only, so
 * the CLI's start-up for everything else does not pay for them.
 */
async function signInModules(ctx: CommandContext, config: CliConfig) {
  const [oidc, { selectTokenStore }, { tokenEntryName }] = await Promise.all([
    import('../auth/oidc-client'),
    import('../auth/select-token-store'),
    import('../auth/session'),
  ]);
  return { ...oidc, store: selectTokenStore(ctx.env, tokenEntryName(config)) };
}

export function loginCommand(ctx: CommandContext): Command {
  return new Command('login')
    .description(
      'Sign in: opens your browser (PKCE, loopback redirect), or shows a code with --device',
    )
    .option('--device', 'sign in on another device with a code (for SSH sessions, no browser here)')
    .option('--max-age <seconds>', 'sign in again if your last sign-in is older (step-up)', seconds)
    .action(async (options: { device?: boolean; maxAge?: number }) => {
      const config = await ctx.config();
      const { signInWithBrowser, signInWithDevice, store } = await signInModules(ctx, config);
      const out = {
        say: (line: string) => ctx.ui.err(line),
        openBrowser: (url: string) => {
          if (!ctx.env.noBrowser) ctx.openBrowser(url);
        },
      };
      const tokens = options.device
        ? await signInWithDevice(config, out)
        : await signInWithBrowser(
            config,
            out,
            options.maxAge === undefined ? {} : { maxAgeSeconds: options.maxAge },
          );
      await store.save(tokens);
      const { client } = await ctx.api();
      const me = await client.call('getMe', {}).catch((e: unknown) => {
        throw cliErrorOf(e);
      });
      ctx.ui.err(
        `Signed in as ${me.name} <${me.email}> (tokens kept in the ${store.kind === 'keychain' ? 'OS keychain' : 'owner-only token file'}).`,
      );
    });
}

export function logoutCommand(ctx: CommandContext): Command {
  return new Command('logout')
    .description(
      'Revoke your refresh token at the IdP and forget tokens and cached AWS credentials',
    )
    .action(async () => {
      const config = await ctx.config();
      const { revokeTokens, store } = await signInModules(ctx, config);
      const tokens = await store.load();
      let revoked = false;
      if (tokens !== undefined) {
        revoked = await revokeTokens(config, tokens).catch(() => false);
      }
      await store.clear();
      const forgotten = await clearCachedCredentials(ctx.env.cacheDir);
      ctx.ui.err(
        tokens === undefined
          ? 'You were not signed in.'
          : `Signed out${revoked ? ' (refresh token revoked)' : ' (the IdP could not be told; tokens forgotten here)'}; ${forgotten} cached credential${forgotten === 1 ? '' : 's'} removed.`,
      );
    });
}

export function whoamiCommand(ctx: CommandContext): Command {
  return new Command('whoami')
    .description('Who you are signed in as, your groups, and what you may request')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { client } = await ctx.api();
      const me = await client.call('getMe', {}).catch((e: unknown) => {
        throw cliErrorOf(e);
      });
      if (options.json) {
        ctx.ui.json(me);
        return;
      }
      const c = ctx.ui.colors;
      const roles = Object.entries(me.eligibility.roles)
        .filter(([, has]) => has)
        .map(([role]) => role);
      ctx.ui.out(`${c.bold(me.name)} <${me.email}>`);
      ctx.ui.out(`groups: ${me.groups.join(', ') || '(none)'}`);
      if (roles.length > 0) ctx.ui.out(`in Elevate: ${roles.join(', ')}`);
      ctx.ui.out(
        me.eligibility.entries.length > 0 ? 'you may request:' : 'you may request nothing.',
      );
      for (const e of me.eligibility.entries) {
        ctx.ui.out(
          `  ${accountLabel(e)} / ${e.roleName}  up to ${e.maxDurationMinutes} min, ${e.approvalsRequired === 0 ? 'no approval' : `${e.approvalsRequired} approval${e.approvalsRequired === 1 ? '' : 's'}`}${e.breakGlassAllowed ? ', break-glass' : ''}`,
        );
      }
    });
}
