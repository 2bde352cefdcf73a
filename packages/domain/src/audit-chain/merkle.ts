import { canonicalJson } from './canonical-json';
import { sha256HexOf } from './hash';

/**
 * A Merkle tree in the RFC 6962 style: leaves and inner nodes hash with different prefixes (so a
 * node can never pass for a leaf), and an odd node is promoted unchanged to the next level.
 */
export const merkleLeafHashOf = (leaf: unknown): string =>
  sha256HexOf(`leaf\n${canonicalJson(leaf)}`);

const nodeHashOf = (left: string, right: string): string => sha256HexOf(`node\n${left}\n${right}`);

/** The root over leaf hashes in the given order; the empty tree's root is the hash of "empty". */
export const merkleRootOf = (leafHashes: readonly string[]): string => {
  if (leafHashes.length === 0) return sha256HexOf('empty');
  let level = [...leafHashes];
  while (level.length > 1) {
    const next: string[] = [];
    for (let index = 0; index < level.length; index += 2) {
      const left = level[index] as string;
      const right = level[index + 1];
      next.push(right === undefined ? left : nodeHashOf(left, right));
    }
    level = next;
  }
  return level[0] as string;
};
