import { OUTBOUND_DEADLINES } from '../outbound';

/** The Slack app's secret (Secrets Manager JSON): the bot token and the request signing secret. */
export interface SlackAppSecret {
  readonly botToken: string;
  readonly signingSecret: string;
}

export class SlackApiError extends Error {
  override readonly name = 'SlackApiError';
  constructor(
    readonly method: string,
    readonly code: string,
  ) {
    super(`Slack ${method} failed: ${code}`);
  }
}

/**
 * A minimal Slack Web API client: one POST per call with the bot token, a deadline per call, and
 * Slack's `{ ok, error }` answer turned into a SlackApiError naming the method and Slack's error
 * code only (never the token, the channel's messages or the body).
 */
export class SlackApi {
  readonly #token: () => Promise<string>;
  readonly #fetch: typeof fetch;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(options: {
    readonly token: () => Promise<string>;
    readonly fetch?: typeof fetch;
    /** `https://slack.com/api` unless a test or the local chat page stands in for it. */
    readonly baseUrl?: string;
    readonly timeoutMs?: number;
  }) {
    this.#token = options.token;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#baseUrl = (options.baseUrl ?? 'https://slack.com/api').replace(/\/+$/u, '');
    this.#timeoutMs = options.timeoutMs ?? OUTBOUND_DEADLINES.slackApi.attemptMs;
  }

  async call(method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const token = await this.#token();
    // users.lookupByEmail takes form fields; the chat methods take JSON.
    const form = method.startsWith('users.');
    const response = await this.#fetch(`${this.#baseUrl}/${method}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': form
          ? 'application/x-www-form-urlencoded'
          : 'application/json; charset=utf-8',
      },
      body: form
        ? new URLSearchParams(
            Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString()
        : JSON.stringify(body),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (!response.ok) throw new SlackApiError(method, `http_${response.status}`);
    const answer = (await response.json()) as Record<string, unknown>;
    if (answer['ok'] !== true)
      throw new SlackApiError(
        method,
        typeof answer['error'] === 'string' ? answer['error'] : 'unknown',
      );
    return answer;
  }
}
