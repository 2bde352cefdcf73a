import { runtimeConfigSchema } from '@elevate/contracts';
import type { RuntimeConfig } from '@elevate/contracts';

export { runtimeConfigSchema };
export type { RuntimeConfig };

export type RuntimeConfigResult =
  { ok: true; config: RuntimeConfig } | { ok: false; reason: string; issues: string[] };

export const RUNTIME_CONFIG_PATH = '/config.json';

/** Fetches and validates the runtime config; never throws, so the caller can show a clear page. */
export async function loadRuntimeConfig(
  fetchFn: typeof fetch = fetch,
): Promise<RuntimeConfigResult> {
  let response: Response;
  try {
    response = await fetchFn(RUNTIME_CONFIG_PATH, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
  } catch {
    return { ok: false, reason: `${RUNTIME_CONFIG_PATH} could not be fetched.`, issues: [] };
  }
  if (!response.ok) {
    return {
      ok: false,
      reason: `${RUNTIME_CONFIG_PATH} answered HTTP ${response.status}.`,
      issues: [],
    };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, reason: `${RUNTIME_CONFIG_PATH} is not JSON.`, issues: [] };
  }
  return parseRuntimeConfig(body);
}

export function parseRuntimeConfig(body: unknown): RuntimeConfigResult {
  const parsed = runtimeConfigSchema.safeParse(body);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
    return `${where}: ${issue.message}`;
  });
  return {
    ok: false,
    reason: `${RUNTIME_CONFIG_PATH} is not a valid Elevate configuration.`,
    issues,
  };
}
