import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import {
  DATA_LAKE,
  NOW,
  PRODUCTION,
  SANDBOX,
  alice,
  bob,
  ctx,
  errorCode,
  examplePolicyData,
  nina,
  policyFrom,
  productionAdminInput,
  sandboxInput,
  unwrap,
} from '../testing/fixtures';
import { createBreakGlassRequest, createRequest } from './create-request';

describe('createRequest', () => {
  it("creates a pending request routed to the rule's approvers with the event in its history", () => {
    const result = createRequest(sandboxInput(), ctx(alice));
    const request = unwrap(result);
    expect(request).toMatchObject({
      id: 'req-1',
      requester: { sub: alice.sub, email: alice.email, name: alice.name },
      accountId: SANDBOX,
      roleName: 'PowerUser',
      requestedDurationMinutes: 120,
      status: 'PENDING',
      breakGlass: false,
      decisions: [],
      version: 1,
      createdAt: NOW,
      pendingExpiresAt: addMinutes(NOW, 1440),
      routing: {
        approverGroups: ['reviewers'],
        routingKey: '["reviewers"]',
        approvalsRequired: 1,
        selfApproval: false,
        ruleIds: ['engineers-non-production'],
      },
    });
    expect(request.postAccessReview).toBeUndefined();
    expect(request.approvedAt).toBeUndefined();
    expect(request.history).toEqual([
      {
        type: 'CREATED',
        actor: { sub: alice.sub, email: alice.email, name: alice.name },
        at: NOW,
        statusAfter: 'PENDING',
      },
    ]);
    expect(result.ok && result.value.event).toEqual(request.history[0]);
  });

  it("uses the rule's default duration when none is asked for", () => {
    expect(
      unwrap(createRequest(sandboxInput({ durationMinutes: undefined }), ctx(alice)))
        .requestedDurationMinutes,
    ).toBe(60);
  });

  it('trims the justification and the ticket and keeps a normalized scheduled start', () => {
    const request = unwrap(
      createRequest(
        productionAdminInput({
          justification: '  Rotate the database credentials now  ',
          ticket: ' OPS-9 ',
          scheduledStart: '2025-03-03T12:00:00Z',
        }),
        ctx(alice),
      ),
    );
    expect(request.justification).toBe('Rotate the database credentials now');
    expect(request.ticket).toBe('OPS-9');
    expect(request.scheduledStart).toBe('2025-03-03T12:00:00.000Z');
  });

  it('refuses an account outside the catalog with UNKNOWN_ACCOUNT', () => {
    expect(errorCode(createRequest(sandboxInput({ accountId: '999999999999' }), ctx(alice)))).toBe(
      'UNKNOWN_ACCOUNT',
    );
  });

  it('refuses a role no rule offers in that account with UNKNOWN_ROLE', () => {
    expect(errorCode(createRequest(sandboxInput({ roleName: 'Administrator' }), ctx(alice)))).toBe(
      'UNKNOWN_ROLE',
    );
  });

  it("refuses someone outside the rule's groups with NOT_ELIGIBLE and says which groups would do", () => {
    const result = createRequest(sandboxInput(), ctx(nina));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_ELIGIBLE');
      expect(result.error.message).toContain('engineers');
    }
    expect(
      errorCode(
        createRequest(sandboxInput({ accountId: DATA_LAKE, roleName: 'ReadOnly' }), ctx(alice)),
      ),
    ).toBe('NOT_ELIGIBLE');
    expect(
      errorCode(
        createRequest(sandboxInput({ accountId: DATA_LAKE, roleName: 'ReadOnly' }), ctx(bob)),
      ),
    ).toBeUndefined();
  });

  it.each([
    ['too short', 'short'],
    ['too long', 'x'.repeat(1001)],
    ['blank after trimming', '          \t   '],
    ['a control character', 'Debug the pipeline\u0007 now'],
    ['a newline', 'Debug the pipeline\nnow please'],
    ['a bidi override', 'Debug the \u202Epipeline now'],
  ])('refuses a justification that is %s with JUSTIFICATION_INVALID', (_label, justification) => {
    expect(errorCode(createRequest(sandboxInput({ justification }), ctx(alice)))).toBe(
      'JUSTIFICATION_INVALID',
    );
  });

  it('accepts non-ASCII letters in a justification and counts characters, not UTF-16 units', () => {
    expect(
      errorCode(createRequest(sandboxInput({ justification: 'Überprüfung 🚀🚀🚀🚀' }), ctx(alice))),
    ).toBeUndefined();
    expect(
      errorCode(createRequest(sandboxInput({ justification: '🚀'.repeat(9) }), ctx(alice))),
    ).toBe('JUSTIFICATION_INVALID');
  });

  it("refuses a justification that misses the rule's pattern, with the pattern hint as the reason", () => {
    const data = examplePolicyWithPattern();
    const result = createRequest(
      sandboxInput({ justification: 'no incident mentioned' }),
      ctx(alice, NOW, data),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toEqual({
        code: 'JUSTIFICATION_INVALID',
        message: 'Mention the incident, e.g. INC-42.',
      });
    expect(
      errorCode(
        createRequest(sandboxInput({ justification: 'Fixing INC-42 now' }), ctx(alice, NOW, data)),
      ),
    ).toBeUndefined();
  });

  it('refuses a missing ticket where the rule requires one with TICKET_REQUIRED', () => {
    expect(errorCode(createRequest(productionAdminInput({ ticket: undefined }), ctx(alice)))).toBe(
      'TICKET_REQUIRED',
    );
    expect(errorCode(createRequest(productionAdminInput({ ticket: '   ' }), ctx(alice)))).toBe(
      'TICKET_REQUIRED',
    );
  });

  it('refuses a ticket that misses the pattern with TICKET_INVALID and the hint', () => {
    const result = createRequest(productionAdminInput({ ticket: 'ops 1234' }), ctx(alice));
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'TICKET_INVALID',
      message: 'Use the issue key, e.g. OPS-1234.',
    });
  });

  it.each([[14], [481], [60.5], [0], [-60]])(
    'refuses %s minutes in dev with DURATION_OUT_OF_RANGE',
    (durationMinutes) => {
      expect(errorCode(createRequest(sandboxInput({ durationMinutes }), ctx(alice)))).toBe(
        'DURATION_OUT_OF_RANGE',
      );
    },
  );

  it("accepts exactly the rule's maximum duration", () => {
    expect(
      errorCode(createRequest(sandboxInput({ durationMinutes: 480 }), ctx(alice))),
    ).toBeUndefined();
    expect(
      errorCode(createRequest(productionAdminInput({ durationMinutes: 121 }), ctx(alice))),
    ).toBe('DURATION_OUT_OF_RANGE');
  });

  it.each([
    ['in the past', addMinutes(NOW, -6)],
    ["beyond the rule's horizon", addMinutes(NOW, 7 * 24 * 60 + 1)],
    ['not a time', 'next tuesday'],
  ])('refuses a scheduled start %s with SCHEDULE_INVALID', (_label, scheduledStart) => {
    expect(errorCode(createRequest(sandboxInput({ scheduledStart }), ctx(alice)))).toBe(
      'SCHEDULE_INVALID',
    );
  });

  it('tolerates a few minutes of client clock skew on the scheduled start', () => {
    expect(
      errorCode(createRequest(sandboxInput({ scheduledStart: addMinutes(NOW, -4) }), ctx(alice))),
    ).toBeUndefined();
  });

  it('refuses break-glass where the rule does not allow it with BREAK_GLASS_NOT_ALLOWED', () => {
    expect(errorCode(createBreakGlassRequest(sandboxInput(), ctx(alice)))).toBe(
      'BREAK_GLASS_NOT_ALLOWED',
    );
  });

  it('refuses a scheduled break-glass request with SCHEDULE_INVALID', () => {
    expect(
      errorCode(
        createBreakGlassRequest(
          productionAdminInput({ scheduledStart: addMinutes(NOW, 60) }),
          ctx(alice),
        ),
      ),
    ).toBe('SCHEDULE_INVALID');
  });

  it('approves a break-glass request at creation, opens its window now and queues it for review', () => {
    const request = unwrap(createBreakGlassRequest(productionAdminInput(), ctx(alice)));
    expect(request).toMatchObject({
      status: 'APPROVED',
      breakGlass: true,
      approvedAt: NOW,
      postAccessReview: { state: 'PENDING' },
      accountId: PRODUCTION,
    });
    expect(request.pendingExpiresAt).toBeUndefined();
    expect(request.history).toHaveLength(1);
    expect(request.history[0]).toMatchObject({ type: 'CREATED', statusAfter: 'APPROVED' });
  });

  it('still applies the ticket and justification rules to break-glass', () => {
    expect(
      errorCode(createBreakGlassRequest(productionAdminInput({ ticket: undefined }), ctx(alice))),
    ).toBe('TICKET_REQUIRED');
    expect(
      errorCode(
        createBreakGlassRequest(productionAdminInput({ justification: 'urgent' }), ctx(alice)),
      ),
    ).toBe('JUSTIFICATION_INVALID');
  });
});

function examplePolicyWithPattern() {
  const data = examplePolicyData();
  const rules = data.rules as Array<Record<string, unknown>>;
  rules[0] = {
    ...rules[0],
    justification: {
      minLength: 10,
      maxLength: 1000,
      pattern: 'INC-\\d+',
      patternHint: 'Mention the incident, e.g. INC-42.',
    },
  };
  return policyFrom(data);
}
