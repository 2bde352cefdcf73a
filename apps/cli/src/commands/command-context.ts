import type { ApiProblem, ElevateClient } from '@elevate/client';
import type { EligibilityEntry } from '@elevate/contracts';
import type { TokenStore } from '../auth/stored-tokens';
import type { CliConfig } from '../config/cli-config';
import type { CliEnv } from '../env';
import { CliError, EXIT } from '../exit-codes';
import { problemAdvice } from './problem-advice';
import type { Ui } from '../output/ui';

/** Everything a command needs from outside; main.ts builds the real one, tests a fake. */
export interface CommandContext {
  env: CliEnv;
  ui: Ui;
  now(): number;
  config(): Promise<CliConfig>;
  api(): Promise<{ client: ElevateClient; store: TokenStore }>;
  openBrowser(url: string): void;
  fetch: typeof fetch;
}

/**
 * The typed client's failure, recognised by name rather than `instanceof`: the client (and the
 * schema library under it) is loaded only by commands that call the API, never for `--help`.
 */
export function isApiProblem(error: unknown): error is ApiProblem {
  return (
    error instanceof Error &&
    error.name === 'ApiProblem' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** An API refusal or failure as one line for people, with the exit code it deserves. */
export function cliErrorOf(error: unknown): unknown {
  if (!isApiProblem(error)) return error;
  const advice = problemAdvice(error);
  if (error.code === 'STEP_UP_REQUIRED') {
    return new CliError(
      `${error.detail ?? 'This needs a fresh sign-in'} — run: elevate login${error.maxAuthAgeSeconds === undefined ? '' : ` --max-age ${error.maxAuthAgeSeconds}`}`,
      advice.exit,
    );
  }
  if (advice.exit === EXIT.notSignedIn)
    return new CliError('Your sign-in is no longer valid — run: elevate login', advice.exit);
  const fields = error.fieldErrors.map((e) => `\n  ${e.path || '(input)'}: ${e.message}`).join('');
  const text = `${error.title}${error.detail ? `: ${error.detail}` : ''}${fields}`;
  const id = error.correlationId ? ` (correlation id ${error.correlationId})` : '';
  const next = advice.next === undefined ? '' : ` — ${advice.next}`;
  return new CliError(`${text}${id}${next}`, advice.exit);
}

/**
 * `--account` takes a 12-digit id or the policy's account name; names are resolved through what the
 * caller may request (`GET /me`), so a typo says which accounts exist.
 */
export async function resolveEntry(
  client: ElevateClient,
  account: string,
  role: string | undefined,
): Promise<{ accountId: string; accountName: string | undefined; entries: EligibilityEntry[] }> {
  const me = await client.call('getMe', {});
  const entries = me.eligibility.entries.filter(
    (e) =>
      (e.accountId === account || e.accountName.toLowerCase() === account.toLowerCase()) &&
      (role === undefined || e.roleName === role),
  );
  const first = entries[0];
  if (first !== undefined)
    return { accountId: first.accountId, accountName: first.accountName, entries };
  if (/^\d{12}$/.test(account)) return { accountId: account, accountName: undefined, entries };
  const names = [...new Set(me.eligibility.entries.map((e) => e.accountName))].sort();
  throw new CliError(
    `You may not request ${role ?? 'any role'} in an account named "${account}"` +
      (names.length > 0 ? ` — accounts you may request: ${names.join(', ')}` : ''),
    EXIT.refused,
  );
}
