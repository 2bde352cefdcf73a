// SHA-256 from @noble/hashes (audited, dependency-free, pure JavaScript), so the domain can derive
// stable, collision-resistant name suffixes without node:crypto or Web Crypto (it does no I/O and
// must run anywhere, the SPA included).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The SHA-256 digest of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
