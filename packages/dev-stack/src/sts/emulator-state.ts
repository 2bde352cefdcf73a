/** A session tag as STS keeps it; transitive tags follow role chaining. */
export interface SessionTag {
  key: string;
  value: string;
  transitive: boolean;
}

/** Everything STS remembers about one set of credentials it vended. */
export interface VendedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  roleName: string;
  roleArn: string;
  sessionName: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session name>`. */
  assumedRoleArn: string;
  /** `AROA...:<session name>`. */
  assumedRoleId: string;
  sourceIdentity: string | undefined;
  tags: SessionTag[];
  sessionPolicy: unknown;
  policyArns: string[];
  issuedAt: Date;
  expiresAt: Date;
  /** Assumed with a role session's credentials: caps DurationSeconds and forbids a console SessionDuration. */
  roleChained: boolean;
  issuedInRegion: string;
}

interface SigninTokenRecord {
  accessKeyId: string;
  issuedAt: Date;
  /** The SessionDuration asked for, if any. */
  consoleSessionSeconds: number | undefined;
  used: boolean;
}

/** What the local console page shows after a successful `Action=login`. */
export interface ConsoleSession {
  session: VendedSession;
  issuer: string | undefined;
  destination: string;
  signedInAt: Date;
  expiresAt: Date;
}

/** Shared by every regional listener, as AWS's credentials are valid in every region. */
export interface EmulatorState {
  sessions: Map<string, VendedSession>;
  signinTokens: Map<string, SigninTokenRecord>;
  consoleSessions: Map<string, ConsoleSession>;
  disabledRegions: Set<string>;
  /** Inline policies written through IAM: role ARN → policy name → JSON document. */
  rolePolicies: Map<string, Map<string, string>>;
}

export function createEmulatorState(): EmulatorState {
  return {
    sessions: new Map(),
    signinTokens: new Map(),
    consoleSessions: new Map(),
    disabledRegions: new Set(),
    rolePolicies: new Map(),
  };
}
