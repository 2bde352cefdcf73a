import { readEnv, type CliEnv } from './env';
import { VERSION } from './version';

/** Set by the bundler: the full CLI as CommonJS source text, compiled only when it is needed. */
declare const ELEVATE_FULL_CLI_SOURCE: string | undefined;

/**
 * The bundle carries the full CLI as a string, so a warm `credential-process` does not pay for
 * compiling code it never runs; it is compiled through V8's code cache when needed
 * (full-cli-loader.ts). From source (tests, tsx) it is an ordinary import.
 */
async function runFull(args: readonly string[], env: CliEnv): Promise<number> {
  if (typeof ELEVATE_FULL_CLI_SOURCE !== 'string') {
    return (await import('./full-cli')).runFullCli(args, env);
  }
  const { loadBundledFullCli } = await import('./full-cli-loader');
  const { cli, saveCodeCache } = await loadBundledFullCli(
    ELEVATE_FULL_CLI_SOURCE,
    env.cacheDir,
    VERSION,
    import.meta.url,
  );
  try {
    return await cli.runFullCli(args, env);
  } finally {
    saveCodeCache();
  }
}

// The AWS CLI runs `credential-process` for every command: answer from the cache before loading
// anything else. Everything else (and a cache miss) loads the full CLI.
const env = readEnv();
const args = process.argv.slice(2);
const warm =
  args[0] === 'credential-process'
    ? await (
        await import('./credentials/warm-credential-process')
      ).warmCredentialProcess(args.slice(1), env, Date.now())
    : undefined;
if (warm !== undefined) process.stdout.write(`${warm}\n`);
else process.exitCode = await runFull(args, env);
