import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import * as z from 'zod/mini';

/** Private signing keys (RS256 first: it signs ID tokens by default) and the cookie-signing secrets. */
export interface IdpKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

const privateJwkSchema = z.looseObject({
  kty: z.enum(['RSA', 'EC']),
  kid: z.string().check(z.minLength(1)),
  alg: z.string().check(z.minLength(1)),
  d: z.string().check(z.minLength(1)),
});
const jwksFileSchema = z.object({ keys: z.array(privateJwkSchema).check(z.minLength(1)) });
const cookieKeysFileSchema = z.object({
  keys: z.array(z.string().check(z.minLength(32))).check(z.minLength(1)),
});

const SIGNING_ALGS = ['RS256', 'ES256'] as const;

/**
 * Loads the dev IdP's keys from `<dataDir>/idp/`, creating them on first start. Reusing them keeps
 * tokens, the API's cached JWKS and browser sessions valid across restarts of the local stack.
 */
export async function loadOrCreateIdpKeys(dataDir: string): Promise<IdpKeys> {
  const dir = join(dataDir, 'idp');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jwks = await loadOrCreate(join(dir, 'jwks.json'), jwksFileSchema, createJwks);
  const cookies = await loadOrCreate(
    join(dir, 'cookie-keys.json'),
    cookieKeysFileSchema,
    async () => ({
      keys: [randomBytes(32).toString('base64url')],
    }),
  );
  return { jwks: { keys: jwks.keys as JWK[] }, cookieKeys: cookies.keys };
}

async function createJwks(): Promise<{ keys: JWK[] }> {
  const keys = await Promise.all(
    SIGNING_ALGS.map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = await exportJWK(privateKey);
      return { ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(jwk) };
    }),
  );
  return { keys };
}

async function loadOrCreate<T>(
  file: string,
  schema: z.ZodMiniType<T>,
  create: () => Promise<unknown>,
): Promise<T> {
  let raw: string | undefined;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (raw !== undefined) {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      throw new Error(`${file} is not a valid dev IdP key file; delete it to create new keys`);
    }
    // Tighten permissions on files from older runs or copied by hand: they hold private keys.
    await chmod(file, 0o600);
    return parsed.data;
  }
  const value = schema.parse(await create());
  // Write then rename so a crash mid-write never leaves a half file that blocks the next start.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
  return value;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
