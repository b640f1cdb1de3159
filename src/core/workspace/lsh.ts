/**
 * LSH buckets over MinHash signatures: pairs whose signatures agree on every row of at
 * least one band share a bucket and become candidates. Adding or removing a pair touches
 * only its own 16 buckets, so re-indexing one file costs that file's pairs.
 *
 * Buckets live in typed arrays, not Maps: 100,000 pairs x 16 bands as Map entries cost
 * ~75 MB, as open-addressing tables with intrusive chains ~25 MB.
 *
 * A bucket can hold thousands of pairs (the same prompt pasted 10,000 times), so the work per
 * pair is capped: a pair is compared with at most MAX_NEAR_CANDIDATES others, and the files
 * near a set of pairs are collected walking each bucket once, not once per pair in it.
 */
import { BANDS, bandKeys, estimatedJaccard } from './minhash';
import type { IndexedPair } from './types';

/** A near-duplicate match of a pair. */
export interface NearMatch {
  pair: IndexedPair;
  similarity: number;
}

/** A pair's near-duplicate matches, most similar first. */
export interface NearMatches {
  matches: NearMatch[];
  /** The pair shares buckets with more than MAX_NEAR_CANDIDATES others: only that many were compared. */
  capped: boolean;
}

/**
 * Most candidates one pair is compared with. Far more than a problem lists (20 related
 * places), and it keeps a bucket of n copies of one prompt at n x 200 comparisons, not n².
 */
export const MAX_NEAR_CANDIDATES = 200;

/**
 * One band's buckets: an open-addressing table (linear probing) from band key to the first
 * pair handle + 1 of its chain. 0 marks a never-used slot, -1 a bucket whose chain emptied
 * (kept until the next rehash so probe sequences stay intact).
 */
class BandTable {
  keys = new Int32Array(16);
  heads = new Int32Array(16);
  private used = 0;

  /** Slot holding `key`, or -1. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const h = this.heads[i];
      if (h === 0) return -1;
      if (this.keys[i] === key) return i;
    }
  }

  /** Slot for `key`, claimed when absent. */
  claim(key: number): number {
    // Up to 80% full: linear probing over int arrays stays fast, and at 100,000 pairs the
    // tables take 16 MB rather than 32.
    if ((this.used + 1) * 5 > this.keys.length * 4) this.rehash();
    const mask = this.keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const h = this.heads[i];
      if (h === 0) {
        this.keys[i] = key;
        this.heads[i] = -1;
        this.used++;
        return i;
      }
      if (this.keys[i] === key) return i;
    }
  }

  private rehash(): void {
    const { keys, heads } = this;
    let live = 0;
    for (let i = 0; i < heads.length; i++) if (heads[i] > 0) live++;
    let cap = 16;
    while (cap < (live + 1) * 2) cap *= 2; // ≤ 50% full after a rehash
    this.keys = new Int32Array(cap);
    this.heads = new Int32Array(cap);
    this.used = 0;
    const mask = cap - 1;
    for (let j = 0; j < heads.length; j++) {
      if (heads[j] <= 0) continue;
      let i = keys[j] & mask;
      while (this.heads[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.heads[i] = heads[j];
      this.used++;
    }
  }
}

/** The LSH table of a workspace index. */
export class LshBuckets {
  private readonly tables = Array.from({ length: BANDS }, () => new BandTable());
  /** Handle → pair; handles are reused through `free`. */
  private readonly pairs: (IndexedPair | undefined)[] = [];
  private readonly free: number[] = [];
  /** next[handle * BANDS + band]: the next handle + 1 in that band's chain, 0 at the end. */
  private next = new Int32Array(16 * BANDS);
  /** How many candidate pairs were verified against their signatures (tests check it stays small). */
  verified = 0;
  /** How many bucket entries removals have walked (tests check it stays linear). */
  removalSteps = 0;

  add(pair: IndexedPair): void {
    if (!pair.signature) return;
    const h = this.free.pop() ?? this.pairs.length;
    this.pairs[h] = pair;
    if ((h + 1) * BANDS > this.next.length) {
      const grown = new Int32Array(Math.ceil((this.next.length * 1.5) / BANDS) * BANDS);
      grown.set(this.next);
      this.next = grown;
    }
    const keys = bandKeys(pair.signature);
    for (let b = 0; b < BANDS; b++) {
      const t = this.tables[b];
      const slot = t.claim(keys[b]);
      this.next[h * BANDS + b] = t.heads[slot] > 0 ? t.heads[slot] : 0;
      t.heads[slot] = h + 1;
    }
  }

  /**
   * Remove pairs (a file's, when it changes or goes), walking each bucket they are in once
   * for all of them: one at a time, each removal walked its bucket to find the pair, and a
   * file of 10,000 identical prompts took 10,000 walks of a 10,000-pair bucket per edit.
   */
  removeAll(pairs: readonly IndexedPair[]): void {
    const gone = new Set<IndexedPair>();
    for (const p of pairs) if (p.signature) gone.add(p);
    if (!gone.size) return;
    // Keys are recomputed (16 short hashes a pair) rather than stored per pair.
    const keys = [...gone].map((p) => bandKeys(p.signature!));
    const handles = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      const t = this.tables[b];
      const slots = new Set<number>();
      for (const k of keys) {
        const slot = t.find(k[b]);
        if (slot >= 0) slots.add(slot);
      }
      for (const slot of slots) {
        let prev = -1;
        for (let cur = t.heads[slot]; cur > 0;) {
          const h = cur - 1;
          const after = this.next[h * BANDS + b];
          const p = this.pairs[h];
          this.removalSteps++;
          if (p && gone.has(p)) {
            handles.add(h);
            if (prev < 0) t.heads[slot] = after > 0 ? after : -1;
            else this.next[prev * BANDS + b] = after;
          } else prev = h;
          cur = after;
        }
      }
    }
    for (const h of handles) {
      this.pairs[h] = undefined;
      this.next.fill(0, h * BANDS, (h + 1) * BANDS);
      this.free.push(h);
    }
  }

  /**
   * Calls `visit` with every pair in a bucket of one of `pairs` (themselves included), each
   * bucket walked once however many of `pairs` share it; `visit` returns false to stop.
   */
  private walkBuckets(pairs: Iterable<IndexedPair>, visit: (p: IndexedPair) => boolean): void {
    const walked = new Set<number>();
    for (const pair of pairs) {
      if (!pair.signature) continue;
      const keys = bandKeys(pair.signature);
      for (let b = 0; b < BANDS; b++) {
        const t = this.tables[b];
        const slot = t.find(keys[b]);
        if (slot < 0) continue;
        const bucket = slot * BANDS + b;
        if (walked.has(bucket)) continue;
        walked.add(bucket);
        for (let cur = t.heads[slot]; cur > 0; cur = this.next[(cur - 1) * BANDS + b]) {
          const p = this.pairs[cur - 1];
          if (p && !visit(p)) return;
        }
      }
    }
  }

  /** Every pair sharing a bucket with one of `pairs`, each bucket walked once (unverified). */
  bucketMates(pairs: Iterable<IndexedPair>): Set<IndexedPair> {
    const out = new Set<IndexedPair>();
    this.walkBuckets(pairs, (p) => {
      out.add(p);
      return true;
    });
    return out;
  }

  /**
   * Candidates whose estimated Jaccard similarity reaches `threshold`, most similar first;
   * at most MAX_NEAR_CANDIDATES candidates are compared.
   */
  matches(pair: IndexedPair, threshold: number): NearMatches {
    const matches: NearMatch[] = [];
    let capped = false;
    if (!pair.signature) return { matches, capped };
    const seen = new Set<IndexedPair>([pair]);
    this.walkBuckets([pair], (other) => {
      if (seen.has(other)) return true;
      if (seen.size > MAX_NEAR_CANDIDATES) {
        capped = true;
        return false;
      }
      seen.add(other);
      this.verified++;
      const similarity = estimatedJaccard(pair.signature!, other.signature!);
      if (similarity >= threshold) matches.push({ pair: other, similarity });
      return true;
    });
    matches.sort(
      (a, b) =>
        b.similarity - a.similarity ||
        // Most matches share a file; localeCompare is slow enough to dominate a full bucket.
        (a.pair.file === b.pair.file ? 0 : a.pair.file.localeCompare(b.pair.file)) ||
        a.pair.index - b.pair.index,
    );
    return { matches, capped };
  }
}
