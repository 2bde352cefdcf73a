import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

// Expected digests from FIPS 180-4's examples and from an independent implementation (OpenSSL).
const vectors: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  ['jürgen@example.de', '433d93962222da2479d57daad934c3373a92df0b72b4d95b308aeace385bc445'],
  ['😀 ñ 中文', 'e6d9bc3008c8e465421862e6f62aa1df2dbe0aa0c239def283e64c8c5ef9e392'],
  ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
  // Padding edges: 55 bytes fit one block, 56 need two, 64 is exactly one block of data.
  ['x'.repeat(55), 'd5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072'],
  ['x'.repeat(56), '04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e'],
  ['x'.repeat(64), '7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c'],
];

describe('sha256Hex', () => {
  it.each(vectors)('hashes %j to the standard digest', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  it('hashes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(sha256Hex('\ud800')).toBe(sha256Hex('\ufffd'));
  });
});
