import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bundled CLI, as `npm install -g` would run it. */
export const ELEVATE_BIN = fileURLToPath(new URL('../dist/elevate.js', import.meta.url));

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stderr matches. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  done: Promise<Finished>;
}

export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: (() => void)[] = [];
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    for (const w of watchers) w();
  });
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    done,
    waitForStderr(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern} in:\n${stderr}`)),
          timeoutMs,
        );
        const check = () => {
          const match = pattern.exec(stderr);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          }
        };
        watchers.push(check);
        void done.then(() => check());
        check();
      });
    },
  };
}

export const startElevate = (args: string[], env: NodeJS.ProcessEnv): Running =>
  startProcess(process.execPath, [ELEVATE_BIN, ...args], env);

export const runElevate = (args: string[], env: NodeJS.ProcessEnv): Promise<Finished> =>
  startElevate(args, env).done;
