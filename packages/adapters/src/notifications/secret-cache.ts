import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type * as z from 'zod/mini';
import { awsClientConfig, traced } from '../outbound';

/**
 * A JSON secret from AWS Secrets Manager, read on first use and kept for `ttlSeconds` (so a rotated
 * token is picked up without a deploy, and a warm function does not call Secrets Manager per
 * message). The value is parsed by `schema`; errors name the secret's fields, never its values.
 */
export class CachedSecret<T> {
  readonly #client: SecretsManagerClient;
  readonly #secretId: string;
  readonly #schema: z.ZodMiniType<T>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #cached: { value: T; until: number } | undefined;
  #loading: Promise<T> | undefined;

  constructor(options: {
    readonly secretId: string;
    readonly schema: z.ZodMiniType<T>;
    readonly ttlSeconds?: number;
    readonly client?: SecretsManagerClient;
    readonly now?: () => number;
  }) {
    this.#secretId = options.secretId;
    this.#schema = options.schema;
    this.#ttlMs = (options.ttlSeconds ?? 300) * 1000;
    this.#client =
      options.client ?? traced(new SecretsManagerClient(awsClientConfig('secretsManager')));
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<T> {
    if (this.#cached !== undefined && this.#cached.until > this.#now()) return this.#cached.value;
    this.#loading ??= this.#load().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #load(): Promise<T> {
    const { SecretString: raw } = await this.#client.send(
      new GetSecretValueCommand({ SecretId: this.#secretId }),
    );
    let json: unknown;
    try {
      json = JSON.parse(raw ?? '');
    } catch {
      throw new Error(`Secret ${this.#secretId} is not JSON.`);
    }
    const parsed = this.#schema.safeParse(json);
    if (!parsed.success)
      throw new Error(
        `Secret ${this.#secretId} lacks fields: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
      );
    this.#cached = { value: parsed.data, until: this.#now() + this.#ttlMs };
    return parsed.data;
  }
}
