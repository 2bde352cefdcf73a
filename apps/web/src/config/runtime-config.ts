import * as z from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** `/config.json`: written by CDK in AWS and served by vite locally, so one build runs anywhere. */
export const runtimeConfigSchema = z.object({
  /** The IdP's issuer; its discovery document lives under it. */
  authority: httpUrl,
  clientId: z.string().min(1, 'must not be empty'),
  apiUrl: httpUrl,
  /** Where the IdP sends the user back; a path on this origin. */
  redirectPath: z
    .string()
    .regex(/^\/(?!\/)/, 'must be a path on this site, starting with a single "/"')
    .default('/auth/callback'),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

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
