import { POLICY_LIMITS } from '@elevate/domain/vocabulary';

// The bounds the API enforces whatever the policy says (a rule may allow less), for the SPA's forms
// and the CLI's arguments to check early. The numbers are the domain's.

export { MIN_DURATION_MINUTES, MIN_EXTENSION_MINUTES } from '@elevate/domain/vocabulary';

/** The longest window (and the longest extension) anyone may ask for: seven days. */
export const MAX_DURATION_MINUTES = POLICY_LIMITS.maxDurationMinutes;

/** The longest justification a policy may allow. */
export const JUSTIFICATION_MAX_LENGTH = POLICY_LIMITS.maxJustificationLength;
