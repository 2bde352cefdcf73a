import { openBrowser } from './auth/open-browser';
import type { CommandContext } from './commands/command-context';
import type { CliEnv } from './env';
import { EXIT } from './exit-codes';
import { terminalUi } from './output/ui';
import { runCli } from './run-cli';

/** The whole CLI with real files, keychain, network and terminal. */
export async function runFullCli(args: readonly string[], env: CliEnv): Promise<number> {
  const ui = terminalUi({ noColor: env.noColor });
  const ctx: CommandContext = {
    env,
    ui,
    now: () => Date.now(),
    // Loaded on first use: `--help`, usage errors and completion never need the API client, OIDC
    // or the schema library.
    config: async () => (await import('./config/cli-config')).loadCliConfig(env.configDir),
    api: async () => {
      const [{ signedInApi }, { loadCliConfig }] = await Promise.all([
        import('./api'),
        import('./config/cli-config'),
      ]);
      return signedInApi(await loadCliConfig(env.configDir), env);
    },
    openBrowser,
    fetch: (input, init) => fetch(input, init),
  };
  process.on('SIGINT', () => {
    ui.endStatus();
    process.exit(EXIT.interrupted);
  });
  return runCli(args, ctx);
}
