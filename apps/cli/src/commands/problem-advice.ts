import type { ApiProblem } from '@elevate/client';
import { EXIT, type ExitCode } from '../exit-codes';

/** What the CLI adds to the API's own words, and the exit code a script sees. */
export interface ProblemAdvice {
  exit: ExitCode;
  /** The next step, after the API's title and detail; none when those say it all. */
  next?: string;
}

/** Only the status is known (a client's own or an unknown code): a 5xx or no answer is a failure. */
const byStatus = (status: number): ExitCode =>
  status === 0 || status >= 500 ? EXIT.failure : status === 401 ? EXIT.notSignedIn : EXIT.refused;

/**
 * Every code the API (or the client) may answer with, in the CLI's words. Exhaustive: a code added
 * to the contracts does not compile here until the CLI says what it means for the person at the
 * terminal (docs/decisions/0006-one-home-per-fact.md).
 */
export function problemAdvice(
  problem: Pick<ApiProblem, 'code' | 'status' | 'unknownCode'>,
): ProblemAdvice {
  switch (problem.code) {
    case 'TOKEN_MISSING':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'TOKEN_MISMATCH':
    case 'STEP_UP_REQUIRED':
    case 'not_signed_in':
      return { exit: EXIT.notSignedIn, next: 'run: elevate login' };
    case 'GROUPS_OVERAGE':
      return {
        exit: EXIT.refused,
        next: 'ask your Elevate operators to send app roles or filtered groups instead',
      };
    case 'IDP_UNAVAILABLE':
    case 'STORE_UNAVAILABLE':
    case 'OVERLOADED':
    case 'STS_UNAVAILABLE':
    case 'network_error':
      return { exit: EXIT.failure };
    case 'INTERNAL':
    case 'ALREADY_EXISTS':
    case 'FEDERATION_DENIED':
    case 'CONSOLE_SIGN_IN_FAILED':
    case 'AUDIT_INTEGRITY_UNAVAILABLE':
      return { exit: EXIT.failure, next: 'if it keeps happening, tell your Elevate operators' };
    // The CLI and the API disagree about the protocol: a newer or older CLI, or a bug.
    case 'MALFORMED_JSON':
    case 'MALFORMED_REQUEST':
    case 'METHOD_NOT_ALLOWED':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'HEADERS_TOO_LARGE':
    case 'SLACK_SIGNATURE_INVALID':
    case 'INVALID_CURSOR':
    case 'invalid_response':
      return { exit: EXIT.failure, next: 'update the CLI, or tell your Elevate operators' };
    case 'unexpected_response':
      return { exit: byStatus(problem.status) };
    case 'VALIDATION_FAILED':
    case 'JUSTIFICATION_INVALID':
    case 'TICKET_REQUIRED':
    case 'TICKET_INVALID':
    case 'DURATION_OUT_OF_RANGE':
    case 'SCHEDULE_INVALID':
    case 'COMMENT_REQUIRED':
      return { exit: EXIT.refused, next: 'correct the input and run the command again' };
    case 'PAYLOAD_TOO_LARGE':
      return { exit: EXIT.refused, next: 'shorten the text and run the command again' };
    case 'NOT_FOUND':
    case 'NOT_VISIBLE':
      return { exit: EXIT.refused, next: 'check the request id (elevate ls lists yours)' };
    case 'NOT_ELIGIBLE':
    case 'UNKNOWN_ACCOUNT':
    case 'UNKNOWN_ROLE':
    case 'BREAK_GLASS_NOT_ALLOWED':
    case 'POLICY_CONFLICT':
      return { exit: EXIT.refused, next: 'elevate whoami lists what you may request' };
    // The API's reason is the whole answer: who may do this, or what the policy asks.
    case 'NOT_ROUTED_TO_REVIEWER':
    case 'SELF_DECISION':
    case 'NOT_REQUESTER':
    case 'SELF_INVITATION':
    case 'NOT_INVITEE':
    case 'NOT_AUDITOR':
    case 'NOT_INSIGHTS_READER':
    case 'NOT_REVIEWER':
    case 'APPROVALS_BELOW_POLICY':
    case 'SELF_SERVICE_CONDITIONS_UNMET':
    case 'EXTENSION_LIMIT':
    case 'IDENTITY_CONFLICT':
      return { exit: EXIT.refused };
    case 'INVALID_STATE':
    case 'ALREADY_DECIDED_BY_ACTOR':
    case 'WINDOW_OVER':
    case 'NOT_EXPIRED':
    case 'WINDOW_NOT_OPEN':
    case 'EXTENSION_PENDING':
    case 'VERSION_CONFLICT':
    case 'SESSION_WITHHELD':
      return { exit: EXIT.refused, next: 'elevate show <id> says where the request stands now' };
    case 'EXPORT_TOO_LARGE':
    case 'REQUESTER_AMBIGUOUS':
      return { exit: EXIT.refused, next: 'narrow the filters and run the command again' };
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IDEMPOTENCY_IN_PROGRESS':
      return { exit: EXIT.refused, next: 'wait a moment and run the command again' };
    case 'unknown_code':
      return {
        exit: byStatus(problem.status),
        next: `Elevate answered with a code this CLI does not know (${problem.unknownCode ?? '?'}); update the CLI`,
      };
  }
}
