import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../access-request';
import { grantedExtensionMinutes } from '../access-request';
import { addMinutes } from '../time';
import { windowOf } from '../window';
import { alice, bob, ctx, errorCode, rita, ravi, unwrap } from '../testing/fixtures';
import { PLAYGROUND, WORKING_NOW, selfServicePolicy } from '../testing/self-service-fixtures';
import { createRequest } from './create-request';
import { approveExtension, rejectExtension } from './decide-extension';
import { endRequestEarly } from './end-request-early';
import { extendRequest } from './extend-request';
import { revokeRequest } from './revoke-request';

// Self-service ReadOnly: 60 minutes asked for, the rule allows 240 in all, 30 of them by policy.
const policy = selfServicePolicy({
  fallbackApprovers: true,
  extension: { maxTotalMinutes: 240, grantedByPolicyUpToMinutes: 30 },
});
const at = (minutes: number): string => addMinutes(WORKING_NOW, minutes);
const open = (): AccessRequest =>
  unwrap(
    createRequest(
      {
        id: 'req-x',
        accountId: PLAYGROUND,
        roleName: 'ReadOnly',
        justification: 'Look at the sandbox bucket layout',
        ticket: 'SBX-1',
        durationMinutes: 60,
      },
      ctx(alice, WORKING_NOW, policy),
    ),
  );

describe('extending an open window', () => {
  it('grants an extension within the policy allowance at once and lengthens the window', () => {
    const extended = unwrap(
      extendRequest(open(), { minutes: 30, reason: 'one more test' }, ctx(alice, at(10), policy)),
    );
    expect(extended.extensions?.[0]).toMatchObject({
      state: 'GRANTED',
      grantedByPolicy: true,
      minutes: 30,
    });
    expect(windowOf(extended)?.endsAt).toBe(at(90));
    expect(extended.history.at(-1)).toMatchObject({
      type: 'EXTENSION_REQUEST',
      statusAfter: 'APPROVED',
    });
  });

  it('beyond the allowance waits for a reviewer, who grants or refuses it', () => {
    const asked = unwrap(
      extendRequest(
        open(),
        { minutes: 60, reason: 'migration runs long' },
        ctx(alice, at(10), policy),
      ),
    );
    expect(asked.extensions?.[0]?.state).toBe('PENDING');
    expect(windowOf(asked)?.endsAt).toBe(at(60));
    expect(
      errorCode(extendRequest(asked, { minutes: 15, reason: 'more' }, ctx(alice, at(11), policy))),
    ).toBe('EXTENSION_PENDING');
    expect(errorCode(approveExtension(asked, {}, ctx(alice, at(12), policy)))).toBe(
      'SELF_DECISION',
    );
    expect(errorCode(approveExtension(asked, {}, ctx(bob, at(12), policy)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
    const granted = unwrap(approveExtension(asked, { comment: 'ok' }, ctx(rita, at(12), policy)));
    expect(granted.extensions?.[0]).toMatchObject({ state: 'GRANTED', grantedByPolicy: false });
    expect(granted.history.at(-1)?.type).toBe('EXTENSION_GRANT');
    expect(windowOf(granted)?.endsAt).toBe(at(120));
    const refused = unwrap(
      rejectExtension(asked, { comment: 'not today' }, ctx(ravi, at(12), policy)),
    );
    expect(refused.extensions?.[0]?.state).toBe('REFUSED');
    expect(windowOf(refused)?.endsAt).toBe(at(60));
    expect(errorCode(rejectExtension(asked, {}, ctx(ravi, at(12), policy)))).toBe(
      'COMMENT_REQUIRED',
    );
  });

  it('never past the rule maximum in total', () => {
    expect(
      errorCode(
        extendRequest(open(), { minutes: 181, reason: 'all day' }, ctx(alice, at(10), policy)),
      ),
    ).toBe('EXTENSION_LIMIT');
  });

  it('refuses an extension of a revoked or ended window, or of a window that is over', () => {
    const revoked = unwrap(
      revokeRequest(open(), { comment: 'suspicious' }, ctx(rita, at(5), policy)),
    );
    expect(
      errorCode(extendRequest(revoked, { minutes: 15, reason: 'x' }, ctx(alice, at(6), policy))),
    ).toBe('INVALID_STATE');
    const ended = unwrap(endRequestEarly(open(), {}, ctx(alice, at(5), policy)));
    expect(
      errorCode(extendRequest(ended, { minutes: 15, reason: 'x' }, ctx(alice, at(6), policy))),
    ).toBe('INVALID_STATE');
    expect(
      errorCode(extendRequest(open(), { minutes: 15, reason: 'x' }, ctx(alice, at(61), policy))),
    ).toBe('WINDOW_OVER');
    expect(
      errorCode(extendRequest(open(), { minutes: 15, reason: 'x' }, ctx(bob, at(6), policy))),
    ).toBe('NOT_REQUESTER');
  });

  it('a pending extension dies with the window: no decision after a revoke', () => {
    const asked = unwrap(
      extendRequest(open(), { minutes: 60, reason: 'long' }, ctx(alice, at(10), policy)),
    );
    const revoked = unwrap(revokeRequest(asked, { comment: 'stop' }, ctx(rita, at(11), policy)));
    expect(errorCode(approveExtension(revoked, {}, ctx(ravi, at(12), policy)))).toBe(
      'INVALID_STATE',
    );
  });
});

type Step =
  | { kind: 'extend'; minutes: number; afterMinutes: number }
  | { kind: 'approve' | 'reject' | 'revoke' | 'end'; afterMinutes: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('extend' as const),
    minutes: fc.integer({ min: 1, max: 300 }),
    afterMinutes: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constantFrom('approve' as const, 'reject' as const, 'revoke' as const, 'end' as const),
    afterMinutes: fc.integer({ min: 0, max: 40 }),
  }),
);

describe('extensions (properties)', () => {
  it('the total never exceeds the rule maximum, and nothing extends a revoked, ended or finished window', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (steps) => {
        let request = open();
        let minute = 0;
        for (const step of steps) {
          minute += step.afterMinutes;
          const c = (actor: typeof alice) => ctx(actor, at(minute), policy);
          const before = request;
          const result =
            step.kind === 'extend'
              ? extendRequest(request, { minutes: step.minutes, reason: 'work' }, c(alice))
              : step.kind === 'approve'
                ? approveExtension(request, {}, c(rita))
                : step.kind === 'reject'
                  ? rejectExtension(request, { comment: 'no' }, c(ravi))
                  : step.kind === 'revoke'
                    ? revokeRequest(request, { comment: 'stop' }, c(rita))
                    : endRequestEarly(request, {}, c(alice));
          if (result.ok) {
            request = result.value.request;
            if (step.kind === 'extend') {
              expect(before.status).toBe('APPROVED');
              expect(
                windowOf(before) !== undefined && at(minute) < (windowOf(before)?.endsAt ?? ''),
              ).toBe(true);
            }
          }
          expect(
            request.requestedDurationMinutes + grantedExtensionMinutes(request),
          ).toBeLessThanOrEqual(240);
        }
      }),
    );
  });
});
