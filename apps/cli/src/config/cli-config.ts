import { join } from 'node:path';
import * as z from 'zod/mini';
import { CliError, EXIT } from '../exit-codes';
import { readOptionalFile, writeSecureFile } from '../secure-file';

const httpUrl = z.url({ protocol: /^https?$/ });

/** What `elevate configure` keeps: where the deployment is and how to sign in to it. */
export const cliConfigSchema = z.object({
  /** The Elevate web address the user gave. */
  url: httpUrl,
  /** The OIDC issuer (the deployment's `authority`). */
  issuer: httpUrl,
  /** The native public client id of the CLI. */
  clientId: z.string().check(z.minLength(1)),
  apiUrl: httpUrl,
  /** Scopes to ask for; the CLI's default when absent. */
  scope: z.optional(z.string().check(z.minLength(1))),
  /**
   * A fixed loopback redirect URI, for IdPs that match redirect URIs exactly, port included
   * (Amazon Cognito); absent: `http://127.0.0.1:<any port>/callback` (RFC 8252).
   */
  redirectUri: z.optional(z.url({ protocol: /^http$/ })),
});
export type CliConfig = z.infer<typeof cliConfigSchema>;

/** The deployment's public `/config.json`, as the SPA reads it, plus the CLI's client id. */
export const deploymentConfigSchema = z.object({
  authority: httpUrl,
  apiUrl: httpUrl,
  nativeClientId: z.optional(z.string().check(z.minLength(1))),
  nativeRedirectUri: z.optional(z.url({ protocol: /^http$/ })),
  scope: z.optional(z.string().check(z.minLength(1))),
});

export const configFile = (configDir: string): string => join(configDir, 'config.json');

export async function loadCliConfig(configDir: string): Promise<CliConfig> {
  const text = await readOptionalFile(configFile(configDir));
  if (text === undefined) {
    throw new CliError(
      'Elevate is not configured — run: elevate configure --url https://<your Elevate address>',
      EXIT.notSignedIn,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = cliConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new CliError(
      `${configFile(configDir)} is not a valid Elevate CLI configuration — run elevate configure again`,
      EXIT.notSignedIn,
    );
  }
  return parsed.data;
}

export async function saveCliConfig(configDir: string, config: CliConfig): Promise<void> {
  await writeSecureFile(configFile(configDir), `${JSON.stringify(config, null, 2)}\n`);
}
