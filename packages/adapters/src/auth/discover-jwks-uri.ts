import * as z from 'zod/mini';
import { AuthError } from './auth-error';

const discoveryDocumentSchema = z.object({
  issuer: z.string(),
  jwks_uri: z.url({ protocol: /^https?$/ }),
});

/** Where an issuer's OpenID Connect discovery document lives (OIDC Discovery 1.0 §4). */
function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * Reads `jwks_uri` from the issuer's discovery document. The document must name the same issuer
 * (OIDC Discovery §4.3), and an https issuer must publish its keys over https.
 */
export async function discoverJwksUri(
  issuer: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<URL> {
  let body: unknown;
  try {
    const response = await fetchImpl(discoveryUrl(issuer), {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
    body = await response.json();
  } catch {
    throw new AuthError('IDP_UNAVAILABLE', { reason: 'discovery' });
  }
  const document = discoveryDocumentSchema.safeParse(body);
  if (!document.success || document.data.issuer !== issuer) {
    throw new AuthError('IDP_UNAVAILABLE', { reason: 'discovery document invalid' });
  }
  const jwksUri = new URL(document.data.jwks_uri);
  if (new URL(issuer).protocol === 'https:' && jwksUri.protocol !== 'https:') {
    throw new AuthError('IDP_UNAVAILABLE', { reason: 'discovery jwks_uri not https' });
  }
  return jwksUri;
}
