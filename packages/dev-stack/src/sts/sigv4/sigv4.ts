import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { StsError } from '../sts-error';

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS refuses requests dated more than this far from its own clock, either way. */
const MAX_REQUEST_SKEW_MS = 15 * 60 * 1000;

/** A request as it arrived on the wire: what SigV4 signs. */
export interface WireRequest {
  method: string;
  /** Path and query exactly as sent (Node's `req.url`). */
  url: string;
  /** Node's `req.rawHeaders`: name, value, name, value... */
  rawHeaders: readonly string[];
  body: Buffer;
}

interface SigV4Authorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export interface SigV4Request {
  authorization: SigV4Authorization;
  /** The `YYYYMMDDTHHMMSSZ` timestamp that went into the string to sign. */
  amzDate: string;
  requestDate: Date;
  securityToken: string | undefined;
}

function headerValues(rawHeaders: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** Reads `AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/sts/aws4_request, SignedHeaders=a;b, Signature=hex`. */
function parseAuthorizationHeader(header: string): SigV4Authorization {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    throw new StsError(
      'IncompleteSignature',
      `Unsupported AWS 'algorithm': only '${ALGORITHM}' is accepted.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const required of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.get(required)) {
      throw new StsError(
        'IncompleteSignature',
        `Authorization header requires '${required}' parameter.`,
      );
    }
  }
  const credential = (fields.get('Credential') ?? '').split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = credential;
  if (
    credential.length !== 5 ||
    !accessKeyId ||
    !scopeDate ||
    !region ||
    !service ||
    terminator !== 'aws4_request'
  ) {
    throw new StsError(
      'IncompleteSignature',
      'Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.',
    );
  }
  const signature = fields.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    throw new StsError(
      'IncompleteSignature',
      'Signature must be 64 lowercase hexadecimal characters.',
    );
  }
  const signedHeaders = (fields.get('SignedHeaders') ?? '').split(';').filter((h) => h.length > 0);
  return { accessKeyId, scopeDate, region, service, signedHeaders, signature };
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  if (
    y === undefined ||
    mo === undefined ||
    d === undefined ||
    h === undefined ||
    mi === undefined ||
    s === undefined
  ) {
    return undefined;
  }
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function toAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Pulls the signature inputs out of a request, or says why it is not a SigV4 header-signed request. */
export function readSigV4Request(request: WireRequest): SigV4Request {
  const headers = headerValues(request.rawHeaders);
  const header = headers.get('authorization')?.[0];
  if (header === undefined || header.trim() === '') {
    throw new StsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  const authorization = parseAuthorizationHeader(header);
  if (!authorization.signedHeaders.includes('host')) {
    throw new StsError(
      'IncompleteSignature',
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const amzHeader = headers.get('x-amz-date')?.[0];
  const dateHeader = headers.get('date')?.[0];
  let requestDate: Date | undefined;
  if (amzHeader !== undefined) {
    requestDate = parseAmzDate(amzHeader.trim());
  } else if (dateHeader !== undefined) {
    const parsed = new Date(dateHeader);
    requestDate = Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  if (requestDate === undefined) {
    throw new StsError(
      'IncompleteSignature',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  return {
    authorization,
    amzDate: amzHeader?.trim() ?? toAmzDate(requestDate),
    requestDate,
    securityToken: headers.get('x-amz-security-token')?.[0],
  };
}

/** AWS's 15-minute rule, with AWS's wording. */
export function assertRequestDateFresh(request: SigV4Request, now: Date): void {
  const skew = request.requestDate.getTime() - now.getTime();
  if (skew < -MAX_REQUEST_SKEW_MS) {
    const limit = toAmzDate(new Date(now.getTime() - MAX_REQUEST_SKEW_MS));
    throw new StsError(
      'SignatureDoesNotMatch',
      `Signature expired: ${request.amzDate} is now earlier than ${limit} (${toAmzDate(now)} - 15 min.)`,
    );
  }
  if (skew > MAX_REQUEST_SKEW_MS) {
    const limit = toAmzDate(new Date(now.getTime() + MAX_REQUEST_SKEW_MS));
    throw new StsError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${request.amzDate} is still later than ${limit} (${toAmzDate(now)} + 15 min.)`,
    );
  }
}

/** The credential scope must name this endpoint's region and service, and the request's own date. */
export function assertCredentialScope(
  request: SigV4Request,
  region: string,
  service: string,
): void {
  const { authorization, amzDate } = request;
  if (authorization.service !== service) {
    throw new StsError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${service}'. `,
    );
  }
  if (authorization.region !== region) {
    throw new StsError(
      'SignatureDoesNotMatch',
      `Credential should be scoped to a valid region, not '${authorization.region}'. `,
    );
  }
  if (authorization.scopeDate !== amzDate.slice(0, 8)) {
    throw new StsError(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  // Non-S3 services encode the (already encoded) path once more.
  return uriEncode(normalized).replace(/%2F/g, '/');
}

function canonicalQuery(query: string): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'X-Amz-Signature') continue;
    pairs.push([uriEncode(key), uriEncode(value)]);
  }
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function buildCanonicalRequest(request: WireRequest, signedHeaders: readonly string[]): string {
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
  const headers = headerValues(request.rawHeaders);
  const sorted = [...signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = sorted
    .map((name) => {
      const values = (headers.get(name) ?? []).map((v) => v.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
  // Always the body's own hash: a declared x-amz-content-sha256 that lies about the body then fails to match.
  const payloadHash = sha256Hex(request.body);
  return [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    canonicalHeaders,
    sorted.join(';'),
    payloadHash,
  ].join('\n');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function deriveSigningKey(
  secretAccessKey: string,
  scopeDate: string,
  region: string,
  service: string,
): Buffer {
  return hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, scopeDate), region), service),
    'aws4_request',
  );
}

/** The signature the caller should have sent, given the secret we hold for its key. */
export function computeSignature(
  request: WireRequest,
  parsed: SigV4Request,
  secretAccessKey: string,
): string {
  const { authorization, amzDate } = parsed;
  const scope = `${authorization.scopeDate}/${authorization.region}/${authorization.service}/aws4_request`;
  const canonical = buildCanonicalRequest(request, authorization.signedHeaders);
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = deriveSigningKey(
    secretAccessKey,
    authorization.scopeDate,
    authorization.region,
    authorization.service,
  );
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

export function assertSignatureMatches(
  request: WireRequest,
  parsed: SigV4Request,
  secretAccessKey: string,
): void {
  const expected = Buffer.from(computeSignature(request, parsed, secretAccessKey), 'utf8');
  const given = Buffer.from(parsed.authorization.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new StsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
}
