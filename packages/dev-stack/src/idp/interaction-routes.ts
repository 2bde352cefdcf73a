import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from './oidc-provider';
import * as z from 'zod/mini';
import type { Persona } from '../config/dev-config';
import { renderErrorPage } from './idp-pages';
import { MFA_CHECKED_VALUE, SIGN_IN_FIELDS, renderSignInPage } from './sign-in-page';

const INTERACTION_PATH = /^\/interaction\/([\w-]{1,64})(\/(login|abort))?$/;
const MAX_FORM_BYTES = 8 * 1024;

const signInFormSchema = z.object({
  [SIGN_IN_FIELDS.persona]: z.string().check(z.minLength(1)),
  [SIGN_IN_FIELDS.mfa]: z.optional(z.literal(MFA_CHECKED_VALUE)),
});

export interface InteractionDeps {
  provider: Provider;
  personas: readonly Persona[];
  log: (line: string) => void;
}

/**
 * Serves the sign-in page behind oidc-provider's interaction URL. Returns false for paths it does not own.
 * It never completes a `login` prompt by itself, so `prompt=login` and `max_age` always show the page.
 */
export async function handleInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://idp.invalid').pathname;
  const match = INTERACTION_PATH.exec(path);
  if (!match) return false;
  const uid = match[1] ?? '';
  const action = match[3];
  try {
    if (action === undefined && req.method === 'GET') await showInteraction(deps, uid, req, res);
    else if (action === 'login' && req.method === 'POST') await submitLogin(deps, uid, req, res);
    else if (action === 'abort' && req.method === 'POST') await abortInteraction(deps, req, res);
    else sendHtml(res, 405, renderErrorPage({ error: 'method_not_allowed' }));
  } catch (error) {
    // Typically an expired or foreign interaction: say so plainly and let the user start over.
    const description = error instanceof Error ? error.message : 'unexpected error';
    deps.log(`interaction failed: ${description}`);
    if (!res.headersSent)
      sendHtml(
        res,
        400,
        renderErrorPage({ error: 'interaction_failed', error_description: description }),
      );
  }
  return true;
}

async function showInteraction(
  deps: InteractionDeps,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { provider, personas } = deps;
  const details = await provider.interactionDetails(req, res);
  const clientId = String(details.params.client_id ?? '');
  switch (details.prompt.name) {
    case 'login': {
      const signedInAs = personas.find((p) => p.sub === details.session?.accountId);
      sendHtml(
        res,
        200,
        renderSignInPage({
          personas,
          clientId,
          signedInAs,
          loginAction: `/interaction/${uid}/login`,
          abortAction: `/interaction/${uid}/abort`,
        }),
      );
      return;
    }
    case 'consent': {
      // loadExistingGrant covers requested scopes, so this is a fallback: first-party consent is implied.
      const accountId = details.session?.accountId;
      if (!accountId) throw new Error('consent requested without a signed-in account');
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId });
      if (!grant) throw new Error('grant not found');
      const missing = details.prompt.details;
      if (Array.isArray(missing.missingOIDCScope))
        grant.addOIDCScope(missing.missingOIDCScope.map(String));
      if (Array.isArray(missing.missingOIDCClaims))
        grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
      const resourceScopes = missing.missingResourceScopes;
      if (resourceScopes && typeof resourceScopes === 'object') {
        for (const [indicator, scopes] of Object.entries(resourceScopes)) {
          if (Array.isArray(scopes)) grant.addResourceScope(indicator, scopes.map(String));
        }
      }
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    default:
      sendHtml(
        res,
        400,
        renderErrorPage({
          error: 'unsupported_prompt',
          error_description: `prompt ${details.prompt.name}`,
        }),
      );
  }
}

async function submitLogin(
  deps: InteractionDeps,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { provider, personas, log } = deps;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    sendHtml(
      res,
      400,
      renderErrorPage({
        error: 'interaction_mismatch',
        error_description: 'start the sign-in again',
      }),
    );
    return;
  }
  const form = signInFormSchema.safeParse(
    Object.fromEntries(new URLSearchParams(await readForm(req))),
  );
  const persona = form.success
    ? personas.find((p) => p.sub === form.data[SIGN_IN_FIELDS.persona])
    : undefined;
  if (!form.success || !persona) {
    sendHtml(
      res,
      400,
      renderErrorPage({
        error: 'unknown_persona',
        error_description: 'pick a persona from the list',
      }),
    );
    return;
  }
  const amr = form.data[SIGN_IN_FIELDS.mfa] === MFA_CHECKED_VALUE ? ['pwd', 'mfa'] : ['pwd'];
  log(`sign-in ${persona.email} client=${String(details.params.client_id)} amr=${amr.join(',')}`);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: persona.sub, amr, remember: true } },
    { mergeWithLastSubmission: false },
  );
}

async function abortInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  await deps.provider.interactionFinished(
    req,
    res,
    { error: 'access_denied', error_description: 'the user cancelled the sign-in' },
    { mergeWithLastSubmission: false },
  );
}

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
  });
  res.end(body);
}
