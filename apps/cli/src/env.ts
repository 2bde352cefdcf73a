import { homedir } from 'node:os';
import { join } from 'node:path';

/** Every environment variable the CLI reads, read in this one place (docs/cli.md lists them). */
export interface CliEnv {
  /** config.json and the token file: `$ELEVATE_CONFIG_DIR`, else `$XDG_CONFIG_HOME/elevate`, else `~/.config/elevate`. */
  configDir: string;
  /** Cached AWS credentials: `$ELEVATE_CACHE_DIR`, else `$XDG_CACHE_HOME/elevate`, else `~/.cache/elevate`. */
  cacheDir: string;
  /** `auto` (keychain when one answers, else file), `keychain` or `file`. */
  tokenStore: 'auto' | 'keychain' | 'file';
  /** The AWS CLI's config file (`AWS_CONFIG_FILE`, else `~/.aws/config`). */
  awsConfigFile: string;
  /** `NO_COLOR` (any value) turns colours off even on a terminal. */
  noColor: boolean;
  /** `ELEVATE_NO_BROWSER=1`: print sign-in and console URLs instead of opening a browser. */
  noBrowser: boolean;
  /** How often `request --wait` asks about the request, in seconds. */
  pollSeconds: number;
  /** How long a cached credential is trusted without asking whether its window is still open. */
  recheckSeconds: number;
  /** The shell `elevate env` writes for without `--shell`: fish when `$SHELL` is fish, else bash. */
  shell: 'fish' | 'bash';
  /** The environment a command run by `elevate exec` starts from (its credentials are added). */
  inherited: Readonly<NodeJS.ProcessEnv>;
}

const seconds = (value: string | undefined, fallback: number): number => {
  const parsed = value === undefined || value === '' ? Number.NaN : Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
};

export function readEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const home = homedir();
  const store = env.ELEVATE_TOKEN_STORE;
  return {
    configDir:
      env.ELEVATE_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'elevate'),
    cacheDir: env.ELEVATE_CACHE_DIR || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'elevate'),
    tokenStore: store === 'keychain' || store === 'file' ? store : 'auto',
    awsConfigFile: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== '',
    noBrowser: env.ELEVATE_NO_BROWSER === '1' || env.ELEVATE_NO_BROWSER === 'true',
    pollSeconds: seconds(env.ELEVATE_POLL_SECONDS, 3),
    recheckSeconds: seconds(env.ELEVATE_RECHECK_SECONDS, 60),
    shell: env.SHELL?.endsWith('fish') ? 'fish' : 'bash',
    inherited: env,
  };
}
