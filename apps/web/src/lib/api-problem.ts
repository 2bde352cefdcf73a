// The problem type is the typed client's (@elevate/client), so the SPA and the CLI read API failures
// the same way.
import { isApiProblem } from '@elevate/client';

export {
  ApiProblem,
  CLIENT_PROBLEM_CODES,
  isApiProblem,
  problemFromResponse,
  type FieldError,
} from '@elevate/client';

/** The API wants a fresh sign-in (MFA, recent authentication) before this action. */
export function isStepUpRequired(error: unknown): boolean {
  return isApiProblem(error) && error.status === 401 && error.code === 'STEP_UP_REQUIRED';
}
