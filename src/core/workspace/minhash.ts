/**
 * MinHash signatures of prompts, so near-duplicates are found through LSH buckets instead
 * of comparing every pair with every other (100,000 pairs would be 5 billion comparisons).
 *
 * A prompt is normalised (lowercase, punctuation stripped, whitespace collapsed) and cut
 * into shingles: 3-word shingles for text written with spaces, 3-character shingles for
 * text in scripts written without them (Chinese, Japanese, Thai ...), where a "word" split
 * on spaces would be a whole sentence. The signature has 128 slots; two signatures agree in
 * a slot with probability equal to the Jaccard similarity of the shingle sets.
 */

/** Slots in a signature. */
export const NUM_HASHES = 128;
/** LSH bands x rows per band = 128. 16 x 8 puts the S-curve's midpoint near 0.71, so a pair at 0.85 is a candidate with 99.4% probability while one at 0.5 is with 6%. */
export const BANDS = 16;
export const ROWS = NUM_HASHES / BANDS;
/** Below these sizes a prompt is too short for "nearly the same" to mean anything. */
export const MIN_WORDS = 6;
export const MIN_CHARS = 10;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Per UTF-16 unit: 0 not yet known, -1 separator, else the lowercased unit + 1. A table
// instead of a Unicode regex per prompt: the regex replace cost more than the hashing.
const FOLD = new Int32Array(65536);
for (let c = 0; c < 128; c++) {
  FOLD[c] =
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)
      ? c + 1
      : c >= 0x41 && c <= 0x5a
        ? c + 33
        : -1;
}

/**
 * The folded value of a UTF-16 unit (see FOLD), plus {@link SEGMENTED} for a unit of a
 * script written without spaces (and for a high surrogate of astral Han, D840-D87F).
 */
function fold(c: number): number {
  let f = FOLD[c];
  if (f === 0) {
    // Surrogates are word characters: astral letters (CJK extension B ...) hash as two units.
    if (c >= 0xd800 && c <= 0xdfff) f = c + 1;
    else {
      const ch = String.fromCharCode(c);
      f = WORD_CHAR.test(ch) ? ch.toLowerCase().charCodeAt(0) + 1 : -1;
    }
    if (SEGMENTED_RANGES.some(([a, b]) => c >= a && c <= b) || (c >= 0xd840 && c <= 0xd87f))
      f = (f < 0 ? 0 : f) + SEGMENTED;
    FOLD[c] = f;
  }
  return f;
}

/** A segmenter-script unit ({@link needsSegmenter}'s ranges) in the folded value's top bit. */
const SEGMENTED = 1 << 30;
// BMP ranges of the scripts written without spaces, as needsSegmenter reads them.
const SEGMENTED_RANGES = [
  [0x0e00, 0x0fff],
  [0x1000, 0x109f],
  [0x1780, 0x17ff],
  [0x19e0, 0x19ff],
  [0x3040, 0x30ff],
  [0x3100, 0x312f],
  [0x31a0, 0x31ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff66, 0xff9f],
] as const;

/**
 * FNV-1a hashes of the normalised words of a text, or undefined when the text holds a
 * character of a script written without spaces (the caller then shingles characters). One
 * pass: the check rides on the same table lookup as the folding.
 */
function wordHashes(text: string): number[] | undefined {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    // The table read inline (fold() only for a unit not seen yet): this loop reads every
    // character of every prompt.
    const c = text.charCodeAt(i);
    let f = FOLD[c];
    if (f === 0) f = fold(c);
    if (f >= SEGMENTED) {
      // Astral Han (CJK extension B and on) is a high surrogate D840-D87F before a low one.
      if (c < 0xd800 || c > 0xdfff || (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)
        return undefined;
      f -= SEGMENTED;
    }
    if (f > 0) {
      h = Math.imul(h ^ (f - 1), 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h | 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) out.push(h | 0);
  return out;
}

/** The word characters of a text, lowercased, separators dropped (for character shingles). */
function wordChars(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = fold(text.charCodeAt(i)) & ~SEGMENTED;
    if (f > 0) out.push(f - 1);
  }
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
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** 32-bit hashes of the shingles of a prompt (normalised on the way); undefined when it is too short. */
export function shingleHashes(text: string): Int32Array | undefined {
  const words = wordHashes(text);
  if (!words) {
    const chars = wordChars(text);
    return chars.length < MIN_CHARS ? undefined : shingles(chars, 0x5bd1);
  }
  return words.length < MIN_WORDS ? undefined : shingles(words, 0x2f1b);
}

/**
 * The hash of each shingle, a run of three values (words, or characters of unspaced
 * scripts): `fmix(mix(mix(mix(seed, v[i]), v[i + 1]), v[i + 2]))`, with
 * each value's own half of `mix` worked out once rather than once per shingle it is in, and
 * the steps written out: this runs for every word of every prompt.
 */
function shingles(values: readonly number[], seed: number): Int32Array {
  const n = values.length;
  const k = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.imul(values[i], 0xcc9e2d51);
    x = (x << 15) | (x >>> 17);
    k[i] = Math.imul(x, 0x1b873593);
  }
  const out = new Int32Array(n - 2);
  for (let i = 0; i < out.length; i++) {
    let h = seed ^ k[i];
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    h ^= k[i + 1];
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    h ^= k[i + 2];
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    out[i] = h ^ (h >>> 16);
  }
  return out;
}

// Optimal densification: an empty bin takes the value of the first filled bin along its own
// fixed probe sequence (the same for every prompt, so signatures stay comparable).
function probe(bin: number, attempt: number): number {
  return fmix(mix(0x3c6ef372 ^ bin, attempt)) & (NUM_HASHES - 1);
}

/**
 * The MinHash signature of a prompt, or undefined when the prompt is too short to compare.
 *
 * One permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle
 * hash falls in one of the 128 bins by its top 7 bits and a bin keeps its smallest value; a
 * bin no shingle fell in borrows a filled bin's value along a probe sequence fixed per bin.
 * Two signatures agree in a bin with probability equal to the Jaccard similarity of the
 * shingle sets, as with 128 separate permutations, for one hash per shingle instead of 128.
 * Each bin keeps 16 bits of its minimum (b-bit MinHash): two different minima agree by
 * chance once in 65,536 bins, which moves an estimate by less than 0.0001.
 */
export function minhash(prompt: string): Uint16Array | undefined {
  const shingles = shingleHashes(prompt);
  if (!shingles) return undefined;
  const mins = new Int32Array(NUM_HASHES).fill(-1);
  for (let j = 0; j < shingles.length; j++) {
    // The shingle hashes are already mixed: the top bits pick the bin, the low 25 its rank.
    const h = shingles[j];
    const bin = h >>> 25;
    const v = h & 0x1ffffff;
    const m = mins[bin];
    if (m < 0 || v < m) mins[bin] = v;
  }
  const sig = new Uint16Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) {
    let v = mins[i];
    for (let attempt = 1; v < 0 && attempt <= 4 * NUM_HASHES; attempt++)
      v = mins[probe(i, attempt)];
    // A probe sequence that kept missing (vanishingly rare; at least one bin is filled): the next filled bin.
    for (let k = 1; v < 0; k++) v = mins[(i + k) & (NUM_HASHES - 1)];
    sig[i] = v ^ (v >>> 16);
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
