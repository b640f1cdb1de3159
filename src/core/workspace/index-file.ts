/**
 * What the index keeps of one parsed file: per pair its id and place, effective
 * annotations, counts and prompt signature; no text. Pure, so it also runs inside the
 * CLI's worker threads.
 */
import { isScalar } from 'yaml';
import { SCALAR_DEFAULT_KEYS } from '../annotations';
import { effectiveField } from '../fields';
import { scalarText, stringList, type PairModel } from '../parse/model';
import type { SftFileModel } from '../parse/parse';
import { lengthBucket, pairCounts } from '../counts';
import { textHash } from '../text/hash';
import type { Guidelines } from '../guidelines';
import { LineIndex } from '../text/lines';
import { minhash } from './minhash';
import type { IndexedFile, IndexedPair } from './types';

/** Rule ids the pair silences with a reason (a silence without one does not apply). */
function silencedRules(pair: PairModel): string[] | undefined {
  const out = pair.silences.filter((s) => s.reason).flatMap((s) => s.rules);
  return out.length ? out : undefined;
}

const HASH = 'contentHash';

/**
 * The hash of the pair's text, memoised on the pair: after an edit only the edited pair is
 * parsed again, so re-indexing the file hashes that one pair, not all of them.
 */
function pairHash(pair: PairModel): number {
  let h = pair.memo.get(HASH) as number | undefined;
  if (h === undefined) { h = textHash(pair.src, pair.slice.start, pair.slice.end); pair.memo.set(HASH, h); }
  return h;
}

/**
 * Index one pair of a parsed file; `lines` converts the id offset once, here at the edge.
 * `before`: the file's previous pairs by content hash, whose counts and signature a pair
 * with the same text takes over instead of counting and signing again. `count`: false leaves
 * the counts at 0 (see indexFile).
 */
export function indexPair(file: string, model: SftFileModel, pair: PairModel, guidelines: Guidelines, lines: LineIndex, before?: Map<number, IndexedPair>, count = true): IndexedPair {
  const idValue = pair.fields.get('id')?.value;
  const idSpan = idValue?.range
    ? { start: pair.base + idValue.range[0], end: pair.base + idValue.range[1] }
    : { start: pair.base + pair.slice.start + pair.indent, end: pair.base + pair.slice.start + pair.indent + 1 };
  const pos = lines.positionAt(idSpan.start);
  const contentHash = pairHash(pair);
  const same = before?.get(contentHash);
  const counts = !count ? { promptWords: 0, responseWords: 0, bucket: lengthBucket(0, guidelines.length) }
    : same ? { promptWords: same.promptWords, responseWords: same.responseWords, bucket: lengthBucket(same.promptWords, guidelines.length) }
    : pairCounts(pair, guidelines);
  const out: IndexedPair = {
    file, index: pair.index, id: pair.id, idSpan, line: pos.line, character: pos.character,
    traits: stringList(effectiveField(model, pair, 'traits')?.value) ?? [],
    promptWords: counts.promptWords, bucket: counts.bucket, responseWords: counts.responseWords, contentHash,
  };
  for (const key of SCALAR_DEFAULT_KEYS) {
    const text = scalarText(effectiveField(model, pair, key)?.value);
    if (text !== undefined) out[key] = text;
  }
  const declared = scalarText(pair.fields.get('prompt_length')?.value);
  if (declared !== undefined) out.prompt_length = declared;
  const prompt = pair.fields.get('prompt')?.value;
  if (isScalar(prompt) && prompt.range) {
    out.promptSpan = { start: pair.base + prompt.range[0], end: pair.base + prompt.range[1] };
    let sig = same?.signature;
    if (!same) {
      const text = scalarText(prompt);
      if (text) sig = minhash(text);
    }
    if (sig) out.signature = sig;
  }
  const silenced = silencedRules(pair);
  if (silenced) out.silenced = silenced;
  return out;
}

/**
 * Index a parsed file under the key `file` (a path or URI string, as the caller names files).
 * `previous`: the file's last entry, so pairs whose text did not change keep their counts
 * and signatures, after an edit in the editor and after a change on disk alike. `counts`:
 * false for an index that only the workspace rules read (they need ids, places and
 * signatures): words are then not counted, and every pair's counts are 0. `range`: index
 * only the pairs [from, to) (one part of a file indexed on several threads).
 */
export function indexFile(file: string, model: SftFileModel, guidelines: Guidelines, previous?: IndexedFile, counts = true, range?: { from: number; to: number }): IndexedFile {
  const lines = new LineIndex(model.text);
  let before: Map<number, IndexedPair> | undefined;
  if (previous?.pairs.length) {
    before = new Map();
    for (const p of previous.pairs) before.set(p.contentHash, p);
  }
  const pairs = range ? model.pairs.slice(range.from, range.to) : model.pairs;
  return { file, pairs: pairs.map((p) => indexPair(file, model, p, guidelines, lines, before, counts)) };
}
