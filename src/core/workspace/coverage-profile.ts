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
