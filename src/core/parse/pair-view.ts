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
  /** The prompt's first line, shortened: a title for lists (made on first read). */
  readonly preview: string;
  /** The prompt value, when it is text. */
  promptRange?: Span;
  /** Every entry, in order (repeats included); summarised on first read. */
  readonly fields: readonly FieldView[];
  /** Rules the pair silences with a reason. */
  silenced?: readonly string[];
  /** Hash of the pair's text: unchanged text, unchanged summary (hashed on first read). */
  readonly contentHash: number;
  /** The prompt's text. */
  promptText(): string | undefined;
  /** The response's text, when it is text. */
  responseText(): string | undefined;
  /** Words and length bucket under the guidelines' thresholds (memoised). */
  counts(g: Pick<Guidelines, 'length'>): PairCounts;
  /** Tokens of prompt and response (memoised; tokenizes, so call on demand). */
  tokens(counter: TokenCounter, tokenizer: TokenizerName): { prompt: number; response: number };
}

/** Characters of the prompt a preview keeps. */
const PREVIEW_CHARS = 60;
const SUMMARY = 'view';
/**
 * Where a model keeps its views: a non-enumerable property, so the copies an incremental
 * update makes with `{ ...model }` start without the old views. Not a WeakMap: on a lint of
 * a 6 MB workspace, a module WeakMap of every model's views cost 10% more CPU in garbage
 * collection (its entries are ephemerons, which V8 marks in extra passes).
 */
const VIEWS = Symbol('pair views');
const SOME_VIEWS = Symbol('some pair views');
type WithViews = SftFileModel & { [VIEWS]?: readonly PairView[]; [SOME_VIEWS]?: View[] };

/** Every pair of the file as a view (built once per model). */
export function pairViews(model: SftFileModel): readonly PairView[] {
  const m = model as WithViews;
  const cached = m[VIEWS];
  if (cached) return cached;
  const some = m[SOME_VIEWS];
  const out = model.pairs.map((p, i) => some?.[i] ?? new View(p, summary(model, p)));
  Object.defineProperty(model, VIEWS, { value: out });
  return out;
}

/**
 * One pair's view: the same object {@link pairViews} gives, without building the other
 * pairs' views (an editor that re-renders one pair of 5,000 after a keystroke).
 */
export function pairView(model: SftFileModel, pair: PairModel): PairView {
  const m = model as WithViews;
  const all = m[VIEWS];
  if (all) return all[pair.index];
  let some = m[SOME_VIEWS];
  if (!some) {
    some = [];
    Object.defineProperty(model, SOME_VIEWS, { value: some });
  }
  return (some[pair.index] ??= new View(pair, summary(model, pair)));
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
  return [...model.defaults.values()].map((f) => fieldView(f, 0));
}

/** Document offsets of a pair: from the start of its `-` line to the end of its last non-blank line. */
export function pairRange(pair: PairModel): Span & { dash: number } {
  return localRange(pair, pair.base);
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function localRange(pair: PairModel, base: number): Span & { dash: number } {
  const { src, slice } = pair;
  let end = slice.end;
  while (end > slice.start && isBlank(src.charCodeAt(end - 1))) end--;
  const start = base + slice.start;
  return { start, dash: start + pair.indent, end: base + end };
}

/**
 * What a view says of a pair that does not depend on where the pair is, in node offsets:
 * memoised on the pair, so after an edit only the edited pair is summarised again.
 */
interface Summary {
  range: Span & { dash: number };
  idRange: Span;
  annotations: Partial<Record<ViewAnnotation, string>>;
  traits: readonly string[];
  declaredLength?: string;
  promptText?: string;
  promptRange?: Span;
  silenced?: readonly string[];
  /** Set on first read: an index built once (the CLI's) never needs it. */
  contentHash?: number;
}

function summary(model: SftFileModel, pair: PairModel): Summary {
  const memo = pair.memo.get(SUMMARY) as Summary | undefined;
  if (memo) return memo;
  const range = localRange(pair, 0);
  const idValue = pair.fields.get('id')?.value;
  const annotations: Partial<Record<ViewAnnotation, string>> = {};
  for (const key of SCALAR_DEFAULT_KEYS) {
    const text = scalarText(effectiveField(model, pair, key)?.value);
    if (text !== undefined) annotations[key] = text;
  }
  const prompt = pair.fields.get('prompt')?.value;
  const silenced = pair.silences.filter((s) => s.reason).flatMap((s) => s.rules);
  const out: Summary = {
    range,
    idRange: idValue?.range
      ? { start: idValue.range[0], end: idValue.range[1] }
      : { start: range.dash, end: range.dash + 1 },
    annotations,
    traits: stringList(effectiveField(model, pair, 'traits')?.value) ?? [],
    declaredLength: scalarText(pair.fields.get('prompt_length')?.value),
    promptText: scalarText(prompt),
    promptRange:
      isScalar(prompt) && prompt.range
        ? { start: prompt.range[0], end: prompt.range[1] }
        : undefined,
    silenced: silenced.length ? silenced : undefined,
  };
  pair.memo.set(SUMMARY, out);
  return out;
}

/**
 * A pair's view: its summary moved to document offsets. A class, not an object of closures:
 * the index builds one for every pair of every file, and entries and the preview are made
 * only when a feature asks (the index does not).
 */
class View implements PairView {
  readonly index: number;
  readonly id?: string;
  readonly name: string;
  readonly range: Span;
  readonly dash: number;
  readonly idRange: Span;
  readonly promptRange?: Span;
  private entries?: readonly FieldView[];
  private title?: string;

  constructor(
    private readonly pair: PairModel,
    private readonly local: Summary,
  ) {
    const base = pair.base;
    this.index = pair.index;
    this.id = pair.id;
    this.name = pair.id ?? `(pair ${pair.index + 1}, no id)`;
    this.range = shift(local.range, base);
    this.dash = local.range.dash + base;
    this.idRange = shift(local.idRange, base);
    this.promptRange = local.promptRange && shift(local.promptRange, base);
  }

  get annotations(): Readonly<Partial<Record<ViewAnnotation, string>>> {
    return this.local.annotations;
  }

  get traits(): readonly string[] {
    return this.local.traits;
  }

  get declaredLength(): string | undefined {
    return this.local.declaredLength;
  }

  get silenced(): readonly string[] | undefined {
    return this.local.silenced;
  }

  get contentHash(): number {
    // Kept on the summary, which the pair's unchanged copies share.
    return (this.local.contentHash ??= textHash(
      this.pair.src,
      this.pair.slice.start,
      this.pair.slice.end,
    ));
  }

  get fields(): readonly FieldView[] {
    return (this.entries ??= this.pair.entries.map((f) => fieldView(f, this.pair.base)));
  }

  get preview(): string {
    return (this.title ??= preview(this.local.promptText ?? ''));
  }

  promptText(): string | undefined {
    return this.local.promptText;
  }

  responseText(): string | undefined {
    return scalarText(this.pair.fields.get('response')?.value);
  }

  counts(g: Pick<Guidelines, 'length'>): PairCounts {
    return pairCounts(this.pair, g);
  }

  tokens(counter: TokenCounter, tokenizer: TokenizerName): { prompt: number; response: number } {
    return pairTokens(this.pair, counter, tokenizer);
  }
}

/** The prompt's first non-blank line, at most PREVIEW_CHARS characters. */
function preview(text: string): string {
  let line = '';
  for (let at = 0; at < text.length && !line;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    line = text.slice(at, end).trim();
    at = end + 1;
  }
  const t = line.replace(/\s+/g, ' ');
  return t.length > PREVIEW_CHARS ? `${t.slice(0, PREVIEW_CHARS - 1)}…` : t;
}

const spanOf = (range: readonly number[], delta: number): Span => ({
  start: range[0] + delta,
  end: range[1] + delta,
});

/** An entry, its nodes' offsets moved by `delta`. */
function fieldView(f: Field, delta: number): FieldView {
  return {
    key: f.key,
    keyRange: spanOf(f.keyNode.range!, delta),
    valueRange: f.value?.range ? spanOf(f.value.range, delta) : undefined,
    entryRange: { start: f.span.start + delta, end: f.span.end + delta },
    items: valueItems(f.value, delta),
  };
}

function valueItems(node: Node | null, delta: number): ValueItem[] {
  const one = (n: Node | null): ValueItem[] => {
    const text = scalarText(n);
    return text !== undefined && n?.range ? [{ text, range: spanOf(n.range, delta) }] : [];
  };
  if (isSeq(node)) return (node.items as (Node | null)[]).flatMap(one);
  return one(node);
}

const shift = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
