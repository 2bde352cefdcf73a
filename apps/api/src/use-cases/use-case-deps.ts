import type {
  AccessRequestRepository,
  Actor,
  Clock,
  IdGenerator,
  InsightsReadModel,
  MfaEvidence,
  PeopleDirectory,
  Policy,
  SessionRecordRepository,
  TransitionContext,
} from '@elevate/domain';
import type { AuditExportLimits } from './audit-export-limits';
import { currentCorrelationId } from './call-correlation';

/** The ports every use case works through; the composition root or a test fills them. */
export interface UseCaseDeps {
  repository: AccessRequestRepository;
  /** Validated at start-up; fixed for the life of the process. */
  policy: Policy;
  clock: Clock;
  ids: IdGenerator;
  /** Session records, shown with a request; without it views carry no `sessions`. */
  sessions?: SessionRecordRepository;
  /** What proves MFA with the configured IdP; the standards default (`amr` has `mfa`) when absent. */
  mfaEvidence?: MfaEvidence;
  /** Caps on one audit CSV export; the Lambda-safe defaults when absent. */
  auditExportLimits?: AuditExportLimits;
  /** The daily aggregates behind Insights; without it `GET /insights` answers as if empty. */
  insights?: InsightsReadModel;
  /**
   * The people record, kept from verified tokens once a day per person: who to notify, and whom a
   * partial requester name in the audit means. Without it the audit takes only a sub or an e-mail.
   */
  people?: PeopleDirectory;
}

/** What a transition (or a dry run of one) needs: now, who, and the policy. */
export const contextOf = (deps: UseCaseDeps, actor: Actor): TransitionContext => {
  const correlationId = currentCorrelationId();
  return {
    now: deps.clock.now(),
    actor,
    policy: deps.policy,
    ...(correlationId === undefined ? {} : { correlationId }),
  };
};
