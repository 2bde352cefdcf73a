import type { ConsoleSignIn, ConsoleSignInInput } from '@elevate/domain';
import { ConsoleSignInError } from '@elevate/domain';
import * as z from 'zod/mini';
import { OUTBOUND_DEADLINES } from '../outbound';
import { consoleDestinationFor } from './console-destination';

export const AWS_FEDERATION_ENDPOINT = 'https://signin.aws.amazon.com/federation';

export interface AwsFederationSignInOptions {
  /** The broker's URL, shown by AWS as where the user came from (`Issuer`). */
  readonly issuer: string;
  /** AWS's federation endpoint, or the local emulator's. */
  readonly federationEndpoint?: string;
  readonly timeoutMs?: number;
  /** Test seam. */
  readonly fetch?: typeof fetch;
}

const signinTokenSchema = z.object({ SigninToken: z.string().check(z.minLength(1)) });

/**
 * Console sign-in through the AWS federation endpoint: exchange temporary credentials for a
 * sign-in token (`Action=getSigninToken`, without `SessionDuration` because the broker's
 * credentials are role-chained), then build the one-time `Action=login` URL. The token and the URL
 * are secrets: they are returned, never logged, and no error message carries them.
 */
export class AwsFederationSignIn implements ConsoleSignIn {
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: AwsFederationSignInOptions) {
    this.endpoint = options.federationEndpoint ?? AWS_FEDERATION_ENDPOINT;
    this.timeoutMs = options.timeoutMs ?? OUTBOUND_DEADLINES.consoleSignIn.attemptMs;
    this.fetch = options.fetch ?? fetch;
  }

  async signInUrl(input: ConsoleSignInInput): Promise<string> {
    const destination = consoleDestinationFor(input.region, input.destination);
    const token = await this.signinToken(input);
    const login = new URLSearchParams({
      Action: 'login',
      Issuer: this.options.issuer,
      Destination: destination,
      SigninToken: token,
    });
    return `${this.endpoint}?${login.toString()}`;
  }

  private async signinToken({ credentials }: ConsoleSignInInput): Promise<string> {
    const session = JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
    // POSTed as a form, not in the query string: URLs end up in proxy, load-balancer and tracing logs.
    const form = new URLSearchParams({ Action: 'getSigninToken', Session: session });
    let response: Response;
    try {
      response = await this.fetch(this.endpoint, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // The cause may quote the request URL, which carries the credentials: keep only its name.
      const name = error instanceof Error ? error.name : 'Error';
      throw new ConsoleSignInError(
        'unavailable',
        `The federation endpoint did not answer (${name}).`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const code = z.object({ Error: z.object({ Code: z.string() }) }).safeParse(body);
      const detail = code.success ? code.data.Error.Code : `HTTP ${response.status}`;
      throw new ConsoleSignInError(
        response.status >= 500 ? 'unavailable' : 'refused',
        `The federation endpoint refused the session (${detail}).`,
      );
    }
    const parsed = signinTokenSchema.safeParse(body);
    if (!parsed.success)
      throw new ConsoleSignInError(
        'unavailable',
        'The federation endpoint answered without a sign-in token.',
      );
    return parsed.data.SigninToken;
  }
}
