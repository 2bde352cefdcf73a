import { createHash, randomBytes } from 'node:crypto';

/** Test-only: a tiny browser stand-in that keeps cookies and follows redirects by hand. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', v = ''] = a.trim().split('=');
        return (
          (key.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (key.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
        );
      });
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** One request without following redirects, cookies in and out of the jar. */
export async function send(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { cookie: jar.header(), ...init.headers };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    redirect: 'manual',
  });
  jar.store(response);
  return response;
}

/** Follows redirects within the issuer; returns the first response that is not a redirect back to the issuer. */
export async function follow(
  jar: CookieJar,
  issuer: string,
  response: Response,
): Promise<Response> {
  let current = response;
  for (let hops = 0; hops < 10; hops += 1) {
    const location = current.headers.get('location');
    if (current.status < 300 || current.status >= 400 || !location) return current;
    const next = new URL(location, issuer);
    if (next.origin !== new URL(issuer).origin) return current;
    await current.body?.cancel();
    current = await send(jar, next.href);
  }
  throw new Error('too many redirects');
}

/** The form action and persona buttons a browser would see on the sign-in page. */
export function parseSignInPage(html: string): { loginAction: string; personaSubs: string[] } {
  const loginAction = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
  if (!loginAction) throw new Error('no sign-in form on the page');
  const personaSubs = [...html.matchAll(/<button type="submit" name="sub" value="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  return { loginAction, personaSubs };
}
