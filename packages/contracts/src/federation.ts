import * as z from 'zod/mini';
import { accountIdSchema, instantSchema } from './text';
import { personSchema } from './person';

// Federation: `POST /requests/{id}/sessions` turns an approved, open request into a console
// sign-in URL or CLI credentials. The server never renders CLI formats; the SPA does, with
// `renderCliCredentials` below, so there is one renderer and the response stays small.

export const SESSION_KINDS = ['console', 'cli'] as const;
export const sessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof sessionKindSchema>;

/** An AWS region name, e.g. eu-west-1, us-gov-west-1, ap-southeast-3. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const awsRegionSchema = z
  .string()
  .check(z.regex(AWS_REGION_PATTERN, 'must be an AWS region such as eu-west-1'));

const CONSOLE_HOST = /^([a-z0-9-]+\.)?console\.aws\.amazon\.com$/;
/** A console path: one leading slash, then URL characters only (no `//`, `\`, spaces or controls). */
const CONSOLE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;
export const CONSOLE_DESTINATION_MAX_LENGTH = 2048;

/** Whether `value` is an https URL on the AWS console's own hosts, with nothing that could redirect elsewhere. */
export const isConsoleUrl = (value: string): boolean => {
  if (!value.startsWith('https://') || /[\s\\]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      url.port === '' &&
      CONSOLE_HOST.test(url.hostname)
    );
  } catch {
    return false;
  }
};

/**
 * Where the console opens: a console path (`/s3/home?region=eu-west-1`, taken relative to the chosen
 * region's console) or a full `https://…console.aws.amazon.com/…` deep link. Anything else is refused,
 * so the sign-in URL can never send someone off the AWS console.
 */
export const consoleDestinationSchema = z.string().check(
  z.maxLength(CONSOLE_DESTINATION_MAX_LENGTH),
  z.refine((value) => CONSOLE_PATH.test(value) || isConsoleUrl(value), {
    message: 'must be a console path such as /s3/home or an https://console.aws.amazon.com link',
  }),
);

/** `POST /requests/{id}/sessions`. The region defaults to the deployment's console region. */
export const federateBodySchema = z
  .strictObject({
    kind: sessionKindSchema,
    region: z.optional(awsRegionSchema),
    destination: z.optional(consoleDestinationSchema),
  })
  .check(
    z.refine((body) => body.kind === 'console' || body.destination === undefined, {
      message: 'destination applies to console sessions only',
      path: ['destination'],
    }),
  );
export type FederateBody = z.infer<typeof federateBodySchema>;

/** Temporary credentials for the CLI. `expiration` is when they stop working (ISO-8601 UTC). */
export const cliCredentialsSchema = z.object({
  accessKeyId: z.string().check(z.minLength(1)),
  secretAccessKey: z.string().check(z.minLength(1)),
  sessionToken: z.string().check(z.minLength(1)),
  expiration: instantSchema,
});
export type CliCredentials = z.infer<typeof cliCredentialsSchema>;

/** The console sign-in URL is good for one sign-in within 15 minutes; open it, never store it. */
export const consoleSessionResponseSchema = z.object({
  kind: z.literal('console'),
  url: z.url({ protocol: /^https?$/ }),
  /** When access through this session stops (credential expiry or the window's end, if earlier). */
  expiresAt: instantSchema,
});
export type ConsoleSessionResponse = z.infer<typeof consoleSessionResponseSchema>;

export const cliSessionResponseSchema = z.object({
  kind: z.literal('cli'),
  credentials: cliCredentialsSchema,
  /** The region for AWS_REGION / the profile. */
  region: awsRegionSchema,
  /** When access stops; earlier than `credentials.expiration` when the window ends first. */
  expiresAt: instantSchema,
});
export type CliSessionResponse = z.infer<typeof cliSessionResponseSchema>;

export const federateResponseSchema = z.discriminatedUnion('kind', [
  consoleSessionResponseSchema,
  cliSessionResponseSchema,
]);
export type FederateResponse = z.infer<typeof federateResponseSchema>;

/**
 * One issued session, as the audit timeline shows it. Never a secret key, session token, sign-in
 * token or URL: the AccessKeyId is not secret and ties CloudTrail events back to the request.
 */
export const sessionRecordViewSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  kind: sessionKindSchema,
  roleArn: z.string(),
  accountId: accountIdSchema,
  accessKeyId: z.string(),
  /** When access through the session stops. */
  expiresAt: instantSchema,
  /** The STS region that issued the credentials (the deployment region or a failover one). */
  region: z.string(),
  sourceIp: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  issuedAt: instantSchema,
  issuedBy: personSchema,
  /** As CloudTrail shows them: `assumed-role/<role>/<roleSessionName>`, `sessionContext.sourceIdentity`. */
  roleSessionName: z.optional(z.string()),
  sourceIdentity: z.optional(z.string()),
});
export type SessionRecordView = z.infer<typeof sessionRecordViewSchema>;

// ---- CLI formats -------------------------------------------------------------------------------

/** Every way the SPA offers CLI credentials; each is ready to paste. */
export interface CliCredentialFormats {
  /** bash / zsh / sh: `export NAME='value'`. */
  readonly bash: string;
  /** fish: `set -gx NAME 'value'`. */
  readonly fish: string;
  /** PowerShell: `$Env:NAME = 'value'`. */
  readonly powershell: string;
  /** Windows cmd: `set "NAME=value"`. */
  readonly cmd: string;
  /** A `~/.aws/credentials` profile block. */
  readonly credentialsFile: string;
  /** The matching `~/.aws/config` block with the region. */
  readonly configFile: string;
  /** What a `credential_process` command prints (Version 1). */
  readonly credentialProcess: string;
}

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9_.+@-]{1,64}$/;

/** The profile name the SPA suggests, e.g. `elevate-111111111111-ReadOnly`. */
export const defaultProfileName = (accountId: string, roleName: string): string =>
  `elevate-${accountId}-${roleName}`.replace(/[^A-Za-z0-9_.+@-]/g, '-').slice(0, 64);

const ENV_NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
] as const;

/** The shells whose quoting `renderCliCredentials` knows. */
export type QuotingShell = 'posix' | 'fish' | 'powershell';

/**
 * `value` as one literal word in `shell`: POSIX single quotes (a `'` becomes `'\''`); fish single
 * quotes (`\` and `'` backslash-escaped); PowerShell single quotes (each quote doubled, including the
 * typographic ‘ ’ ‚ ‛ that PowerShell also treats as quotes).
 */
export const quoteForShell = (shell: QuotingShell, value: string): string => {
  switch (shell) {
    case 'posix':
      return `'${value.replaceAll("'", `'\\''`)}'`;
    case 'fish':
      return `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;
    case 'powershell':
      return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (char) => char + char)}'`;
  }
};

/** cmd has no escape for `"` or for `%` on the command line (and `!` under delayed expansion). */
const CMD_UNSAFE = /["%!]/;
/** INI values are trimmed and a leading `#`/`;` starts a comment. */
const INI_UNSAFE = /^[\s#;]|\s$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Renders credentials for every shell and file the AWS CLI reads. Real STS credentials are base64
 * and ISO dates, but each format quotes as if they were not: values with characters a format
 * cannot carry literally (newlines, non-ASCII, `"`/`%`/`!` for cmd, edge whitespace for INI) are
 * refused with a RangeError rather than rendered into something that runs differently.
 */
export const renderCliCredentials = (
  credentials: CliCredentials,
  region: string,
  profileName: string,
): CliCredentialFormats => {
  if (!AWS_REGION_PATTERN.test(region))
    throw new RangeError('region must be an AWS region such as eu-west-1');
  if (!PROFILE_NAME_PATTERN.test(profileName))
    throw new RangeError('profile name must be 1–64 of A-Z a-z 0-9 _ . + @ -');
  const values = [
    credentials.accessKeyId,
    credentials.secretAccessKey,
    credentials.sessionToken,
    region,
    region,
  ] as const;
  for (const value of [...values, credentials.expiration]) {
    if (!PRINTABLE_ASCII.test(value))
      throw new RangeError('credential values must be printable ASCII on one line');
  }
  if (values.some((value) => CMD_UNSAFE.test(value)))
    throw new RangeError('credential values must not contain ", % or !');
  if (values.some((value) => INI_UNSAFE.test(value)))
    throw new RangeError(
      'credential values must not start with #, ; or whitespace or end with whitespace',
    );
  const pairs = ENV_NAMES.map((name, i) => [name, values[i] ?? ''] as const);
  const lines = (render: (name: string, value: string) => string): string =>
    `${pairs.map(([name, value]) => render(name, value)).join('\n')}\n`;
  return {
    bash: lines((name, value) => `export ${name}=${quoteForShell('posix', value)}`),
    fish: lines((name, value) => `set -gx ${name} ${quoteForShell('fish', value)}`),
    powershell: lines((name, value) => `$Env:${name} = ${quoteForShell('powershell', value)}`),
    cmd: lines((name, value) => `set "${name}=${value}"`),
    credentialsFile:
      `[${profileName}]\n` +
      `aws_access_key_id = ${credentials.accessKeyId}\n` +
      `aws_secret_access_key = ${credentials.secretAccessKey}\n` +
      `aws_session_token = ${credentials.sessionToken}\n`,
    configFile: `[${profileName === 'default' ? 'default' : `profile ${profileName}`}]\nregion = ${region}\n`,
    credentialProcess: `${JSON.stringify(
      {
        Version: 1,
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: credentials.expiration,
      },
      null,
      2,
    )}\n`,
  };
};
