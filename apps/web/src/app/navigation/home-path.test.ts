import { describe, expect, it } from 'vitest';
import { aMe } from '../../testing/fixtures';
import { eligibleForNothing, homePathFor } from './home-path';

const roles = (reviewer: boolean, auditor: boolean, admin: boolean) => ({
  reviewer,
  auditor,
  admin,
});
const withRoles = (r: ReturnType<typeof roles>) =>
  aMe({ eligibility: { entries: aMe().eligibility.entries, roles: r } });

describe('where each persona lands', () => {
  it('sends a requester to My access', () => {
    expect(homePathFor(withRoles(roles(false, false, false)))).toBe('/my-access');
  });
  it('sends a reviewer to Reviews, even one who also requests', () => {
    expect(homePathFor(withRoles(roles(true, false, false)))).toBe('/reviews');
  });
  it('sends an auditor to Audit', () => {
    expect(homePathFor(withRoles(roles(false, true, false)))).toBe('/audit');
  });
  it('sends an admin to Active access, whatever else they are', () => {
    expect(homePathFor(withRoles(roles(true, true, true)))).toBe('/access');
  });
  it('sends someone eligible for nothing to My access, which says why', () => {
    const nina = aMe({ eligibility: { entries: [], roles: roles(false, false, false) } });
    expect(eligibleForNothing(nina)).toBe(true);
    expect(homePathFor(nina)).toBe('/my-access');
  });
});
