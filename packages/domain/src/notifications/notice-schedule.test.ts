import { describe, expect, it } from 'vitest';
import { approveRequest } from '../transitions/approve-request';
import { alice, ctx, NOW, pendingSandbox, rita } from '../testing/fixtures';
import { addMinutes } from '../time';
import { DEFAULT_NOTICE_THRESHOLDS, earliestCheckOf, noticeChecksOf } from './notice-schedule';

describe('noticeChecksOf', () => {
  it('schedules a pending request at its reminder, escalation, expiry warning and expiry', () => {
    const request = pendingSandbox(alice);
    expect(noticeChecksOf(request, DEFAULT_NOTICE_THRESHOLDS, NOW)).toEqual([
      { requestId: 'req-1', reason: 'PENDING_REMINDER', dueAt: addMinutes(NOW, 240) },
      { requestId: 'req-1', reason: 'REMINDER_ESCALATED', dueAt: addMinutes(NOW, 1440) },
      { requestId: 'req-1', reason: 'PENDING_EXPIRY_WARNING', dueAt: addMinutes(NOW, 1380) },
      { requestId: 'req-1', reason: 'PENDING_EXPIRY', dueAt: addMinutes(NOW, 1440) },
    ]);
  });

  it('leaves out notices turned off, and never schedules behind notBefore', () => {
    const request = pendingSandbox(alice);
    const late = addMinutes(NOW, 300);
    expect(
      noticeChecksOf(
        request,
        { reminderAfterMinutes: 240, escalateAfterMinutes: 0, expiryWarningMinutes: 0 },
        late,
      ),
    ).toEqual([
      { requestId: 'req-1', reason: 'PENDING_REMINDER', dueAt: late },
      { requestId: 'req-1', reason: 'PENDING_EXPIRY', dueAt: addMinutes(NOW, 1440) },
    ]);
  });

  it('schedules an approved scheduled window at its opening and 10 minutes before its end, nothing once over', () => {
    const pending = pendingSandbox(alice, {
      scheduledStart: addMinutes(NOW, 120),
      durationMinutes: 60,
    });
    const approved = approveRequest(pending, {}, ctx(rita, addMinutes(NOW, 5)));
    if (!approved.ok) throw new Error(approved.error.code);
    expect(noticeChecksOf(approved.value.request, DEFAULT_NOTICE_THRESHOLDS, NOW)).toEqual([
      { requestId: 'req-1', reason: 'WINDOW_OPENED', dueAt: addMinutes(NOW, 120) },
      { requestId: 'req-1', reason: 'WINDOW_ENDING', dueAt: addMinutes(NOW, 170) },
    ]);
    expect(
      noticeChecksOf(approved.value.request, DEFAULT_NOTICE_THRESHOLDS, addMinutes(NOW, 180)),
    ).toEqual([]);
  });
});

describe('earliestCheckOf', () => {
  it('keeps only the first check due, wherever it stands in the list', () => {
    const request = pendingSandbox(alice);
    const thresholds = { ...DEFAULT_NOTICE_THRESHOLDS, reminderAfterMinutes: 2000 };
    expect(earliestCheckOf(noticeChecksOf(request, thresholds, NOW))).toEqual([
      { requestId: 'req-1', reason: 'PENDING_EXPIRY_WARNING', dueAt: addMinutes(NOW, 1380) },
    ]);
    expect(earliestCheckOf([])).toEqual([]);
  });
});
