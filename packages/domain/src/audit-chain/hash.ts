import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of a string's UTF-8 bytes (@noble/hashes: audited, no I/O, runs anywhere). */
export const sha256HexOf = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
