import { resolve } from 'node:path';

/** What `pnpm dev` reads from its environment, read in this one place. */
export interface DevEnv {
  /** `ELEVATE_DATA_DIR` (default `.data`), from the repository root. */
  readonly dataDir: string;
  /** `ELEVATE_DEV_CONFIG` (default `config/dev-stack.yaml`), from the repository root. */
  readonly configFile: string;
  /** `ELEVATE_POLICY_FILE` (default `config/policy.example.yaml`), from the repository root. */
  readonly policyFile: string;
  /** `ELEVATE_NATIVE_CLIENT_ID`: the CLI's client at an external IdP. */
  readonly nativeClientId: string | undefined;
  /** `ELEVATE_WEB_DIST`: serve this production build instead of vite's dev server. */
  readonly webDist: string | undefined;
  /** The whole environment: the IdP choice reads it, and the children start from it. */
  readonly inherited: Readonly<NodeJS.ProcessEnv>;
}

/** Relative paths are taken from `repoRoot`, wherever the command was started. */
export function readDevEnv(repoRoot: string, env: NodeJS.ProcessEnv = process.env): DevEnv {
  return {
    dataDir: resolve(repoRoot, env.ELEVATE_DATA_DIR ?? '.data'),
    configFile: resolve(repoRoot, env.ELEVATE_DEV_CONFIG ?? 'config/dev-stack.yaml'),
    policyFile: resolve(repoRoot, env.ELEVATE_POLICY_FILE ?? 'config/policy.example.yaml'),
    nativeClientId: env.ELEVATE_NATIVE_CLIENT_ID || undefined,
    webDist: env.ELEVATE_WEB_DIST,
    inherited: env,
  };
}
