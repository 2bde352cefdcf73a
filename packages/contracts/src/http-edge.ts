// What the API's edge and its callers agree on, declared once: the header names, the CORS lists
// (the Hono app on a laptop, API Gateway in AWS) and the routes infra wires outside API_OPERATIONS.

/** The header that carries the ID token next to `Authorization: Bearer <access token>`. */
export const ID_TOKEN_HEADER = 'x-elevate-id-token';

/** Names one write so a retry is answered once (docs/api.md, "Retrying safely"). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Set on an answer replayed for a repeated Idempotency-Key. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** The id that ties an answer to the log lines about it; a caller may offer its own. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** RFC 9110: seconds until asking again may pass (the HTTP-date form is not used). */
export const RETRY_AFTER_HEADER = 'retry-after';

/** Request headers a browser on the SPA's origin may send. */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  ID_TOKEN_HEADER,
  CORRELATION_ID_HEADER,
  IDEMPOTENCY_KEY_HEADER,
] as const;

/** Response headers the SPA may read. */
export const CORS_EXPOSE_HEADERS = [
  CORRELATION_ID_HEADER,
  RETRY_AFTER_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
] as const;

/** Slack's interactive endpoint: not an API operation (Slack signs it; no tokens, no OpenAPI). */
export const SLACK_INTERACTIONS_PATH = '/integrations/slack/interactions';
