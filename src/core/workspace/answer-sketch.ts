/**
 * A small sketch of a pair's response for near-duplicate: the K smallest distinct hashes of
 * its case-folded words (a bottom-k sketch). Two prompts that share a long passage are the
 * same request only when their answers are alike too; reading-comprehension pairs over one
 * passage ask different questions and get different answers. Exact for answers of up to K
 * distinct words; an estimate of the word Jaccard similarity above that.
 */
import { scanWords } from '../text/word-hashes';

/**
 * Tasks that ask a question about a passage: one passage can carry many questions, so only
 * their pairs need an answer sketch (near-duplicate compares answers for them alone).
 */
export const PASSAGE_QUESTION_TASKS: ReadonlySet<string> = new Set(['closed_qa', 'extraction']);

/** Hashes a sketch keeps. */
const K = 32;

/** The sketch of a response: up to K smallest distinct word hashes, ascending. */
export function answerSketch(text: string): Int32Array {
  const words = scanWords(text);
  const all = new Int32Array(words.hashes.subarray(0, words.count)).sort();
  const out: number[] = [];
  for (let i = 0; i < all.length && out.length < K; i++)
    if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]);
  return Int32Array.from(out);
}

/**
 * Estimated Jaccard similarity of two sketches' word sets: of the K smallest hashes of the
 * union, the share both sketches hold. Two empty answers are alike.
 */
export function answerSimilarity(a: Int32Array, b: Int32Array): number {
  if (!a.length && !b.length) return 1;
  // Merge the two ascending sketches: the first K distinct hashes are the union's sketch.
  let i = 0;
  let j = 0;
  let seen = 0;
  let both = 0;
  while (seen < K && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) i++;
    else if (i >= a.length || b[j] < a[i]) j++;
    else {
      both++;
      i++;
      j++;
    }
    seen++;
  }
  return both / seen;
}
