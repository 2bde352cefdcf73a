import type { DigestSigner, DigestStore } from '@elevate/adapters';
import type { ChainEntry } from '@elevate/domain';

/** Reads requests' chain entries as the table holds them now. */
interface ChainEntryReader {
  /** One request's entries (one consistent Query on its partition). */
  entriesOf(requestId: string): Promise<ChainEntry[]>;
  /** Every request's entries — a Scan, for operator commands only. */
  allEntries(): Promise<Map<string, ChainEntry[]>>;
}

/** What producing and verifying digests needs; the composition root fills it for AWS or the dev stack. */
export interface AuditIntegrityDeps {
  readonly reader: ChainEntryReader;
  /**
   * The requests with chain entries dated a day, kept from the change stream; undefined for a day
   * before the index was complete (the producer then reads every request).
   */
  readonly changedOn?: { requestsChangedOn(day: string): Promise<readonly string[] | undefined> };
  readonly store: DigestStore;
  /** Only the digest producer signs; the verifier needs just the trusted public key. */
  readonly signer?: DigestSigner;
  /** The public key (SPKI DER) digests must be signed with. */
  trustedPublicKey(): Promise<Uint8Array>;
}
