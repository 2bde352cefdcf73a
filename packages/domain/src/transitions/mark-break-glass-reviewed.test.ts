import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import {
  NOW,
  ada,
  alice,
  audrey,
  ctx,
  errorCode,
  pendingSandbox,
  productionAdminInput,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { createBreakGlassRequest } from './create-request';
import { endRequestEarly } from './end-request-early';
import { markBreakGlassReviewed } from './mark-break-glass-reviewed';

const breakGlass = () => unwrap(createBreakGlassRequest(productionAdminInput(), ctx(alice)));

describe('markBreakGlassReviewed', () => {
  it('records the review with its reviewer and comment and leaves the status alone', () => {
    const at = addMinutes(NOW, 300);
    const request = unwrap(
      markBreakGlassReviewed(breakGlass(), { comment: 'Matches INC-7' }, ctx(rita, at)),
    );
    expect(request.status).toBe('APPROVED');
    expect(request.postAccessReview).toEqual({
      state: 'REVIEWED',
      reviewer: { sub: rita.sub, email: rita.email, name: rita.name },
      reviewedAt: at,
      comment: 'Matches INC-7',
    });
    expect(request.history.at(-1)).toMatchObject({
      type: 'BREAK_GLASS_REVIEW',
      statusAfter: 'APPROVED',
    });
  });

  it('can review break-glass access the requester already ended', () => {
    const ended = unwrap(endRequestEarly(breakGlass(), {}, ctx(alice, addMinutes(NOW, 5))));
    expect(unwrap(markBreakGlassReviewed(ended, { comment: 'ok' }, ctx(ada))).status).toBe('ENDED');
  });

  it('refuses the requester with SELF_DECISION', () => {
    expect(
      errorCode(
        markBreakGlassReviewed(
          unwrap(createBreakGlassRequest(productionAdminInput(), ctx(rita))),
          { comment: 'ok' },
          ctx(rita),
        ),
      ),
    ).toBe('SELF_DECISION');
  });

  it('refuses an auditor with NOT_ROUTED_TO_REVIEWER', () => {
    expect(errorCode(markBreakGlassReviewed(breakGlass(), { comment: 'ok' }, ctx(audrey)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
  });

  it('requires a comment with COMMENT_REQUIRED', () => {
    expect(errorCode(markBreakGlassReviewed(breakGlass(), {}, ctx(ravi)))).toBe('COMMENT_REQUIRED');
  });

  it('refuses a normal request or a second review with INVALID_STATE', () => {
    expect(errorCode(markBreakGlassReviewed(pendingSandbox(), { comment: 'ok' }, ctx(ravi)))).toBe(
      'INVALID_STATE',
    );
    const reviewed = unwrap(markBreakGlassReviewed(breakGlass(), { comment: 'ok' }, ctx(ravi)));
    expect(errorCode(markBreakGlassReviewed(reviewed, { comment: 'again' }, ctx(rita)))).toBe(
      'INVALID_STATE',
    );
  });
});
