import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { awsClientConfig, traced } from '../outbound';
import type { DailyDigest, SignedDigest } from '@elevate/domain';
import { digestSigningBytesOf } from '@elevate/domain';
import type { StoredDigest } from './digest-store';

/** Signs digests: a KMS asymmetric key in AWS, a local P-256 key in the dev stack. */
export interface DigestSigner {
  sign(digest: DailyDigest): Promise<SignedDigest>;
  /** The public key (SPKI, DER) a verifier trusts for this signer's digests. */
  publicKey(): Promise<Uint8Array>;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Checks a stored digest against a trusted public key (SPKI DER or PEM): ECDSA P-256 over SHA-256,
 * DER-encoded signature — what KMS `ECDSA_SHA_256` returns and what the local signer writes. The
 * trust comes from the key the caller passes, never from the `keyId` the digest names.
 */
export const verifyDigestSignature = (
  signed: StoredDigest,
  trustedPublicKey: Uint8Array | string,
): boolean => {
  if (signed.signature.algorithm !== 'ECDSA_SHA_256') return false;
  const key: KeyObject =
    typeof trustedPublicKey === 'string'
      ? createPublicKey(trustedPublicKey)
      : createPublicKey({ key: Buffer.from(trustedPublicKey), format: 'der', type: 'spki' });
  return verify(
    'sha256',
    digestSigningBytesOf(signed.digest),
    { key, dsaEncoding: 'der' },
    Buffer.from(signed.signature.value, 'base64'),
  );
};

/** `local:<first 16 hex of SHA-256 of the SPKI>`: names the key without revealing anything. */
const localKeyIdOf = (spki: Uint8Array): string =>
  `local:${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`;

/**
 * The dev stack's signer: a P-256 key kept as PKCS#8 PEM under `.data/` (created on first use,
 * mode 0600). Stands in for KMS; its trust is only that of the machine's file system.
 */
export class LocalDigestSigner implements DigestSigner {
  readonly #privateKey: KeyObject;
  readonly #spki: Uint8Array;

  constructor(keyFile: string) {
    let pem: string;
    try {
      pem = readFileSync(keyFile, 'utf8');
    } catch {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, pem, { mode: 0o600, flag: 'wx' });
    }
    this.#privateKey = createPrivateKey(pem);
    this.#spki = createPublicKey(this.#privateKey).export({ type: 'spki', format: 'der' });
  }

  sign(digest: DailyDigest): Promise<SignedDigest> {
    const value = sign('sha256', digestSigningBytesOf(digest), {
      key: this.#privateKey,
      dsaEncoding: 'der',
    });
    return Promise.resolve({
      digest,
      signature: {
        algorithm: 'ECDSA_SHA_256',
        keyId: localKeyIdOf(this.#spki),
        value: toBase64(value),
      },
    });
  }

  publicKey(): Promise<Uint8Array> {
    return Promise.resolve(this.#spki);
  }
}

/**
 * Signs with a KMS asymmetric key (key spec ECC_NIST_P256, usage SIGN_VERIFY): the private key
 * never leaves KMS, and only the digest producer's role may call `kms:Sign` on it.
 */
export class KmsDigestSigner implements DigestSigner {
  readonly #kms: KMSClient;
  readonly #keyId: string;

  constructor(options: { readonly keyId: string; readonly kms?: KMSClient }) {
    this.#kms = options.kms ?? traced(new KMSClient(awsClientConfig('kms')));
    this.#keyId = options.keyId;
  }

  async sign(digest: DailyDigest): Promise<SignedDigest> {
    const output = await this.#kms.send(
      new SignCommand({
        KeyId: this.#keyId,
        Message: digestSigningBytesOf(digest),
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    if (output.Signature === undefined) throw new Error('KMS Sign returned no signature');
    return {
      digest,
      signature: {
        algorithm: 'ECDSA_SHA_256',
        keyId: output.KeyId ?? this.#keyId,
        value: toBase64(output.Signature),
      },
    };
  }

  async publicKey(): Promise<Uint8Array> {
    const output = await this.#kms.send(new GetPublicKeyCommand({ KeyId: this.#keyId }));
    if (output.PublicKey === undefined) throw new Error('KMS GetPublicKey returned no key');
    return output.PublicKey;
  }
}
