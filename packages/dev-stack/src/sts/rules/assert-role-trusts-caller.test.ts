import { describe, expect, it } from 'vitest';
import { admin, broker, catalog, outsider, thrownStsError } from '../testing/fixtures';
import { assertRoleTrustsCaller } from './assert-role-trusts-caller';
import { findCatalogRole } from './find-catalog-role';

const role = findCatalogRole('arn:aws:iam::111111111111:role/ReadOnly', catalog, broker.arn);

describe('assertRoleTrustsCaller', () => {
  it('trusts a role session through its role ARN', () => {
    expect(() =>
      assertRoleTrustsCaller(
        role,
        { arn: broker.arn, roleArn: broker.roleArn },
        catalog.trustedPrincipalArns,
      ),
    ).not.toThrow();
  });

  it('trusts a principal listed by its own ARN', () => {
    expect(() =>
      assertRoleTrustsCaller(
        role,
        { arn: admin.arn, roleArn: undefined },
        catalog.trustedPrincipalArns,
      ),
    ).not.toThrow();
  });

  it('refuses a principal the role does not trust with AccessDenied', () => {
    const error = thrownStsError(() =>
      assertRoleTrustsCaller(
        role,
        { arn: outsider.arn, roleArn: undefined },
        catalog.trustedPrincipalArns,
      ),
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.status).toBe(403);
    expect(error.message).toContain(outsider.arn);
  });

  it('refuses a session of a target role assuming another target role (target roles trust only the broker)', () => {
    const session = { arn: 'arn:aws:sts::111111111111:assumed-role/ReadOnly/x', roleArn: role.arn };
    expect(
      thrownStsError(() => assertRoleTrustsCaller(role, session, catalog.trustedPrincipalArns))
        .code,
    ).toBe('AccessDenied');
  });
});
