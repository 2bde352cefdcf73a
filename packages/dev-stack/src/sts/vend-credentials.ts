import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

export interface CredentialMaterial {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** Fresh temporary credentials shaped like AWS's: `ASIA` + 16, a 40-character secret, an opaque token. */
export function vendCredentials(): CredentialMaterial {
  return {
    accessKeyId: `ASIA${randomString(UPPER_ALNUM, 16)}`,
    secretAccessKey: randomString(SECRET_ALPHABET, 40),
    sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`,
  };
}

/** An unguessable handle (sign-in tokens, console sessions). */
export function opaqueId(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
