import { readEnv } from './env';
import type * as FullCliModule from './full-cli';

/** Set by the bundler: the full CLI as CommonJS source text, compiled only when it is needed. */
declare const ELEVATE_FULL_CLI_SOURCE: string | undefined;

type FullCli = typeof FullCliModule;

/**
 * The bundle carries the full CLI as a string, so a warm `credential-process` does not pay for
 * compiling code it never runs (compiling was most of its start-up time); from source (tests,
 * tsx) it is an ordinary import.
 */
async function loadFullCli(): Promise<FullCli> {
  if (typeof ELEVATE_FULL_CLI_SOURCE !== 'string') return import('./full-cli');
  const { createRequire } = await import('node:module');
  const module = { exports: {} as FullCli };
  // Our own bundled code (see above), never anything read at run time.
  const evaluate = new Function(
    'module',
    'exports',
    'require',
    '__elevate_import_meta_url',
    ELEVATE_FULL_CLI_SOURCE,
  );
  evaluate(module, module.exports, createRequire(import.meta.url), import.meta.url);
  return module.exports;
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
else process.exitCode = await (await loadFullCli()).runFullCli(args, env);
