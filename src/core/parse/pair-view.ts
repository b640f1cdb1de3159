/**
 * The pair view: what editor features and the index read of a pair, in document offsets,
 * built once per parse. Outline, CodeLens, hover and the index (and the coming sidebar and
 * pair editor) read pairs through it, never through the parse model's nodes, slices and
 * bases, so none of them adds `pair.base` by hand.
 *
 * The offset-free part of a view is kept in the pair's memo, which the copies an
 * incremental re-parse makes of unchanged pairs share: after an edit only the edited pair is
 * summarised again; the others only move.
 */
import { isScalar, isSeq, type Node } from 'yaml';
import { SCALAR_DEFAULT_KEYS } from '../annotations';
import { pairCounts, pairTokens, type PairCounts } from '../counts';
import { effectiveField } from '../fields';
import type { Guidelines } from '../guidelines';
import type { TokenCounter } from '../services';
import { textHash } from '../text/hash';
import type { TokenizerName } from '../text/tokens';
import type { Span } from '../types';
import { scalarText, stringList, type Field, type PairModel } from './model';
import { findPair, type SftFileModel } from './parse';

/** Annotations a view carries (the field table's one-value keys that defaults may set): own value, else the file's default. */
type ViewAnnotation = (typeof SCALAR_DEFAULT_KEYS)[number];

/** A scalar of a field's value (the value itself, or one item of a list) and where it is. */
export interface ValueItem {
  text: string;
  range: Span;
}

/** One `key: value` entry, document offsets. */
export interface FieldView {
  key: string;
  keyRange: Span;
  /** The value's range; absent when the entry has no value. */
  valueRange?: Span;
  /** From the key to the end of the value. */
  entryRange: Span;
  /** The value's scalars: the value when it is one, else each scalar item of a list. */
  items: readonly ValueItem[];
}

/** One pair, document offsets. */
export interface PairView {
  index: number;
  id?: string;
  /** How the pair is named in outline, CodeLens and pickers: its id, else its place. */
  name: string;
  /** From the start of its `-` line to the end of its last non-blank line. */
  range: Span;
  /** Offset of the `-`. */
  dash: number;
  /** The id value, else the `-`. */
  idRange: Span;
  /** Effective annotations: own value, else the file's default. */
  annotations: Readonly<Partial<Record<ViewAnnotation, string>>>;
  /** Effective traits. */
  traits: readonly string[];
  /** The pair's own declared `prompt_length`. */
  declaredLength?: string;
  /** The prompt's first line, shortened: a title for lists. */
  preview: string;
  /** The prompt value, when it is text. */
  promptRange?: Span;
  /** Every entry, in order (repeats included); summarised on first read. */
  readonly fields: readonly FieldView[];
  /** Rules the pair silences with a reason. */
  silenced?: readonly string[];
  /** Hash of the pair's text: unchanged text, unchanged summary. */
  contentHash: number;
  /** The prompt's text. */
  promptText(): string | undefined;
  /** Words and length bucket under the guidelines' thresholds (memoised). */
  counts(g: Pick<Guidelines, 'length'>): PairCounts;
  /** Tokens of prompt and response (memoised; tokenizes, so call on demand). */
  tokens(counter: TokenCounter, tokenizer: TokenizerName): { prompt: number; response: number };
}

/** Characters of the prompt a preview keeps. */
const PREVIEW_CHARS = 60;
const VIEW = 'view';
const views = new WeakMap<SftFileModel, readonly PairView[]>();

/** Every pair of the file as a view (built once per model). */
export function pairViews(model: SftFileModel): readonly PairView[] {
  let out = views.get(model);
  if (!out) {
    out = model.pairs.map((p) => moved(localView(model, p), p.base));
    views.set(model, out);
  }
  return out;
}

/** The view of the pair whose text holds the offset (after the last pair: the last pair). */
export function pairViewAt(model: SftFileModel, offset: number): PairView | undefined {
  const all = pairViews(model);
  const pair = findPair(model.pairs, offset);
  if (pair) return all[pair.index];
  const last = all[all.length - 1];
  return last && offset >= last.range.start ? last : undefined;
}

/** The entries of the file's `defaults`, document offsets. */
export function defaultFieldViews(model: SftFileModel): FieldView[] {
  return [...model.defaults.values()].map(fieldView);
}

/** Document offsets of a pair: from the start of its `-` line to the end of its last non-blank line. */
export function pairRange(pair: PairModel): Span & { dash: number } {
  const start = pair.base + pair.slice.start;
  let end = pair.slice.end;
  while (end > pair.slice.start && /[ \t\r\n]/.test(pair.src[end - 1])) end--;
  return { start, dash: start + pair.indent, end: pair.base + end };
}

/** The view in node offsets (document offsets when `base` is 0), memoised on the pair. */
function localView(model: SftFileModel, pair: PairModel): PairView {
  const memo = pair.memo.get(VIEW) as PairView | undefined;
  if (memo) return memo;
  const effective = (key: string): Field | undefined => effectiveField(model, pair, key);
  const { start, dash, end } = pairRange({ ...pair, base: 0 });
  const idValue = pair.fields.get('id')?.value;
  const annotations: Partial<Record<ViewAnnotation, string>> = {};
  for (const key of SCALAR_DEFAULT_KEYS) {
    const text = scalarText(effective(key)?.value);
    if (text !== undefined) annotations[key] = text;
  }
  const prompt = pair.fields.get('prompt')?.value;
  const promptText = scalarText(prompt);
  const silenced = pair.silences.filter((s) => s.reason).flatMap((s) => s.rules);
  // Entries are summarised when a feature asks (the index does not).
  const fields = lazy(() => pair.entries.map(fieldView));
  const view: PairView = {
    index: pair.index,
    id: pair.id,
    name: pair.id ?? `(pair ${pair.index + 1}, no id)`,
    range: { start, end },
    dash,
    idRange: idValue?.range
      ? { start: idValue.range[0], end: idValue.range[1] }
      : { start: dash, end: dash + 1 },
    annotations,
    traits: stringList(effective('traits')?.value) ?? [],
    declaredLength: scalarText(pair.fields.get('prompt_length')?.value),
    preview: preview(promptText ?? ''),
    promptRange:
      isScalar(prompt) && prompt.range
        ? { start: prompt.range[0], end: prompt.range[1] }
        : undefined,
    get fields() {
      return fields();
    },
    silenced: silenced.length ? silenced : undefined,
    contentHash: textHash(pair.src, pair.slice.start, pair.slice.end),
    promptText: () => promptText,
    counts: (g) => pairCounts(pair, g),
    tokens: (counter, tokenizer) => pairTokens(pair, counter, tokenizer),
  };
  pair.memo.set(VIEW, view);
  return view;
}

/** The prompt's first non-blank line, at most PREVIEW_CHARS characters. */
function preview(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const t = line.trim().replace(/\s+/g, ' ');
  return t.length > PREVIEW_CHARS ? `${t.slice(0, PREVIEW_CHARS - 1)}…` : t;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const spanOf = (range: readonly number[]): Span => ({ start: range[0], end: range[1] });

/** An entry in its nodes' offsets. */
function fieldView(f: Field): FieldView {
  return {
    key: f.key,
    keyRange: spanOf(f.keyNode.range!),
    valueRange: f.value?.range ? spanOf(f.value.range) : undefined,
    entryRange: { start: f.span.start, end: f.span.end },
    items: valueItems(f.value),
  };
}

function valueItems(node: Node | null): ValueItem[] {
  const one = (n: Node | null): ValueItem[] => {
    const text = scalarText(n);
    return text !== undefined && n?.range ? [{ text, range: spanOf(n.range) }] : [];
  };
  if (isSeq(node)) return (node.items as (Node | null)[]).flatMap(one);
  return one(node);
}

const shift = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

/** A view moved by `delta` (a pair whose base is not 0). */
function moved(v: PairView, delta: number): PairView {
  if (!delta) return v;
  const fields = lazy(() =>
    v.fields.map((f) => ({
      key: f.key,
      keyRange: shift(f.keyRange, delta),
      valueRange: f.valueRange && shift(f.valueRange, delta),
      entryRange: shift(f.entryRange, delta),
      items: f.items.map((i) => ({ text: i.text, range: shift(i.range, delta) })),
    })),
  );
  return {
    index: v.index,
    id: v.id,
    name: v.name,
    annotations: v.annotations,
    traits: v.traits,
    declaredLength: v.declaredLength,
    preview: v.preview,
    silenced: v.silenced,
    contentHash: v.contentHash,
    promptText: v.promptText,
    counts: v.counts,
    tokens: v.tokens,
    range: shift(v.range, delta),
    dash: v.dash + delta,
    idRange: shift(v.idRange, delta),
    promptRange: v.promptRange && shift(v.promptRange, delta),
    get fields() {
      return fields();
    },
  };
}
