import type { ApiProblem } from './api-problem';

/**
 * Every code the API (or the client) may answer with, as the next step a person can take, shown
 * under the API's own title and detail; `undefined` where those say it all. Exhaustive: a code added
 * to the contracts does not compile here until the SPA says what it means
 * (docs/decisions/0006-one-home-per-fact.md).
 */
export function problemAdvice(
  problem: Pick<ApiProblem, 'code' | 'unknownCode'>,
): string | undefined {
  switch (problem.code) {
    case 'TOKEN_MISSING':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'TOKEN_MISMATCH':
    case 'not_signed_in':
      return 'Sign in again to continue.';
    case 'STEP_UP_REQUIRED':
      return 'Sign in again, with multi-factor authentication if asked, then repeat the action.';
    case 'GROUPS_OVERAGE':
      return 'Ask your Elevate operators to have the identity provider send app roles or filtered groups.';
    // The detail already says to try again in a moment.
    case 'IDP_UNAVAILABLE':
    case 'STORE_UNAVAILABLE':
    case 'OVERLOADED':
    case 'STS_UNAVAILABLE':
    case 'network_error':
    case 'unexpected_response':
      return undefined;
    case 'INTERNAL':
    case 'ALREADY_EXISTS':
    case 'FEDERATION_DENIED':
    case 'CONSOLE_SIGN_IN_FAILED':
    case 'AUDIT_INTEGRITY_UNAVAILABLE':
      return 'If it keeps happening, tell your Elevate operators.';
    // The page and the API disagree about the protocol: an old page, or a bug.
    case 'MALFORMED_JSON':
    case 'MALFORMED_REQUEST':
    case 'METHOD_NOT_ALLOWED':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'HEADERS_TOO_LARGE':
    case 'SLACK_SIGNATURE_INVALID':
    case 'INVALID_CURSOR':
    case 'invalid_response':
      return 'Reload the page and try again; if it keeps happening, tell your Elevate operators.';
    case 'VALIDATION_FAILED':
    case 'JUSTIFICATION_INVALID':
    case 'TICKET_REQUIRED':
    case 'TICKET_INVALID':
    case 'DURATION_OUT_OF_RANGE':
    case 'SCHEDULE_INVALID':
    case 'COMMENT_REQUIRED':
      return 'Correct the input and send it again.';
    case 'PAYLOAD_TOO_LARGE':
      return 'Shorten the text and send it again.';
    case 'NOT_FOUND':
    case 'NOT_VISIBLE':
      return 'Check the link: the request may not exist, or may not be yours to see.';
    case 'NOT_ELIGIBLE':
    case 'UNKNOWN_ACCOUNT':
    case 'UNKNOWN_ROLE':
    case 'BREAK_GLASS_NOT_ALLOWED':
    case 'POLICY_CONFLICT':
      return 'The policy page shows what you may request.';
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
      return undefined;
    case 'INVALID_STATE':
    case 'ALREADY_DECIDED_BY_ACTOR':
    case 'WINDOW_OVER':
    case 'NOT_EXPIRED':
    case 'WINDOW_NOT_OPEN':
    case 'EXTENSION_PENDING':
    case 'VERSION_CONFLICT':
    case 'SESSION_WITHHELD':
      return 'Reload the request to see where it stands now.';
    case 'EXPORT_TOO_LARGE':
    case 'REQUESTER_AMBIGUOUS':
      return 'Narrow the filters and try again.';
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'IDEMPOTENCY_IN_PROGRESS':
      return 'Wait a moment, reload the page and try again.';
    case 'unknown_code':
      return `This page does not know Elevate's answer (${problem.unknownCode ?? 'no code'}) yet: reload it to get the newest version.`;
  }
}
