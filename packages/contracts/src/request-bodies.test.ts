import { describe, expect, it } from 'vitest';
import {
  approveBodySchema,
  createRequestBodySchema,
  rejectBodySchema,
  reviewBreakGlassBodySchema,
  revokeBodySchema,
} from './request-bodies';

const valid = {
  accountId: '111111111111',
  roleName: 'PowerUser',
  justification: 'Debug the failing deploy pipeline',
  durationMinutes: 60,
};

const paths = (
  input: unknown,
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: Array<{ path: PropertyKey[] }> };
    };
  } = createRequestBodySchema,
) => schema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('createRequestBodySchema', () => {
  it('accepts a minimal body and trims the justification', () => {
    expect(
      createRequestBodySchema.parse({ ...valid, justification: '  Debug the pipeline  ' })
        .justification,
    ).toBe('Debug the pipeline');
    expect(
      createRequestBodySchema.parse({
        ...valid,
        ticket: 'OPS-1234',
        scheduledStart: '2025-03-03T12:00:00Z',
        breakGlass: false,
      }),
    ).toMatchObject({ ticket: 'OPS-1234' });
  });

  it('refuses unknown fields', () => {
    const result = createRequestBodySchema.safeParse({ ...valid, status: 'APPROVED' });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['status'] });
  });

  it.each([
    ['an 11-digit account', { accountId: '11111111111' }, 'accountId'],
    ['an account as a number', { accountId: 111111111111 }, 'accountId'],
    ['a role name with spaces', { roleName: 'Power User' }, 'roleName'],
    ['an empty justification', { justification: '   ' }, 'justification'],
    [
      'a justification with a control character',
      { justification: 'Debug \u0000 the pipeline' },
      'justification',
    ],
    ['a justification with a newline', { justification: 'Debug\nthe pipeline' }, 'justification'],
    [
      'a justification with a bidi override',
      { justification: 'Debug \u202E the pipeline' },
      'justification',
    ],
    ['an oversized justification', { justification: 'é'.repeat(2001) }, 'justification'],
    ['a fractional duration', { durationMinutes: 60.5 }, 'durationMinutes'],
    ['a duration as a string', { durationMinutes: '60' }, 'durationMinutes'],
    ['a duration above a week', { durationMinutes: 10081 }, 'durationMinutes'],
    ['a start with an offset', { scheduledStart: '2025-03-03T12:00:00+01:00' }, 'scheduledStart'],
    ['a ticket with spaces', { ticket: 'OPS 1' }, 'ticket'],
    ['break-glass as a string', { breakGlass: 'yes' }, 'breakGlass'],
  ])('refuses %s at its field path', (_label, patch, path) => {
    expect(paths({ ...valid, ...patch })).toEqual([path]);
  });

  it('accepts unicode letters and emoji in a justification', () => {
    expect(
      createRequestBodySchema.safeParse({
        ...valid,
        justification: 'Überprüfung des Deployments 🚀',
      }).success,
    ).toBe(true);
  });
});

describe('decision bodies', () => {
  it('makes the comment optional on approve and required on reject, revoke and review', () => {
    expect(approveBodySchema.safeParse({}).success).toBe(true);
    for (const schema of [rejectBodySchema, revokeBodySchema, reviewBreakGlassBodySchema]) {
      expect(paths({}, schema)).toEqual(['comment']);
      expect(paths({ comment: '  ' }, schema)).toEqual(['comment']);
      expect(schema.safeParse({ comment: 'Use staging' }).success).toBe(true);
    }
  });

  it('refuses unknown fields and oversized comments', () => {
    expect(approveBodySchema.safeParse({ comment: 'ok', decision: 'REJECT' }).success).toBe(false);
    expect(paths({ comment: 'x'.repeat(1001) }, rejectBodySchema)).toEqual(['comment']);
  });
});
