/**
 * What the index keeps of one parsed file: per pair its id and place, effective
 * annotations, counts and prompt signature; no text. Pure, so it also runs inside the
 * CLI's worker threads.
 */
import type { SftFileModel } from '../parse/parse';
import { SCALAR_DEFAULT_KEYS } from '../annotations';
import { pairViews, type PairView } from '../parse/pair-view';
import { lengthBucket } from '../counts';
import type { Guidelines } from '../guidelines';
import { LineIndex } from '../text/lines';
import { answerSketch, PASSAGE_QUESTION_TASKS } from './answer-sketch';
import { minhash } from './minhash';
import { questionSketch } from './question-sketch';
import type { IndexedFile, IndexedPair } from './types';

/**
 * Index one pair's view; `lines` converts the id offset once, here at the edge.
 * `before`: the file's previous pairs by content hash, whose counts and signature a pair
 * with the same text takes over instead of counting and signing again. `count`: false leaves
 * the counts at 0, `updatable`: false leaves out the content hash (see IndexFileOptions).
 */
function indexView(
  file: string,
  view: PairView,
  guidelines: Guidelines,
  lines: LineIndex,
  before: Map<number, IndexedPair> | undefined,
  count: boolean,
  updatable: boolean,
): IndexedPair {
  const idSpan = view.idRange;
  const pos = lines.positionAt(idSpan.start);
  const same = before?.get(view.contentHash);
  const counts = !count
    ? { promptWords: 0, responseWords: 0, bucket: lengthBucket(0, guidelines.length) }
    : same
      ? {
          promptWords: same.promptWords,
          responseWords: same.responseWords,
          bucket: lengthBucket(same.promptWords, guidelines.length),
        }
      : view.counts(guidelines);
  const out: IndexedPair = {
    file,
    index: view.index,
    id: view.id,
    idSpan,
    line: pos.line,
    character: pos.character,
    traits: [...view.traits],
    promptWords: counts.promptWords,
    bucket: counts.bucket,
    responseWords: counts.responseWords,
  };
  if (updatable) out.contentHash = view.contentHash;
  for (const key of SCALAR_DEFAULT_KEYS) {
    const text = view.annotations[key];
    if (text !== undefined) out[key] = text;
  }
  if (view.declaredLength !== undefined) out.prompt_length = view.declaredLength;
  if (view.promptRange) {
    out.promptSpan = view.promptRange;
    let sig = same?.signature;
    if (!same) {
      const text = view.promptText();
      if (text) sig = minhash(text);
    }
    if (sig) {
      out.signature = sig;
      // Only a passage question's question and answer are ever compared (near-duplicate.ts).
      if (PASSAGE_QUESTION_TASKS.has(out.task ?? '')) {
        out.answer = same?.answer ?? answerSketch(view.responseText() ?? '');
        const question = same ? same.question : questionSketch(view.promptText() ?? '');
        if (question) out.question = question;
      }
    }
  }
  if (view.silenced) out.silenced = [...view.silenced];
  return out;
}

/** How a file is indexed (see {@link indexFile}). */
export interface IndexFileOptions {
  /**
   * The file's last entry, so pairs whose text did not change keep their counts and
   * signatures, after an edit in the editor and after a change on disk alike.
   */
  previous?: IndexedFile;
  /**
   * False for an index that only the workspace rules read (they need ids, places and
   * signatures): words are then not counted, and every pair's counts are 0.
   */
  counts?: boolean;
  /** The text's line index, when the caller has one already. */
  lines?: LineIndex;
  /**
   * False for an entry that is never updated (the CLI's one-shot pass): its pairs carry no
   * content hash, and their text is not hashed.
   */
  updatable?: boolean;
  /**
   * The model `previous` was indexed from, under the same guidelines and options. A pair the
   * new model shares with it (an incremental re-parse keeps every pair it did not parse
   * again, moved) is not read again: its indexed copy is moved to its new place.
   */
  previousModel?: SftFileModel;
}

/** Index a parsed file under the key `file` (a path or URI string, as the caller names files). */
export function indexFile(
  file: string,
  model: SftFileModel,
  guidelines: Guidelines,
  options: IndexFileOptions = {},
): IndexedFile {
  const { previous, previousModel, counts = true, updatable = true } = options;
  const lines = options.lines ?? new LineIndex(model.text);
  // Pairs of the previous model by place: a re-parse of one pair keeps their count and order.
  const shared =
    previous && previousModel?.pairs.length === model.pairs.length
      ? previousModel.pairs
      : undefined;
  let before: Map<number, IndexedPair> | undefined;
  const views = pairViews(model);
  return {
    file,
    pairs: views.map((v, i) => {
      // A pair's memo is made by its parse and shared by the moved copies of it, only.
      const stored = shared?.[i].memo === model.pairs[i].memo ? previous!.pairs[i] : undefined;
      if (stored?.contentHash !== undefined) return moved(stored, v, lines);
      if (!before && previous?.pairs.length) {
        before = new Map();
        for (const p of previous.pairs)
          if (p.contentHash !== undefined) before.set(p.contentHash, p);
      }
      return indexView(file, v, guidelines, lines, before, counts, updatable);
    }),
  };
}

/** An indexed pair at the place of `view`, a moved copy of the same pair's reading. */
function moved(stored: IndexedPair, view: PairView, lines: LineIndex): IndexedPair {
  const pos = lines.positionAt(view.idRange.start);
  const out: IndexedPair = {
    ...stored,
    index: view.index,
    idSpan: view.idRange,
    line: pos.line,
    character: pos.character,
  };
  if (view.promptRange) out.promptSpan = view.promptRange;
  return out;
}
