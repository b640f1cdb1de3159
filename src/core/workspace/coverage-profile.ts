/**
 * A file's coverage profile: a hash of exactly what coverage counts of its pairs (every
 * coverage key's values, pair by pair). Most edits (a word in a prompt) leave it unchanged,
 * and then workspace coverage cannot have changed: no need to recount 100,000 pairs.
 */
import { COVERAGE_KEYS, valuesOf } from '../coverage';
import type { IndexedPair } from './types';

/** FNV-1a over the coverage values of the pairs, in order (a collision only skips a refresh). */
export function coverageProfile(pairs: readonly IndexedPair[]): number {
  let h = 0x811c9dc5;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // separator
  };
  for (const p of pairs) for (const key of COVERAGE_KEYS) for (const v of valuesOf(p, key)) mix(v);
  return (h >>> 0) + pairs.length * 2 ** 32;
}

/**
 * The profile of `pairs` when that of `before` is `profile`: the same, without hashing every
 * pair again, when each pair is the one before it at its place or has the same coverage
 * values (after an edit in one pair's prompt, the 4,999 others are the index's same objects).
 */
export function coverageProfileAfter(
  before: readonly IndexedPair[],
  profile: number,
  pairs: readonly IndexedPair[],
): number {
  if (before.length !== pairs.length) return coverageProfile(pairs);
  for (let i = 0; i < pairs.length; i++) {
    const a = before[i];
    const b = pairs[i];
    if (a !== b && !COVERAGE_KEYS.every((k) => sameValues(valuesOf(a, k), valuesOf(b, k))))
      return coverageProfile(pairs);
  }
  return profile;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
