/**
 * The workspace index: every file's IndexedFile, plus an id → pairs map and LSH buckets
 * kept up to date per file, so replacing one file costs that file's pairs, not the world.
 * Workspace rules (duplicate-id, near-duplicate) read it through look-ups.
 */
import type { SftFileModel } from '../parse/parse';
import type { Guidelines } from '../guidelines';
import type { Problem } from '../types';
import { indexFile } from './index-file';
import { modelLines } from '../parse/model-lines';
import { LshBuckets, type NearMatches } from './lsh';
import { duplicateIdProblems } from './duplicate-id';
import { nearDuplicateProblems } from './near-duplicate';
import type { WorkspaceView } from './rule-context';
import type { IndexedFile, IndexedPair } from './types';
import { byPlace } from '../problem-order';

export { indexFile } from './index-file';
export type { IndexedFile, IndexedPair } from './types';

/**
 * What changed in the index, for UIs that refresh.
 * @usedBy tests
 */
export interface WorkspaceIndexChange {
  /** The index version after the change. */
  version: number;
  /** Files set or deleted. */
  files: string[];
  /** Files whose workspace problems may have changed: the files above and those sharing an id or an LSH bucket with their old or new pairs. */
  affected: string[];
}

/** A listener registration; dispose to stop listening. */
export interface IndexSubscription {
  dispose(): void;
}

const NO_PAIRS: readonly IndexedPair[] = [];
// The answers of most pairs: shared, so the near matches kept per pair cost a map entry.
const NONE: NearMatches = Object.freeze({ matches: Object.freeze([]) as never, capped: false });
const CAPPED_NONE: NearMatches = Object.freeze({
  matches: Object.freeze([]) as never,
  capped: true,
});
const NO_TRAITS: string[] = [];

/** The index of every `.sft.yaml` file of a workspace. */
export class WorkspaceIndex implements WorkspaceView {
  private readonly entries = new Map<string, IndexedFile>();
  // Most ids name one pair; keep it bare to save an array per pair.
  private readonly byId = new Map<string, IndexedPair | IndexedPair[]>();
  private readonly lsh = new LshBuckets();
  private readonly listeners = new Set<(change: WorkspaceIndexChange) => void>();
  // Annotation values repeat across 100,000 pairs ("closed_qa", "en" ...) but arrive as
  // separate strings from each parse or worker message; sharing one copy saves ~0.3 KB a pair.
  private readonly strings = new Map<string, string>();
  private pairCount = 0;
  private _version = 0;
  /**
   * Near matches already found, per pair, at `nearThreshold`: a pair's matches change only
   * when a pair enters or leaves one of its buckets, so after an edit of one pair the file's
   * other 4,999 are not looked up again. Shared empty answers keep it small.
   */
  private readonly nearFound = new Map<IndexedPair, NearMatches>();
  private nearThreshold = NaN;

  /**
   * @param displayName how messages name a file: the index keys files by whatever the host
   *   uses (a URI in the editor, a path in the CLI), and a message should read as a path.
   */
  constructor(private readonly displayName: (file: string) => string = (file) => file) {}

  /** Bumped on every change, so callers can tell a stale read from a fresh one. */
  get version(): number {
    return this._version;
  }

  /** Number of indexed pairs. */
  get size(): number {
    return this.pairCount;
  }

  /** How many candidate pairs near-duplicate has verified so far (stays far below all pairs squared). */
  get verifiedCandidates(): number {
    return this.lsh.verified;
  }

  /** How many bucket entries removing pairs has walked so far (stays linear in the pairs removed). */
  get removalSteps(): number {
    return this.lsh.removalSteps;
  }

  /**
   * Index (or re-index) a parsed file. `previousModel`: the model the file was last indexed
   * from, when that was under the same guidelines: the pairs the new model shares with it
   * (after an edit of one pair, all the others) are moved, not read again.
   */
  setFile(
    file: string,
    model: SftFileModel,
    guidelines: Guidelines,
    previousModel?: SftFileModel,
  ): void {
    this.setEntry(
      indexFile(file, model, guidelines, {
        previous: this.entries.get(file),
        previousModel,
        lines: modelLines(model),
      }),
    );
  }

  /**
   * Put an already indexed file (e.g. from a worker thread), replacing the file's old entry.
   * The index keeps compact copies of the pairs: read them back with `entry()` or `pairs()`.
   * A pair that is as it was but for its place (an edit elsewhere in the file moved it) keeps
   * its stored copy, moved in place: only the pairs that changed leave and enter the id map
   * and the LSH buckets, so an edit of one pair in a file of 5,000 costs one pair.
   */
  setEntry(entry: IndexedFile): void {
    const old = this.entries.get(entry.file)?.pairs ?? NO_PAIRS;
    const fresh = entry.pairs;
    // The stored pair each fresh one is, when it is one but for its place. Most pairs are
    // where they were (an edit moves them, it does not reorder them): those are matched
    // first, the rest among the old pairs left, by content hash. A pair without a content
    // hash (an entry never meant to be updated) is never kept.
    const same: (IndexedPair | undefined)[] = fresh.map((p, i) => {
      const there = old[i];
      return p.contentHash !== undefined &&
        there?.contentHash === p.contentHash &&
        sameButPlace(there, p)
        ? there
        : undefined;
    });
    const kept = new Set<IndexedPair>();
    for (const q of same) if (q) kept.add(q);
    if (kept.size < old.length && kept.size < fresh.length) {
      const byHash = pairsByHash(old.filter((q) => !kept.has(q)));
      fresh.forEach((p, i) => {
        if (same[i] || p.contentHash === undefined) return;
        const q = byHash.get(p.contentHash)?.find((c) => !kept.has(c) && sameButPlace(c, p));
        if (q) kept.add((same[i] = q));
      });
    }
    // Matches are listed in place order: kept pairs that change order make them stale.
    let lastIndex = -1;
    let reordered = false;
    const pairs = fresh.map((p, i) => {
      const q = same[i];
      if (!q) return this.compact(p, entry.file);
      if (q.index < lastIndex) reordered = true;
      lastIndex = q.index;
      moveTo(q, p);
      return q;
    });
    if (reordered) this.nearFound.clear();
    const removed = kept.size === old.length ? NO_PAIRS : old.filter((p) => !kept.has(p));
    const added = kept.size === pairs.length ? NO_PAIRS : pairs.filter((p) => !kept.has(p));
    const before = this.touch(removed);
    this.removePairs(removed);
    this.entries.set(entry.file, { file: entry.file, pairs });
    for (const p of added) this.addPair(p);
    this.pairCount += added.length;
    this.changed([entry.file], before, this.touch(added));
  }

  /** Drop a file (deleted, or no longer an `.sft.yaml` file). */
  deleteFile(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    const before = this.touch(old.pairs);
    this.removePairs(old.pairs);
    this.entries.delete(file);
    this.changed([file], before, undefined);
  }

  /** Indexed file keys, in insertion order. */
  files(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The entry of one file. */
  entry(file: string): IndexedFile | undefined {
    return this.entries.get(file);
  }

  /** Every indexed pair, file by file. */
  *pairs(): IterableIterator<IndexedPair> {
    for (const e of this.entries.values()) yield* e.pairs;
  }

  /** Every indexed pair with this id. */
  pairsWithId(id: string): readonly IndexedPair[] {
    const slot = this.byId.get(id);
    return slot === undefined ? NO_PAIRS : Array.isArray(slot) ? slot : [slot];
  }

  /** Other pairs whose prompts reach `threshold` estimated similarity with this pair's. */
  nearMatches(pair: IndexedPair, threshold: number): NearMatches {
    if (threshold !== this.nearThreshold) {
      this.nearFound.clear();
      this.nearThreshold = threshold;
    }
    let near = this.nearFound.get(pair);
    if (!near) {
      near = this.lsh.matches(pair, threshold);
      if (!near.matches.length) near = near.capped ? CAPPED_NONE : NONE;
      this.nearFound.set(pair, near);
    }
    return near;
  }

  /** duplicate-id and near-duplicate problems of one file, document offsets, by position. */
  problemsFor(file: string, guidelinesFor: (file: string) => Guidelines): Problem[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    const ctx = {
      view: this,
      pairs: entry.pairs,
      guidelines: guidelinesFor(file),
      displayName: this.displayName,
    };
    const out = [...duplicateIdProblems(ctx), ...nearDuplicateProblems(ctx)];
    return out.sort(byPlace);
  }

  /** Be told about every change; returns a subscription to dispose. */
  onDidChange(listener: (change: WorkspaceIndexChange) => void): IndexSubscription {
    this.listeners.add(listener);
    return {
      dispose: () => {
        this.listeners.delete(listener);
      },
    };
  }

  /**
   * The pair rebuilt with one fixed shape and shared strings. Pairs that arrive from a worker
   * message come out of deserialisation as slow dictionary objects of ~2 KB; one literal
   * shape for every pair keeps them at a fraction of that.
   */
  private compact(p: IndexedPair, file: string): IndexedPair {
    const s = (v: string | undefined): string | undefined => {
      if (v === undefined || v.length > 64) return v;
      const known = this.strings.get(v);
      if (known !== undefined) return known;
      if (this.strings.size < 10_000) this.strings.set(v, v);
      return v;
    };
    return {
      file,
      index: p.index,
      id: p.id,
      idSpan: { start: p.idSpan.start, end: p.idSpan.end },
      line: p.line,
      character: p.character,
      task: s(p.task),
      prompt_type: s(p.prompt_type),
      response_type: s(p.response_type),
      domain: s(p.domain),
      language: s(p.language),
      traits: p.traits.length ? p.traits.map((t) => s(t)!) : NO_TRAITS,
      status: s(p.status),
      author: s(p.author),
      reviewer: s(p.reviewer),
      prompt_length: s(p.prompt_length),
      promptWords: p.promptWords,
      bucket: p.bucket,
      responseWords: p.responseWords,
      signature: p.signature,
      answer: p.answer,
      question: p.question,
      promptSpan: p.promptSpan && { start: p.promptSpan.start, end: p.promptSpan.end },
      silenced: p.silenced,
      contentHash: p.contentHash,
    };
  }

  private addPair(p: IndexedPair): void {
    if (p.id !== undefined) {
      const slot = this.byId.get(p.id);
      if (slot === undefined) this.byId.set(p.id, p);
      else if (Array.isArray(slot)) slot.push(p);
      else this.byId.set(p.id, [slot, p]);
    }
    this.lsh.add(p);
  }

  private removePairs(pairs: readonly IndexedPair[]): void {
    if (!pairs.length) return;
    this.lsh.removeAll(pairs);
    for (const p of pairs) {
      if (p.id === undefined) continue;
      const slot = this.byId.get(p.id);
      if (slot === p) this.byId.delete(p.id);
      else if (Array.isArray(slot)) {
        const rest = slot.filter((q) => q !== p);
        if (rest.length === 1) this.byId.set(p.id, rest[0]);
        else this.byId.set(p.id, rest);
      }
    }
    this.pairCount -= pairs.length;
  }

  /**
   * Pairs that leave (before they do) or enter (after they have) the index: the pairs sharing
   * a bucket with them have their near matches found again, and when someone listens, the
   * files holding a pair that shares an id or a bucket with them are returned.
   */
  private touch(pairs: readonly IndexedPair[]): Set<string> | undefined {
    const listening = this.listeners.size > 0;
    if (!pairs.length || (!listening && !this.nearFound.size)) return undefined;
    const mates = this.lsh.bucketMates(pairs);
    if (this.nearFound.size) {
      for (const p of pairs) this.nearFound.delete(p);
      for (const q of mates) this.nearFound.delete(q);
    }
    if (!listening) return undefined;
    const out = new Set<string>();
    for (const p of pairs) {
      if (p.id !== undefined) for (const q of this.pairsWithId(p.id)) out.add(q.file);
    }
    for (const q of mates) out.add(q.file);
    return out;
  }

  private changed(
    files: string[],
    before: Set<string> | undefined,
    after: Set<string> | undefined,
  ): void {
    this._version++;
    if (!this.listeners.size) return;
    const affected = new Set<string>([...files, ...(before ?? []), ...(after ?? [])]);
    const change: WorkspaceIndexChange = { version: this._version, files, affected: [...affected] };
    for (const l of [...this.listeners]) l(change);
  }
}

/**
 * The fields that say what a pair is, as opposed to where it is (index, idSpan, line,
 * character, promptSpan). A record, so that a field added to IndexedPair must be placed here.
 */
const WHAT: Record<
  Exclude<keyof IndexedPair, 'index' | 'idSpan' | 'line' | 'character' | 'promptSpan'>,
  true
> = {
  file: true,
  id: true,
  task: true,
  prompt_type: true,
  response_type: true,
  domain: true,
  language: true,
  traits: true,
  status: true,
  author: true,
  reviewer: true,
  prompt_length: true,
  promptWords: true,
  bucket: true,
  responseWords: true,
  signature: true,
  answer: true,
  question: true,
  silenced: true,
  contentHash: true,
};
const WHAT_KEYS = Object.keys(WHAT) as (keyof typeof WHAT)[];

/** Whether `stored` is `fresh` in all but its place (so its id and buckets stay as they are). */
function sameButPlace(stored: IndexedPair, fresh: IndexedPair): boolean {
  for (const k of WHAT_KEYS) {
    const a = stored[k];
    const b = fresh[k];
    if (a === b) continue;
    if (
      !(ArrayBuffer.isView(a) || Array.isArray(a)) ||
      !(ArrayBuffer.isView(b) || Array.isArray(b))
    )
      return false;
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** A file's pairs by content hash (pairs without one left out: they are never kept). */
function pairsByHash(pairs: readonly IndexedPair[]): Map<number, IndexedPair[]> {
  const out = new Map<number, IndexedPair[]>();
  for (const p of pairs) {
    if (p.contentHash === undefined) continue;
    const same = out.get(p.contentHash);
    if (same) same.push(p);
    else out.set(p.contentHash, [p]);
  }
  return out;
}

/** Move a stored pair to where the fresh reading of it is. */
function moveTo(stored: IndexedPair, fresh: IndexedPair): void {
  stored.index = fresh.index;
  stored.idSpan = { start: fresh.idSpan.start, end: fresh.idSpan.end };
  stored.line = fresh.line;
  stored.character = fresh.character;
  stored.promptSpan = fresh.promptSpan && {
    start: fresh.promptSpan.start,
    end: fresh.promptSpan.end,
  };
}
