import { describe, expect, it } from 'vitest';
import { navSectionsFor } from './access-groups';

describe('navigation by group', () => {
  it('gives everyone their own access, new requests and the policy', () => {
    expect(navSectionsFor([])).toEqual(['my-access', 'new-request', 'policy']);
    expect(navSectionsFor(['engineers', 'contractors'])).toEqual([
      'my-access',
      'new-request',
      'policy',
    ]);
  });

  it('adds Reviews and Active access for reviewers', () => {
    expect(navSectionsFor(['reviewers', 'engineers'])).toEqual([
      'my-access',
      'new-request',
      'reviews',
      'active-access',
      'policy',
    ]);
  });

  it('adds Audit and Insights for auditors, Insights alone for security leads', () => {
    expect(navSectionsFor(['auditors'])).toEqual([
      'my-access',
      'new-request',
      'audit',
      'insights',
      'policy',
    ]);
    expect(navSectionsFor(['security-leads'])).toEqual([
      'my-access',
      'new-request',
      'insights',
      'policy',
    ]);
  });

  it('gives admins everything', () => {
    expect(navSectionsFor(['elevate-admins'])).toEqual([
      'my-access',
      'new-request',
      'reviews',
      'active-access',
      'audit',
      'insights',
      'policy',
    ]);
  });

  it('matches group names exactly', () => {
    expect(navSectionsFor(['Reviewers', 'auditors-emea', 'admins'])).toEqual([
      'my-access',
      'new-request',
      'policy',
    ]);
  });

  it('follows the roles /me reports from the policy over fixed group names', () => {
    const none = { reviewer: false, auditor: false, admin: false };
    expect(navSectionsFor(['reviewers'], none)).toEqual(['my-access', 'new-request', 'policy']);
    expect(navSectionsFor(['approvers-emea'], { ...none, reviewer: true })).toEqual([
      'my-access',
      'new-request',
      'reviews',
      'active-access',
      'policy',
    ]);
    expect(navSectionsFor([], { ...none, admin: true })).toEqual([
      'my-access',
      'new-request',
      'reviews',
      'active-access',
      'audit',
      'insights',
      'policy',
    ]);
    expect(navSectionsFor([], { ...none, securityLead: true })).toEqual([
      'my-access',
      'new-request',
      'insights',
      'policy',
    ]);
  });
});
