import type { StsPrincipal } from '../../config/dev-config';
import { buildRoleCatalog, type StsConfig } from '../role-catalog';
import { StsError } from '../sts-error';

/** Test-only keys, shaped like the dev config's. */
export const broker: StsPrincipal = {
  name: 'broker',
  arn: 'arn:aws:sts::999999999999:assumed-role/elevate-federate/elevate-local',
  roleArn: 'arn:aws:iam::999999999999:role/elevate-federate',
  accessKeyId: 'AKIDTESTBROKER000001',
  secretAccessKey: 'test-broker-secret-for-unit-tests',
};

export const outsider: StsPrincipal = {
  name: 'outsider',
  arn: 'arn:aws:iam::888888888888:user/outsider',
  accessKeyId: 'AKIDTESTOUTSIDER0001',
  secretAccessKey: 'test-outsider-secret-for-unit-tests',
};

/** A trusted IAM user: its AssumeRole calls are not role chaining. */
export const admin: StsPrincipal = {
  name: 'admin',
  arn: 'arn:aws:iam::999999999999:user/admin',
  accessKeyId: 'AKIDTESTADMIN0000001',
  secretAccessKey: 'test-admin-secret-for-unit-tests',
};

export const targetRoles: StsConfig['targetRoles'] = {
  accounts: ['111111111111', '222222222222'],
  roles: [
    { name: 'ReadOnly', maxSessionDurationSeconds: 3600 },
    { name: 'LongAdmin', maxSessionDurationSeconds: 43200 },
  ],
  trustedPrincipalArns: [broker.roleArn ?? '', admin.arn],
};

export const catalog = buildRoleCatalog(targetRoles);

/** Runs `fn` and returns the StsError it throws; fails the test if it throws nothing or something else. */
export function thrownStsError(fn: () => unknown): StsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StsError) return error;
    throw error;
  }
  throw new Error('expected an StsError, nothing was thrown');
}
