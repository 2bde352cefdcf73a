import { canonicalJson } from './canonical-json';
import type { ChainEntry, ChainEntryKind } from './chain-entry';
import { entryHashOf, utcDayOf } from './chain-entry';
import { merkleLeafHashOf, merkleRootOf } from './merkle';

export const DIGEST_FORMAT = 'elevate-audit-digest-v1';

/** What a digest signs for one entry: enough to name it later if it goes missing. */
export interface DigestLeaf {
  readonly requestId: string;
  readonly kind: ChainEntryKind;
  readonly key: string;
  readonly at: string;
  readonly label: string;
  readonly prev: string;
  readonly hash: string;
}

/** The day's digest: every entry dated that day, listed, and the Merkle root over them. */
export interface DailyDigest {
  readonly format: typeof DIGEST_FORMAT;
  readonly day: string;
  readonly createdAt: string;
  readonly root: string;
  readonly leaves: readonly DigestLeaf[];
}

export const DIGEST_SIGNATURE_ALGORITHMS = ['ECDSA_SHA_256'] as const;
export type DigestSignatureAlgorithm = (typeof DIGEST_SIGNATURE_ALGORITHMS)[number];

export interface SignedDigest {
  readonly digest: DailyDigest;
  readonly signature: {
    readonly algorithm: DigestSignatureAlgorithm;
    /** Which key signed (a KMS key ARN, or `local:<fingerprint>`); the verifier is told which to trust. */
    readonly keyId: string;
    /** DER-encoded ECDSA signature over `digestSigningBytesOf(digest)`, base64. */
    readonly value: string;
  };
}

/** Entries in a stable order: request, then history before sessions, then position or id. */
const compareLeaves = (a: DigestLeaf, b: DigestLeaf): number =>
  a.requestId.localeCompare(b.requestId) ||
  a.kind.localeCompare(b.kind) ||
  (a.kind === 'history' ? Number(a.key) - Number(b.key) : a.key.localeCompare(b.key));

export const digestRootOf = (leaves: readonly DigestLeaf[]): string =>
  merkleRootOf(leaves.map((leaf) => merkleLeafHashOf(leaf)));

/**
 * The digest of `day` over the given entries (those dated another day are left out). An entry
 * without a stored hash or whose stored hash does not match its content is not signed — it is
 * returned in `unsound`, so the producer reports it instead of blessing it.
 */
export const dailyDigestOf = (
  day: string,
  entries: readonly ChainEntry[],
  createdAt: string,
): { readonly digest: DailyDigest; readonly unsound: readonly ChainEntry[] } => {
  const leaves: DigestLeaf[] = [];
  const unsound: ChainEntry[] = [];
  for (const entry of entries) {
    if (utcDayOf(entry.at) !== day) continue;
    if (
      entry.hash === undefined ||
      entry.prev === undefined ||
      entryHashOf(entry, entry.prev) !== entry.hash
    ) {
      unsound.push(entry);
      continue;
    }
    const { requestId, kind, key, at, label, prev, hash } = entry;
    leaves.push({ requestId, kind, key, at, label, prev, hash });
  }
  leaves.sort(compareLeaves);
  return {
    digest: { format: DIGEST_FORMAT, day, createdAt, root: digestRootOf(leaves), leaves },
    unsound,
  };
};

/** The exact bytes a signature covers: the canonical JSON of the digest, UTF-8. */
export const digestSigningBytesOf = (digest: DailyDigest): Uint8Array =>
  new TextEncoder().encode(canonicalJson(digest));
