export { KmsDigestSigner, LocalDigestSigner, verifyDigestSignature } from './digest-signer';
export type { DigestSigner } from './digest-signer';
export { digestObjectKeyOf, FileDigestStore, S3DigestStore } from './digest-store';
export type { DigestStore, StoredDigest } from './digest-store';
