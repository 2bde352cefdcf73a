/**
 * What a use case knows of the call it serves, whatever carried it (HTTP locally and on Lambda):
 * the HTTP layer reads these from the request (http/client-of.ts, middleware/authenticate.ts).
 */

/** Who is on the other end of a call, for session records: never trusted for any decision. */
export interface CallClient {
  readonly sourceIp?: string;
  readonly userAgent?: string;
}

/** The raw tokens of this call, read from its headers; for verifiers only, never stored or logged. */
export interface CallTokens {
  readonly accessToken: string | undefined;
  readonly idToken: string | undefined;
}
