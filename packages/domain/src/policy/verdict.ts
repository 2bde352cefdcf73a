import type { DomainError } from '../domain-error';
import type { DomainErrorCode } from '../vocabulary';
import type { Result } from '../result';

/** An answer for the client: allowed, or refused with a stable code and the policy's reason. */
export type Verdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: DomainErrorCode; readonly reason: string };

export const ALLOWED: Verdict = { allowed: true };

export const verdictOf = <T>(result: Result<T, DomainError>): Verdict =>
  result.ok ? ALLOWED : { allowed: false, code: result.error.code, reason: result.error.message };
