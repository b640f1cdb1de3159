/**
 * MinHash signatures of prompts, so near-duplicates are found through LSH buckets instead
 * of comparing every pair with every other (100,000 pairs would be 5 billion comparisons).
 *
 * A prompt is normalised (lowercase, punctuation stripped, whitespace collapsed) and cut
 * into shingles: 3-word shingles for text written with spaces, 3-character shingles for
 * text in scripts written without them (Chinese, Japanese, Thai ...), where a "word" split
 * on spaces would be a whole sentence. The signature keeps, for each of 128 hash
 * permutations, the smallest hash over the shingles; two signatures agree in a slot with
 * probability equal to the Jaccard similarity of the shingle sets.
 */
import { needsSegmenter } from '../text/words';

/** Slots in a signature. */
export const NUM_HASHES = 128;
/** LSH bands x rows per band = 128. 16 x 8 puts the S-curve's midpoint near 0.71, so a pair at 0.85 is a candidate with 99.4% probability while one at 0.5 is with 6%. */
export const BANDS = 16;
export const ROWS = NUM_HASHES / BANDS;
/** Words per shingle (spaced scripts) and characters per shingle (unspaced scripts). */
export const SHINGLE_WORDS = 3;
export const SHINGLE_CHARS = 3;
/** Below these sizes a prompt is too short for "nearly the same" to mean anything. */
export const MIN_WORDS = 6;
export const MIN_CHARS = 10;

// Per-slot permutation constants, fixed so signatures made in workers and in the main
// thread (or in an earlier session) compare equal.
const MUL = new Int32Array(NUM_HASHES);
const ADD = new Int32Array(NUM_HASHES);
{
  let s = 0x9e3779b9;
  const next = (): number => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return (t ^ (t >>> 14)) | 0; };
  for (let i = 0; i < NUM_HASHES; i++) { MUL[i] = next() | 1; ADD[i] = next(); }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Per UTF-16 unit: 0 not yet known, -1 separator, else the lowercased unit + 1. A table
// instead of a Unicode regex per prompt: the regex replace cost more than the hashing.
const FOLD = new Int32Array(65536);
for (let c = 0; c < 128; c++) {
  FOLD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? c + 1 : c >= 0x41 && c <= 0x5a ? c + 33 : -1;
}

function fold(c: number): number {
  let f = FOLD[c];
  if (f === 0) {
    // Surrogates are word characters: astral letters (CJK extension B ...) hash as two units.
    if (c >= 0xd800 && c <= 0xdfff) f = c + 1;
    else {
      const ch = String.fromCharCode(c);
      f = WORD_CHAR.test(ch) ? ch.toLowerCase().charCodeAt(0) + 1 : -1;
    }
    FOLD[c] = f;
  }
  return f;
}

/** FNV-1a hashes of the normalised words of a text. */
function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f > 0) { h = Math.imul(h ^ (f - 1), 0x01000193); inWord = true; }
    else if (inWord) { out.push(h | 0); h = 0x811c9dc5; inWord = false; }
  }
  if (inWord) out.push(h | 0);
  return out;
}

/** The word characters of a text, lowercased, separators dropped (for character shingles). */
function wordChars(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) { const f = fold(text.charCodeAt(i)); if (f > 0) out.push(f - 1); }
  return out;
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** 32-bit hashes of the shingles of a prompt (normalised on the way); undefined when it is too short. */
export function shingleHashes(text: string): Int32Array | undefined {
  if (needsSegmenter(text)) {
    const chars = wordChars(text);
    if (chars.length < MIN_CHARS) return undefined;
    const out = new Int32Array(chars.length - SHINGLE_CHARS + 1);
    for (let i = 0; i < out.length; i++) out[i] = fmix(mix(mix(mix(0x5bd1, chars[i]), chars[i + 1]), chars[i + 2]));
    return out;
  }
  const words = wordHashes(text);
  if (words.length < MIN_WORDS) return undefined;
  const out = new Int32Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < out.length; i++) out[i] = fmix(mix(mix(mix(0x2f1b, words[i]), words[i + 1]), words[i + 2]));
  return out;
}

/**
 * The MinHash signature of a prompt, or undefined when the prompt is too short to compare.
 * Each slot keeps the low 16 bits of its minimum (b-bit MinHash): two different minima agree
 * by chance once in 65,536 slots, which moves an estimate by less than 0.0001, and the index
 * of 100,000 pairs holds 25 MB less.
 */
export function minhash(prompt: string): Uint16Array | undefined {
  const shingles = shingleHashes(prompt);
  if (!shingles) return undefined;
  const sig = new Uint16Array(NUM_HASHES);
  const n = shingles.length;
  // Slot-outer, shingle-inner keeps the slot's constants and running minimum in registers,
  // and signed int32 arithmetic throughout keeps V8 off heap numbers (the minimum under
  // signed order is as good a min-wise hash as under unsigned).
  for (let i = 0; i < NUM_HASHES; i++) {
    const mul = MUL[i];
    const add = ADD[i];
    let min = 0x7fffffff;
    // xor then an odd multiply: a bijection of 32-bit values, so each slot is a permutation
    // of the (already mixed) shingle hashes, as MinHash needs. Measured against known
    // Jaccard values (0.5 to 0.95, 400 trials each) the estimate is unbiased with the
    // textbook spread, sqrt(J(1-J)/128), like a full mixer costing a third more.
    for (let j = 0; j < n; j++) {
      const x = Math.imul(shingles[j] ^ add, mul);
      if (x < min) min = x;
    }
    // A product's low bits depend only on the input's low bits: fold the high half in before
    // keeping 16 bits.
    sig[i] = min ^ (min >>> 16);
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of slots where two signatures agree. */
export function estimatedJaccard(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** The bucket key of each band of a signature (small ints, so Maps keep them unboxed). */
export function bandKeys(sig: Uint16Array): Int32Array {
  const keys = new Int32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = mix(h, sig[b * ROWS + r]);
    // Keep within the 31-bit small-integer range so keys are not heap numbers.
    keys[b] = fmix(h) >> 1;
  }
  return keys;
}
