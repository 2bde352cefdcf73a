import type { RevocationPolicyStore, RevocationTarget } from '@elevate/domain';

/** The revocation policies in a map, for tests and the in-memory stack. */
export class InMemoryRevocationPolicyStore implements RevocationPolicyStore {
  readonly documents = new Map<string, string>();

  private key = (target: RevocationTarget): string => `${target.accountId}/${target.roleName}`;

  async read(target: RevocationTarget): Promise<string | undefined> {
    return this.documents.get(this.key(target));
  }

  async write(target: RevocationTarget, document: string): Promise<void> {
    this.documents.set(this.key(target), document);
  }

  async remove(target: RevocationTarget): Promise<void> {
    this.documents.delete(this.key(target));
  }
}
