import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DailyDigest, SignedDigest } from '@elevate/domain';
import { DIGEST_FORMAT } from '@elevate/domain';
import * as z from 'zod/mini';
import { awsClientConfig, traced } from '../outbound';

/**
 * A digest as read back from the store: its shape checked, its signature not. The algorithm is
 * whatever the object says; `verifyDigestSignature` accepts only the one Elevate signs with.
 */
export interface StoredDigest {
  readonly digest: DailyDigest;
  readonly signature: {
    readonly algorithm: string;
    readonly keyId: string;
    readonly value: string;
  };
}

// Loose objects: a field added to the stored digest is kept, so the signature check fails on it.
const storedDigestSchema = z.object({
  digest: z.looseObject({
    format: z.literal(DIGEST_FORMAT),
    day: z.string(),
    createdAt: z.string(),
    root: z.string(),
    leaves: z.array(
      z.looseObject({
        requestId: z.string(),
        kind: z.enum(['history', 'session']),
        key: z.string(),
        at: z.string(),
        label: z.string(),
        prev: z.string(),
        hash: z.string(),
      }),
    ),
  }),
  signature: z.object({ algorithm: z.string(), keyId: z.string(), value: z.string() }),
}) satisfies z.ZodMiniType<StoredDigest>;

const storedDigestOf = (day: string, text: string): StoredDigest => {
  const parsed = storedDigestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`The stored digest of ${day} is not a signed digest`);
  return parsed.data;
};

/** Where signed digests are kept: write once, read by day. */
export interface DigestStore {
  /** Stores the day's digest; `false` when that day already has one (it is never replaced). */
  put(signed: SignedDigest): Promise<boolean>;
  get(day: string): Promise<StoredDigest | undefined>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const checkDay = (day: string): string => {
  if (!DAY.test(day)) throw new RangeError(`Not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return day;
};

/** `digests/<YYYY>/<YYYY-MM-DD>.json`: one object per day. */
export const digestObjectKeyOf = (day: string): string =>
  `digests/${checkDay(day).slice(0, 4)}/${day}.json`;

/**
 * The dev stack's store: files under `.data/audit/`. Created exclusively (`wx`), so the producer
 * never overwrites a day — the local stand-in for Object Lock, which a local user can of course
 * bypass (docs/threat-model.md).
 */
export class FileDigestStore implements DigestStore {
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
  }

  put(signed: SignedDigest): Promise<boolean> {
    const file = join(this.#directory, digestObjectKeyOf(signed.digest.day));
    mkdirSync(join(file, '..'), { recursive: true });
    try {
      writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`, { flag: 'wx' });
      return Promise.resolve(true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Promise.resolve(false);
      throw error;
    }
  }

  get(day: string): Promise<StoredDigest | undefined> {
    try {
      const text = readFileSync(join(this.#directory, digestObjectKeyOf(day)), 'utf8');
      return Promise.resolve(storedDigestOf(day, text));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve(undefined);
      throw error;
    }
  }
}

/**
 * Digests in an S3 bucket with Object Lock in compliance mode (infra/: default retention): once
 * written, no one — root included — can change or delete a digest before its retention ends.
 * `If-None-Match: *` makes a second producer run for the same day a no-op instead of a new version.
 */
export class S3DigestStore implements DigestStore {
  readonly #s3: S3Client;
  readonly #bucket: string;

  constructor(options: { readonly bucket: string; readonly s3?: S3Client }) {
    this.#s3 = options.s3 ?? traced(new S3Client(awsClientConfig('s3')));
    this.#bucket = options.bucket;
  }

  async put(signed: SignedDigest): Promise<boolean> {
    try {
      await this.#s3.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: digestObjectKeyOf(signed.digest.day),
          Body: JSON.stringify(signed),
          ContentType: 'application/json',
          IfNoneMatch: '*',
          ChecksumAlgorithm: 'SHA256',
        }),
      );
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      if (status === 412) return false;
      throw error;
    }
  }

  async get(day: string): Promise<StoredDigest | undefined> {
    try {
      const output = await this.#s3.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: digestObjectKeyOf(day) }),
      );
      const text = await output.Body?.transformToString();
      return text === undefined ? undefined : storedDigestOf(day, text);
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
