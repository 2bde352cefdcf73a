import type { PendingNoticeThresholds } from '@elevate/domain';
import { DEFAULT_NOTICE_THRESHOLDS } from '@elevate/domain';
import type { NotifierDeps } from './notifier-deps';

/** The reminder, escalation and warning times as configured — the notifier schedules by them, the sweeper sends by them. */
export const noticeThresholdsOf = (deps: NotifierDeps): PendingNoticeThresholds => ({
  reminderAfterMinutes: deps.reminderAfterMinutes ?? DEFAULT_NOTICE_THRESHOLDS.reminderAfterMinutes,
  escalateAfterMinutes: deps.escalateAfterMinutes ?? DEFAULT_NOTICE_THRESHOLDS.escalateAfterMinutes,
  expiryWarningMinutes: deps.expiryWarningMinutes ?? DEFAULT_NOTICE_THRESHOLDS.expiryWarningMinutes,
});
