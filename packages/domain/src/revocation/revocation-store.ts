import type { RevocationTarget } from './revocation-policy';

/**
 * The revocation policy on target roles (in AWS: an inline role policy written through the
 * revoker role of the target account). Reads and writes the whole document.
 */
export interface RevocationPolicyStore {
  /** The current document, or undefined when the role has none. */
  read(target: RevocationTarget): Promise<string | undefined>;
  write(target: RevocationTarget, document: string): Promise<void>;
  remove(target: RevocationTarget): Promise<void>;
}
