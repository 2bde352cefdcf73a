import { fileURLToPath } from 'node:url';
import { loadDevConfig } from '@elevate/dev-stack';
import { describe, expect, it } from 'vitest';
import { meResponseSchema, policyViewSchema } from '@elevate/contracts';
import { apiWorld } from '../testing/api-world';
import { PERSONAS } from '@elevate/testing';

const { alice, bob, rita, audrey, adam, nina } = PERSONAS;

describe('GET /me', () => {
  it('adds what the caller may request, with limits and reviewers, to who they are', async () => {
    const w = apiWorld();
    const me = meResponseSchema.parse(await (await w.call(alice, 'GET', '/me')).json());
    expect(me).toMatchObject({ sub: alice.sub, email: alice.email, groups: ['engineers'] });
    expect(me.eligibility.roles).toEqual({
      reviewer: false,
      auditor: false,
      admin: false,
      securityLead: false,
    });
    expect(me.eligibility.entries.map((entry) => `${entry.accountName}/${entry.roleName}`)).toEqual(
      [
        'sandbox/ReadOnly',
        'sandbox/PowerUser',
        'staging/ReadOnly',
        'staging/PowerUser',
        'production/ReadOnly',
        'production/Administrator',
      ],
    );
    expect(
      me.eligibility.entries.find((entry) => entry.roleName === 'Administrator'),
    ).toMatchObject({
      maxDurationMinutes: 120,
      ticketRequired: true,
      ticketPatterns: [{ pattern: '^[A-Z]+-\\d+$', hint: 'Use the issue key, e.g. OPS-1234.' }],
      approvalsRequired: 2,
      approverGroups: ['reviewers'],
      breakGlassAllowed: true,
      stepUp: { mfa: true, maxAuthAgeMinutes: 15 },
    });
  });

  it('tells a reviewer, an auditor and an admin what they are, and a contractor that they may request nothing', async () => {
    const w = apiWorld();
    const roles = async (who: typeof alice) =>
      meResponseSchema.parse(await (await w.call(who, 'GET', '/me')).json()).eligibility;
    expect((await roles(rita)).roles).toEqual({
      reviewer: true,
      auditor: false,
      admin: false,
      securityLead: false,
    });
    expect((await roles(audrey)).roles).toEqual({
      reviewer: false,
      auditor: true,
      admin: false,
      securityLead: false,
    });
    expect((await roles(adam)).roles).toEqual({
      reviewer: true,
      auditor: false,
      admin: true,
      securityLead: false,
    });
    expect(await roles(nina)).toEqual({
      entries: [],
      roles: { reviewer: false, auditor: false, admin: false, securityLead: false },
    });
    expect((await roles(bob)).entries).toHaveLength(8);
  });
});

describe('GET /policy', () => {
  it('shows a requester their eligibility and reviewers, but not the whole policy', async () => {
    const w = apiWorld();
    const view = policyViewSchema.parse(await (await w.call(alice, 'GET', '/policy')).json());
    expect(view.policy).toBeUndefined();
    expect(view.eligibility.every((entry) => entry.approverGroups.includes('reviewers'))).toBe(
      true,
    );
  });

  it('shows admins and auditors the whole policy, defaults filled in', async () => {
    const w = apiWorld();
    for (const who of [audrey, adam]) {
      const view = policyViewSchema.parse(await (await w.call(who, 'GET', '/policy')).json());
      expect(view.policy?.groups).toEqual({
        reviewers: ['reviewers'],
        auditors: ['auditors'],
        admins: ['elevate-admins'],
      });
      expect(view.policy?.rules.map((rule) => rule.id)).toEqual([
        'engineers-non-production',
        'engineers-production-read',
        'engineers-production-admin',
        'data-engineers-data-lake',
      ]);
      expect(view.policy?.rules[0]).toMatchObject({
        approverGroups: ['reviewers'],
        selfApproval: false,
        maxStartDelayMinutes: 10080,
      });
    }
  });
});

describe('the test personas', () => {
  it('are the personas of config/dev-stack.yaml', () => {
    const file = fileURLToPath(new URL('../../../../config/dev-stack.yaml', import.meta.url));
    const fromConfig = loadDevConfig(file).personas.map(({ sub, email, name, groups }) => ({
      sub,
      email,
      name,
      groups,
    }));
    const ours = Object.values(PERSONAS)
      .filter((persona) => persona !== PERSONAS.ada)
      .map(({ sub, email, name, groups }) => ({ sub, email, name, groups }));
    expect(ours).toEqual(fromConfig);
  });
});
