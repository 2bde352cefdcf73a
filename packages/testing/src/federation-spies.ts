import { randomBytes } from 'node:crypto';
import type {
  ConsoleSignIn,
  ConsoleSignInInput,
  CredentialIssuer,
  IssueCredentialsInput,
  IssuedCredentials,
} from '@elevate/domain';

const upperAlnum = (length: number): string =>
  [...randomBytes(length)].map((byte) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[byte % 32]).join('');

/** Credentials shaped like STS's, made at runtime so every test has its own to look for. */
const fakeCredentials = (region = 'eu-west-1'): IssuedCredentials => ({
  accessKeyId: `ASIA${upperAlnum(16)}`,
  secretAccessKey: randomBytes(30).toString('base64'),
  sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(48).toString('base64')}`,
  expiration: '2030-01-01T10:00:00.000Z',
  region,
});

/** An issuer that records what it was asked and answers with fresh fake credentials (or `fail`). */
export function spyIssuer(fail?: () => Error): CredentialIssuer & {
  calls: IssueCredentialsInput[];
  issued: IssuedCredentials[];
} {
  const spy = {
    calls: [] as IssueCredentialsInput[],
    issued: [] as IssuedCredentials[],
    async issue(input: IssueCredentialsInput): Promise<IssuedCredentials> {
      spy.calls.push(input);
      if (fail !== undefined) throw fail();
      const credentials = fakeCredentials();
      spy.issued.push(credentials);
      return credentials;
    },
  };
  return spy;
}

/** A console sign-in that records its input and hands out a secret-looking one-time URL. */
export function spySignIn(fail?: () => Error): ConsoleSignIn & {
  calls: ConsoleSignInInput[];
  urls: string[];
} {
  const spy = {
    calls: [] as ConsoleSignInInput[],
    urls: [] as string[],
    async signInUrl(input: ConsoleSignInInput): Promise<string> {
      spy.calls.push(input);
      if (fail !== undefined) throw fail();
      const url = `https://signin.aws.amazon.com/federation?Action=login&SigninToken=${randomBytes(40).toString('base64url')}`;
      spy.urls.push(url);
      return url;
    },
  };
  return spy;
}
