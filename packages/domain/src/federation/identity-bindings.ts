/**
 * Which person (IdP `sub`) an e-mail address names in AWS. The first session binds a canonical
 * address to its `sub`; a different `sub` presenting the same address is refused, so two people
 * never share a RoleSessionName, SourceIdentity or requester tag.
 */
export interface IdentityBindings {
  /** Binds `canonicalEmail` to `sub`, or says it is bound to someone else already. Idempotent. */
  bind(canonicalEmail: string, sub: string): Promise<'bound' | 'taken'>;
}
