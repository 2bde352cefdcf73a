import type { ElevateClient } from '@elevate/client';
import { CliError, EXIT } from '../exit-codes';
import { removeFile } from '../secure-file';
import { isFresh } from './freshness';
import { isApiProblem, resolveEntry } from '../commands/command-context';
import {
  cacheFile,
  readCachedCredentials,
  writeCachedCredentials,
  type CachedCredentials,
} from './credential-cache';

export interface ObtainInput {
  apiUrl: string;
  cacheDir: string;
  /** As the user typed it: an account name or id. */
  account: string;
  role: string;
  /** Region for the session; the deployment's default when absent. */
  region?: string | undefined;
  /** How long the cache may answer without asking the server whether the window is still open. */
  recheckMs: number;
  now: number;
  /** Built only when the cache cannot answer: a warm call never signs in or loads the keychain. */
  client: () => Promise<ElevateClient>;
}

export function noOpenWindow(account: string, role: string): CliError {
  return new CliError(
    `no open window for ${account} / ${role} — run: elevate request --account ${account} --role ${role} --reason "…"`,
    EXIT.noOpenWindow,
  );
}

/**
 * Credentials for an account × role, renewed inside the window without the user doing anything:
 * the cache answers while it is fresh (asking the server at most every `recheckMs` whether the
 * window is still open, so a revocation or early end is noticed); otherwise a new CLI session of
 * the open window is started. No open window is a CliError with one line saying what to do.
 */
export async function obtainCredentials(input: ObtainInput): Promise<CachedCredentials> {
  const file = cacheFile(input.cacheDir, input.apiUrl, input.account, input.role);
  const cached = await readCachedCredentials(file);
  if (cached !== undefined && isFresh(cached, input.now)) {
    if (input.now - cached.checkedAt < input.recheckMs) return cached;
    const client = await input.client();
    const request = await client
      .call('getRequest', { id: cached.requestId })
      .catch((error: unknown) => {
        // Elevate unreachable: credentials STS already issued stay valid to their expiry either way,
        // so an outage of the broker must not stop work that is already allowed.
        if (isApiProblem(error) && (error.status === 0 || error.status >= 500)) return undefined;
        throw error;
      });
    if (request === undefined) return cached;
    if (request.status === 'APPROVED' && request.phase === 'active') {
      const checked = { ...cached, checkedAt: input.now };
      await writeCachedCredentials(file, checked);
      return checked;
    }
    // Ended, revoked or over: these credentials must not be handed out again.
    await removeFile(file);
  }

  const client = await input.client();
  const { accountId, accountName } = await resolveEntry(client, input.account, input.role);
  const open = await client.call('listOpenWindows', { query: { accountId, roleName: input.role } });
  const request = open.items[0];
  if (request === undefined || request.window === null) {
    throw noOpenWindow(input.account, input.role);
  }
  const session = await client.call('startSession', {
    id: request.id,
    body: { kind: 'cli', ...(input.region === undefined ? {} : { region: input.region }) },
  });
  if (session.kind !== 'cli')
    throw new CliError('The API answered with a console session.', EXIT.failure);
  const entry: CachedCredentials = {
    accountId,
    ...(accountName === undefined ? {} : { accountName }),
    roleName: input.role,
    requestId: request.id,
    region: session.region,
    accessKeyId: session.credentials.accessKeyId,
    secretAccessKey: session.credentials.secretAccessKey,
    sessionToken: session.credentials.sessionToken,
    expiresAt: session.expiresAt,
    windowEndsAt: request.window.endsAt,
    checkedAt: input.now,
  };
  await writeCachedCredentials(file, entry);
  return entry;
}
