import { spawn, type ChildProcess } from 'node:child_process';
import { lineSplitter, type Log } from './prefixed-log';

export interface ChildService {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a service as its own process group, so stopping it also stops whatever it spawned
 * (vite's workers, a wrapper's child).
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: Log; onExit: (code: number | null) => void },
): ChildService {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', lineSplitter(options.log));
  child.stderr.on('data', lineSplitter(options.log));
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      if (!stopping) options.onExit(code);
      resolve();
    }),
  );
  return {
    name,
    process: child,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers (any status below 500) or the time runs out. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
