import { describe, expect, it } from 'vitest';
import { catalog, thrownStsError } from '../testing/fixtures';
import { findCatalogRole } from './find-catalog-role';

const caller = 'arn:aws:sts::999999999999:assumed-role/elevate-federate/elevate-local';

describe('findCatalogRole', () => {
  it('finds a role of the catalog in any configured account', () => {
    const role = findCatalogRole('arn:aws:iam::222222222222:role/ReadOnly', catalog, caller);
    expect(role).toMatchObject({
      account: '222222222222',
      name: 'ReadOnly',
      maxSessionDurationSeconds: 3600,
    });
    expect(role.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
  });

  it('answers AccessDenied naming the caller for a well-formed ARN of a role that does not exist', () => {
    const error = thrownStsError(() =>
      findCatalogRole('arn:aws:iam::333333333333:role/ReadOnly', catalog, caller),
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toBe(
      `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/ReadOnly`,
    );
  });

  it('answers ValidationError for a missing or too short RoleArn', () => {
    expect(thrownStsError(() => findCatalogRole(undefined, catalog, caller)).code).toBe(
      'ValidationError',
    );
    expect(
      thrownStsError(() => findCatalogRole('arn:aws:iam::1:r', catalog, caller)).message,
    ).toContain(
      "at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  });
});
