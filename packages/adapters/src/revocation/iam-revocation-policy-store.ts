import {
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  IAMClient,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { REVOCATION_POLICY_NAME } from '@elevate/domain';
import type { RevocationPolicyStore, RevocationTarget } from '@elevate/domain';
import { awsClientConfig, traced } from '../outbound';

/**
 * The revocation policy as an inline policy on each target role, written through IAM with a
 * client for the target's account (in AWS: the revoker role there, see `revokerIamClients`).
 */
export class IamRevocationPolicyStore implements RevocationPolicyStore {
  constructor(
    private readonly clientFor: (accountId: string) => IAMClient,
    private readonly policyName: string = REVOCATION_POLICY_NAME,
  ) {}

  async read(target: RevocationTarget): Promise<string | undefined> {
    try {
      const out = await this.clientFor(target.accountId).send(
        new GetRolePolicyCommand({ RoleName: target.roleName, PolicyName: this.policyName }),
      );
      // IAM returns the document URL-encoded; the SDK hands it over as it came.
      return out.PolicyDocument === undefined ? undefined : decodeURIComponent(out.PolicyDocument);
    } catch (error) {
      if (error instanceof NoSuchEntityException) return undefined;
      throw error;
    }
  }

  async write(target: RevocationTarget, document: string): Promise<void> {
    await this.clientFor(target.accountId).send(
      new PutRolePolicyCommand({
        RoleName: target.roleName,
        PolicyName: this.policyName,
        PolicyDocument: document,
      }),
    );
  }

  async remove(target: RevocationTarget): Promise<void> {
    try {
      await this.clientFor(target.accountId).send(
        new DeleteRolePolicyCommand({ RoleName: target.roleName, PolicyName: this.policyName }),
      );
    } catch (error) {
      if (!(error instanceof NoSuchEntityException)) throw error;
    }
  }
}

/** Credentials as the SDK takes them. */
interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface RevokerClientsOptions {
  /** The revoker role's name in every target account (it trusts only the revoker function). */
  readonly revokerRoleName: string;
  /** STS and IAM endpoints; the SDK's defaults (regional STS, global IAM) when absent. */
  readonly stsEndpoint?: string;
  readonly iamEndpoint?: string;
  readonly region: string;
  /** The revoker's own credentials; the SDK's default chain (the function's role) when absent. */
  readonly credentials?: AwsCredentialIdentity;
}

/** Refresh assumed credentials this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * IAM clients that act as the revoker role of each target account: AssumeRole (one hour, cached
 * until five minutes before expiry), then IAM with those credentials.
 */
export function revokerIamClients(
  options: RevokerClientsOptions,
): (accountId: string) => IAMClient {
  const sts = traced(
    new STSClient({
      ...awsClientConfig('iam'),
      region: options.region,
      ...(options.stsEndpoint === undefined ? {} : { endpoint: options.stsEndpoint }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    }),
  );
  const clients = new Map<string, IAMClient>();
  return (accountId) => {
    const existing = clients.get(accountId);
    if (existing !== undefined) return existing;
    let cached: AwsCredentialIdentity | undefined;
    const credentials = async (): Promise<AwsCredentialIdentity> => {
      if (
        cached?.expiration !== undefined &&
        cached.expiration.getTime() - REFRESH_MARGIN_MS > Date.now()
      )
        return cached;
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/${options.revokerRoleName}`,
          RoleSessionName: 'elevate-revoker',
          DurationSeconds: 3600,
        }),
      );
      const c = out.Credentials;
      if (
        c?.AccessKeyId === undefined ||
        c.SecretAccessKey === undefined ||
        c.SessionToken === undefined
      )
        throw new Error('STS returned no credentials for the revoker role');
      cached = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration === undefined ? {} : { expiration: c.Expiration }),
      };
      return cached;
    };
    const client = traced(
      new IAMClient({
        ...awsClientConfig('iam'),
        region: options.region,
        ...(options.iamEndpoint === undefined ? {} : { endpoint: options.iamEndpoint }),
        credentials,
      }),
    );
    clients.set(accountId, client);
    return client;
  };
}
