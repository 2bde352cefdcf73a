// The problem type is the typed client's (@elevate/client), so the SPA and the CLI read API failures
// the same way.
export { ApiProblem, CLIENT_PROBLEM_CODES, isApiProblem, isStepUpRequired } from '@elevate/client';
