// The bench's child processes: `node --import tsx <script>` from apps/api, each in a process group
// of its own so that stopping it stops whatever it started, and all of them stoppable at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const apiRoot = resolve(import.meta.dirname, '..');

/** Everything started, stopped however the run ends. */
const children: ChildProcess[] = [];

/** `node --import tsx <script>` in its own process group, stopped however the run ends. */
export function spawnScript(
  script: string,
  scriptArgs: string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; output: 'pipe' | 'inherit' },
): ChildProcess {
  const child = spawn(
    'node',
    [...(options.nodeArgs ?? []), '--import', 'tsx', script, ...scriptArgs],
    {
      cwd: apiRoot,
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...options.env,
      },
      detached: true,
      stdio: ['ignore', options.output, options.output],
    },
  );
  children.push(child);
  return child;
}

/** Starts a script (`spawnScript`); resolves with what `ready` matched in its output. */
export function start(
  script: string,
  scriptArgs: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawnScript(script, scriptArgs, { env, nodeArgs, output: 'pipe' });
  // Piped (`output: 'pipe'`), so both streams exist.
  const streams = [child.stdout, child.stderr].filter((stream) => stream !== null);
  return new Promise((resolveStart, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      // Keep only a tail: the API logs a line per request.
      output = (output + chunk.toString()).slice(-4000);
      const match = ready.exec(output);
      if (match) {
        resolveStart({ child, match });
        for (const stream of streams) {
          stream.removeListener('data', onData);
          // Drain whatever follows so the child never blocks on a full pipe.
          stream.resume();
        }
      }
    };
    for (const stream of streams) stream.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${script} exited (${String(code)}) before it was ready:\n${output}`)),
    );
  });
}

/** Stops every child still running. */
export const stopAll = (): Promise<void[]> => Promise.all(children.map(stop));

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  return Promise.race([exited, new Promise<void>((done) => setTimeout(done, 10_000))]);
}
