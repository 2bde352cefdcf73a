import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import type { EmulatorState, VendedSession } from '../emulator-state';
import { readQueryParams } from '../read-query-params';
import type { WireRequest } from '../sigv4/sigv4';
import { opaqueId } from '../vend-credentials';
import { renderConsolePage, renderErrorPage } from './render-console-page';

/** A login URL (its sign-in token) is good for 15 minutes, as AWS's is. */
const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const MIN_CONSOLE_SESSION_SECONDS = 900;
const MAX_CONSOLE_SESSION_SECONDS = 43200;

export interface FederationContext {
  now: Date;
  state: EmulatorState;
  /** Absolute URL of the console page, where a successful login redirects. */
  consoleUrl: string;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What happened, for the log: never a credential, sign-in token or URL carrying one. */
  logLine: string;
}

type FederationErrorCode =
  | 'InvalidAction'
  | 'MissingParameter'
  | 'InvalidSession'
  | 'InvalidCredentials'
  | 'ExpiredCredentials'
  | 'SessionDurationNotAllowed'
  | 'InvalidSessionDuration';

class FederationError extends Error {
  constructor(
    readonly code: FederationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

const sessionJsonSchema = z.object({
  sessionId: z.string().check(z.minLength(1)),
  sessionKey: z.string().check(z.minLength(1)),
  sessionToken: z.string().check(z.minLength(1)),
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function readSession(raw: string | null, context: FederationContext): VendedSession {
  if (raw === null)
    throw new FederationError('MissingParameter', 'The Session parameter is required.');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new FederationError(
      'InvalidSession',
      'Session must be a JSON object with sessionId, sessionKey and sessionToken.',
    );
  }
  const parsed = sessionJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new FederationError(
      'InvalidSession',
      'Session must be a JSON object with sessionId, sessionKey and sessionToken.',
    );
  }
  const session = context.state.sessions.get(parsed.data.sessionId);
  if (
    !session ||
    !sameSecret(parsed.data.sessionKey, session.secretAccessKey) ||
    !sameSecret(parsed.data.sessionToken, session.sessionToken)
  ) {
    throw new FederationError(
      'InvalidCredentials',
      'The session credentials are not valid temporary credentials.',
    );
  }
  if (context.now.getTime() >= session.expiresAt.getTime()) {
    throw new FederationError('ExpiredCredentials', 'The session credentials have expired.');
  }
  return session;
}

function readSessionDuration(raw: string | null, session: VendedSession): number | undefined {
  if (raw === null) return undefined;
  if (session.roleChained) {
    throw new FederationError(
      'SessionDurationNotAllowed',
      'SessionDuration is not supported for credentials obtained by role chaining; omit it and the console session lasts as long as the credentials.',
    );
  }
  const seconds = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(seconds >= MIN_CONSOLE_SESSION_SECONDS && seconds <= MAX_CONSOLE_SESSION_SECONDS)) {
    throw new FederationError(
      'InvalidSessionDuration',
      `SessionDuration must be an integer from ${MIN_CONSOLE_SESSION_SECONDS} to ${MAX_CONSOLE_SESSION_SECONDS}.`,
    );
  }
  return seconds;
}

function getSigninToken(params: URLSearchParams, context: FederationContext): HttpReply {
  let caller = '-';
  try {
    const session = readSession(params.get('Session'), context);
    caller = session.assumedRoleArn;
    const consoleSessionSeconds = readSessionDuration(params.get('SessionDuration'), session);
    const token = opaqueId(96);
    context.state.signinTokens.set(token, {
      accessKeyId: session.accessKeyId,
      issuedAt: context.now,
      consoleSessionSeconds,
      used: false,
    });
    return {
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({ SigninToken: token }),
      logLine: `federation action=getSigninToken caller=${session.assumedRoleArn} outcome=ok code=-`,
    };
  } catch (error) {
    if (!(error instanceof FederationError)) throw error;
    return {
      status: 400,
      headers: JSON_HEADERS,
      body: JSON.stringify({ Error: { Code: error.code, Message: error.message } }),
      logLine: `federation action=getSigninToken caller=${caller} outcome=refused code=${error.code}`,
    };
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function loginRefused(code: string, message: string, caller = '-'): HttpReply {
  return {
    status: 400,
    headers: PAGE_HEADERS,
    body: renderErrorPage('Sign-in failed', message),
    logLine: `federation action=login caller=${caller} outcome=refused code=${code}`,
  };
}

function login(params: URLSearchParams, context: FederationContext): HttpReply {
  const destination = params.get('Destination');
  const issuer = params.get('Issuer') ?? undefined;
  const token = params.get('SigninToken');
  if (destination === null || !isHttpUrl(destination)) {
    return loginRefused(
      'InvalidDestination',
      'The Destination parameter must be an absolute http(s) URL.',
    );
  }
  if (issuer !== undefined && !isHttpUrl(issuer)) {
    return loginRefused('InvalidIssuer', 'The Issuer parameter must be an absolute http(s) URL.');
  }
  const record = token === null ? undefined : context.state.signinTokens.get(token);
  if (!record) return loginRefused('InvalidSigninToken', 'The sign-in token is not valid.');
  const session = context.state.sessions.get(record.accessKeyId);
  const caller = session?.assumedRoleArn ?? '-';
  if (record.used)
    return loginRefused(
      'SigninTokenUsed',
      'This sign-in link has already been used. Ask Elevate for a new one.',
      caller,
    );
  if (context.now.getTime() - record.issuedAt.getTime() > SIGNIN_TOKEN_LIFETIME_MS) {
    return loginRefused(
      'SigninTokenExpired',
      'This sign-in link has expired: sign-in links are valid for 15 minutes.',
      caller,
    );
  }
  if (!session || context.now.getTime() >= session.expiresAt.getTime()) {
    return loginRefused(
      'ExpiredCredentials',
      'The credentials behind this sign-in link have expired.',
      caller,
    );
  }
  record.used = true;
  const expiresAt =
    record.consoleSessionSeconds === undefined
      ? session.expiresAt
      : new Date(context.now.getTime() + record.consoleSessionSeconds * 1000);
  const id = opaqueId();
  context.state.consoleSessions.set(id, {
    session,
    issuer,
    destination,
    signedInAt: context.now,
    expiresAt,
  });
  const location = `${context.consoleUrl}?session=${encodeURIComponent(id)}`;
  return {
    status: 302,
    headers: { ...PAGE_HEADERS, location },
    body: '',
    logLine: `federation action=login caller=${caller} outcome=ok code=-`,
  };
}

/** The federation endpoint: `Action=getSigninToken` and `Action=login`, as on signin.aws.amazon.com/federation. */
export function handleFederationRequest(
  request: WireRequest,
  context: FederationContext,
): HttpReply {
  const params = readQueryParams(request);
  const action = params.get('Action');
  switch (action) {
    case 'getSigninToken':
      return getSigninToken(params, context);
    case 'login':
      return login(params, context);
    case null: // no Action at all, answered as an unknown one
    default:
      return {
        status: 400,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          Error: { Code: 'InvalidAction', Message: 'Action must be getSigninToken or login.' },
        }),
        logLine: 'federation action=(invalid) caller=- outcome=refused code=InvalidAction',
      };
  }
}

/** The local console page for a session created by `Action=login`. */
export function handleConsoleRequest(
  request: WireRequest,
  context: Pick<FederationContext, 'now' | 'state'>,
): HttpReply {
  const id = readQueryParams(request).get('session');
  const consoleSession = id === null ? undefined : context.state.consoleSessions.get(id);
  if (!consoleSession) {
    return {
      status: 404,
      headers: PAGE_HEADERS,
      body: renderErrorPage(
        'Console session not found',
        'There is no console session here. Sign in again through Elevate.',
      ),
      logLine: 'console action=view caller=- outcome=refused code=UnknownConsoleSession',
    };
  }
  if (context.now.getTime() >= consoleSession.expiresAt.getTime()) {
    return {
      status: 400,
      headers: PAGE_HEADERS,
      body: renderErrorPage(
        'Console session expired',
        'This console session has expired. Sign in again through Elevate.',
      ),
      logLine: `console action=view caller=${consoleSession.session.assumedRoleArn} outcome=refused code=ConsoleSessionExpired`,
    };
  }
  return {
    status: 200,
    headers: PAGE_HEADERS,
    body: renderConsolePage(consoleSession),
    logLine: `console action=view caller=${consoleSession.session.assumedRoleArn} outcome=ok code=-`,
  };
}
