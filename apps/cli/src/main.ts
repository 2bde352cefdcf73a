import { readEnv } from './env';

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
else process.exitCode = await (await import('./full-cli')).runFullCli(args, env);
