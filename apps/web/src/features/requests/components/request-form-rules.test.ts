import { beforeAll, describe, expect, it } from 'vitest';
import { policyPatternEngineReady } from '../../../lib/policy-pattern';
import { anEntry } from '../../../testing/fixtures';
import {
  accountMatches,
  accountsOf,
  checkDuration,
  checkJustification,
  checkStart,
  checkTicket,
  localStartToIso,
  orderByRecent,
  rolesFor,
} from './request-form-rules';

const sandbox = { id: '111111111111', name: 'sandbox', tags: { environment: 'dev' } };
const prod = {
  id: '333333333333',
  name: 'production',
  tags: { environment: 'prod', domain: 'payments' },
};

// Policy patterns run with the RE2 engine, fetched on first use.
beforeAll(() => policyPatternEngineReady);

describe('new request rules', () => {
  it('finds accounts by name, id or tag, every word counting', () => {
    expect(accountMatches(prod, 'prod')).toBe(true);
    expect(accountMatches(prod, '3333')).toBe(true);
    expect(accountMatches(prod, 'domain=payments')).toBe(true);
    expect(accountMatches(prod, 'environment=dev')).toBe(false);
    expect(accountMatches(sandbox, 'sand dev')).toBe(true);
    expect(accountMatches(sandbox, 'sand prod')).toBe(false);
  });

  it('puts recently used accounts first, most recent first, and the rest after', () => {
    const staging = { id: '222222222222', name: 'staging', tags: {} };
    const { recent, others } = orderByRecent(
      [prod, sandbox, staging],
      ['222222222222', '333333333333', '999999999999'],
    );
    expect(recent.map((account) => account.name)).toEqual(['staging', 'production']);
    expect(others.map((account) => account.name)).toEqual(['sandbox']);
  });

  it('lists each account once, by name', () => {
    const entries = [
      anEntry({ roleName: 'PowerUser' }),
      anEntry(),
      anEntry({ accountId: '333333333333', accountName: 'production' }),
    ];
    expect(accountsOf(entries).map((account) => account.name)).toEqual(['production', 'sandbox']);
  });

  it('offers roles granted in the account and says why the others are not', () => {
    const entries = [
      anEntry(),
      anEntry({ accountId: '333333333333', accountName: 'production', roleName: 'Administrator' }),
    ];
    const roles = rolesFor(entries, '111111111111');
    expect(roles.find((role) => role.roleName === 'ReadOnly')?.unavailableReason).toBeUndefined();
    expect(roles.find((role) => role.roleName === 'Administrator')?.unavailableReason).toMatch(
      /No rule of the policy grants Administrator in this account.*production/,
    );
  });

  it('checks the justification against length and the policy pattern, with the hint as the message', () => {
    const rule = {
      minLength: 10,
      maxLength: 20,
      patterns: [{ pattern: '[A-Z]+-\\d+', hint: 'Mention the incident, e.g. INC-42.' }],
    };
    expect(checkJustification('', rule)).toBe('Say why you need this access.');
    expect(checkJustification('too short', rule)).toBe('At least 10 characters: 1 more.');
    expect(checkJustification('x'.repeat(25), rule)).toBe('At most 20 characters: 5 too many.');
    expect(checkJustification('no incident here', rule)).toBe('Mention the incident, e.g. INC-42.');
    expect(checkJustification('fix INC-42 now', rule)).toBeUndefined();
  });

  it('requires a ticket only where the rule says so, in its pattern', () => {
    const required = anEntry({
      ticketRequired: true,
      ticketPatterns: [{ pattern: '^[A-Z]+-\\d+$', hint: 'Use the issue key, e.g. OPS-1234.' }],
    });
    expect(checkTicket('', required)).toBe('A ticket is required for this role.');
    expect(checkTicket('ops 12', required)).toBe('Use the issue key, e.g. OPS-1234.');
    expect(checkTicket('OPS-12', required)).toBeUndefined();
    expect(checkTicket('', anEntry())).toBeUndefined();
  });

  it('keeps the duration between 15 minutes and the rule maximum', () => {
    const entry = anEntry({ maxDurationMinutes: 120 });
    expect(checkDuration('14', entry)).toBe('At least 15 minutes.');
    expect(checkDuration('121', entry)).toBe('At most 2 hours (120 minutes) for this role.');
    expect(checkDuration('30.5', entry)).toBe('Enter whole minutes.');
    expect(checkDuration('', entry)).toBe('Enter a duration in minutes.');
    expect(checkDuration('120', entry)).toBeUndefined();
  });

  it('takes a start in the future within the allowed delay, as UTC', () => {
    const now = Date.parse('2026-05-12T12:00:00Z');
    const entry = anEntry({ maxStartDelayMinutes: 60 });
    expect(checkStart('2026-05-12T11:59:00Z', entry, now)).toMatch(/future/);
    expect(checkStart('2026-05-12T13:01:00Z', entry, now)).toBe('At most 1 hour from now.');
    expect(checkStart('2026-05-12T12:30:00Z', entry, now)).toBeUndefined();
    expect(checkStart(undefined, entry, now)).toBe('Pick a date and a time.');
    expect(localStartToIso('2026-05-12', '1:00')).toBeUndefined();
    expect(localStartToIso('2026-05-12', '14:30')).toBe(
      `${new Date('2026-05-12T14:30:00').toISOString().slice(0, 19)}Z`,
    );
  });
});
