import type { PersonRef } from '../actor';
import { canonicalEmail, stsIdentifierFor } from './sts-identifier';

/**
 * The SourceIdentity for `actor`: their email when STS accepts it as is, else its sanitized start
 * plus a hash of the full email. It follows role chaining and shows in CloudTrail's
 * `sessionContext.sourceIdentity`. Never starts with `aws:` (`:` is not in the allowed set).
 */
export const sourceIdentityFor = (actor: Pick<PersonRef, 'email'>): string => {
  const email = canonicalEmail(actor.email);
  return stsIdentifierFor(email, `source-identity\u0000${email}`);
};
