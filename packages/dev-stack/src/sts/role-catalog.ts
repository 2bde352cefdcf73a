import { createHash } from 'node:crypto';
import type { DevConfig } from '../config/dev-config';

export type StsConfig = DevConfig['sts'];

/** A role the emulator pretends exists: one per account × role name in the config. */
export interface CatalogRole {
  arn: string;
  account: string;
  name: string;
  maxSessionDurationSeconds: number;
  /** IAM's unique role id (`AROA...`), stable across restarts. */
  roleId: string;
  /** Who this role trusts, when not the catalog-wide list (the revoker role trusts only the revoker). */
  trustedPrincipalArns?: ReadonlySet<string>;
  /** The revoker role: may write `revoker.policyName` on the other roles of its account, nothing else. */
  isRevoker?: boolean;
}

export interface RoleCatalog {
  roles: ReadonlyMap<string, CatalogRole>;
  trustedPrincipalArns: ReadonlySet<string>;
  /** The one inline policy name the revoker role may write. */
  revocationPolicyName?: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM-style unique id (prefix + 17 characters) derived from a seed, so it is the same on every start. */
export function stableIamId(prefix: 'AROA' | 'AIDA', seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let i = 0; i < 17; i += 1) id += ID_ALPHABET[(digest[i] ?? 0) % ID_ALPHABET.length];
  return id;
}

export function roleArnOf(account: string, name: string): string {
  return `arn:aws:iam::${account}:role/${name}`;
}

export function buildRoleCatalog(targetRoles: StsConfig['targetRoles']): RoleCatalog {
  const roles = new Map<string, CatalogRole>();
  for (const account of targetRoles.accounts) {
    for (const role of targetRoles.roles) {
      const arn = roleArnOf(account, role.name);
      roles.set(arn, {
        arn,
        account,
        name: role.name,
        maxSessionDurationSeconds: role.maxSessionDurationSeconds,
        roleId: stableIamId('AROA', arn),
      });
    }
  }
  const { revoker } = targetRoles;
  if (revoker !== undefined) {
    for (const account of targetRoles.accounts) {
      const arn = roleArnOf(account, revoker.roleName);
      roles.set(arn, {
        arn,
        account,
        name: revoker.roleName,
        maxSessionDurationSeconds: 3600,
        roleId: stableIamId('AROA', arn),
        trustedPrincipalArns: new Set(revoker.trustedPrincipalArns),
        isRevoker: true,
      });
    }
  }
  return {
    roles,
    trustedPrincipalArns: new Set(targetRoles.trustedPrincipalArns),
    ...(revoker === undefined ? {} : { revocationPolicyName: revoker.policyName }),
  };
}

/** The account id inside any `arn:aws:<service>:<region>:<account>:...`. */
export function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}
