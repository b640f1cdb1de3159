/**
 * Parse a `.sft.yaml` text into the model rules read, fully or by re-parsing one pair.
 *
 * Aliases are never expanded (nothing here calls `toJS`), so a "billion laughs" file costs
 * what its text costs.
 */
import {
  isMap,
  isSeq,
  isScalar,
  Pair,
  YAMLSeq,
  type Document,
  type Node,
  type Range,
  type YAMLError,
} from 'yaml';
import { fastItem } from './fast';
import { parseYamlDocument } from './yaml-document';
import {
  mapEntries,
  scalarText,
  type Field,
  type PairModel,
  type Silence,
  type SyntaxIssue,
} from './model';
import type { Span, TextEdit } from '../types';
import { lineStart } from '../text/lines';
import { carryLines } from './model-lines';

/**
 * The parsed file. Header fields and `doc` use document offsets, kept exact by incremental
 * updates (which refuse files with top-level keys after `pairs`). The items of the `pairs`
 * sequence in `doc` and `pairsSeq` are the pairs' nodes, in each pair's own offsets: read
 * pairs through `pairs` (or the pair view), never through these items.
 */
export interface SftFileModel {
  text: string;
  doc: Document.Parsed;
  /** Top-level entries, in order. */
  header: Field[];
  defaults: Map<string, Field>;
  pairsField?: Field;
  /** The block sequence under `pairs`, when there is one. */
  pairsSeq?: YAMLSeq;
  pairs: PairModel[];
  /** Syntax issues outside every pair, document offsets. */
  syntax: SyntaxIssue[];
  /** Set when incremental re-parsing is possible (block `pairs` sequence). */
  incremental: boolean;
}

const PARSE_OPTIONS = {
  keepSourceTokens: false,
  prettyErrors: false,
  uniqueKeys: false,
  strict: true,
} as const;

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Where the last pair's slice ends: after the line its node ends on (`nodeEnd`, the list's
 * end), never before `floor` (its `-`). Comment lines after it belong to no pair.
 */
function lastSliceEnd(text: string, nodeEnd: number, floor: number): number {
  return nextLineStart(text, Math.max(nodeEnd - 1, floor));
}

/** The top-level entries, the `defaults` entries (first of each key) and the `pairs` entry. */
function headerOf(
  root: unknown,
  text: string,
): Pick<SftFileModel, 'header' | 'defaults' | 'pairsField'> {
  const header = isMap(root) ? mapEntries(root, text) : [];
  const defaults = new Map<string, Field>();
  const defaultsNode = header.find((f) => f.key === 'defaults')?.value;
  if (isMap(defaultsNode))
    for (const f of mapEntries(defaultsNode, text))
      if (!defaults.has(f.key)) defaults.set(f.key, f);
  return { header, defaults, pairsField: header.find((f) => f.key === 'pairs') };
}

/** An error of `yaml` as an issue inside the text (yaml places one at the end a character past it). */
function toIssue(e: YAMLError, warning: boolean, length: number): SyntaxIssue {
  const [start, end] = e.pos.map((p) => Math.min(p, length));
  const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { start, end: Math.max(end, start), code: e.code, message, warning };
}

/** Offset of the `-` that introduces the item whose value starts at `valueStart`. */
export function dashOffset(text: string, valueStart: number, from: number): number {
  for (let i = valueStart - 1; i >= from; i--) {
    const ch = text[i];
    if (ch === '-') return i;
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') break;
  }
  return valueStart;
}

const SILENCE = /#[ \t]*sft-ignore\b([^\r\n]*)/g;
/**
 * Keys whose values hold the writer's prose (text fields, examples, review notes, labels):
 * a `# sft-ignore` inside one is text, not a silence. Not the text fields (TEXT_FIELDS).
 */
const PROSE_KEYS = new Set([
  'system',
  'context',
  'prompt',
  'response',
  'examples',
  'review',
  'labels',
]);

/** Silence comments inside the pair's slice, skipping `#` that is part of a text field's value. */
function findSilences(src: string, slice: Span, fields: Field[]): Silence[] {
  const text = src.slice(slice.start, slice.end);
  if (!text.includes('sft-ignore')) return [];
  const blocked: Span[] = fields
    .filter((f) => PROSE_KEYS.has(f.key) && f.value?.range)
    .map((f) => ({ start: f.value!.range![0], end: f.value!.range![1] }));
  const out: Silence[] = [];
  for (const m of text.matchAll(SILENCE)) {
    const start = slice.start + m.index;
    if (blocked.some((b) => start >= b.start && start < b.end)) continue;
    const body = m[1];
    const bodyStart = start + m[0].length - body.length;
    const colon = body.indexOf(':');
    const names = colon < 0 ? body : body.slice(0, colon);
    const reason = colon < 0 ? '' : body.slice(colon + 1).trim();
    const rules: string[] = [];
    const ruleSpans: Span[] = [];
    for (const r of names.matchAll(/[A-Za-z0-9_-]+/g)) {
      rules.push(r[0]);
      ruleSpans.push({ start: bodyStart + r.index, end: bodyStart + r.index + r[0].length });
    }
    out.push({ rules, reason, span: { start, end: start + m[0].length }, ruleSpans });
  }
  return out;
}

/** Build a pair from its item node; offsets are in `src`. */
function buildPair(
  src: string,
  node: Node | null,
  index: number,
  base: number,
  slice: Span,
  indent: number,
): PairModel {
  const entries = isMap(node) ? mapEntries(node, src) : [];
  const fields = new Map<string, Field>();
  for (const f of entries) if (!fields.has(f.key)) fields.set(f.key, f);
  const idNode = fields.get('id')?.value;
  const id = isScalar(idNode) ? scalarText(idNode) : undefined;
  return {
    index,
    base,
    src,
    node,
    slice,
    indent,
    fields,
    entries,
    id,
    silences: findSilences(src, slice, entries),
    syntax: [],
    memo: new Map(),
  };
}

/**
 * Parse the whole text. Never throws on user content.
 *
 * Files of the usual shape (a block `pairs:` list that ends the file) take the fast path:
 * `yaml` parses the header, and each pair is read by the fast reader, or by `yaml` on its
 * own slice when the reader declines. Anything else is parsed whole by `yaml`.
 */
export function parseSft(text: string): SftFileModel {
  return parseSftSplit(text) ?? parseSftWhole(text);
}

/** `pairs:` at column 0, nothing after it on the line but a comment (LF or CRLF). */
const PAIRS_LINE = /^pairs:[ ]*(?:#[^\r\n]*)?\r?\n/m;

/**
 * Parse a pair's text alone with `yaml`; undefined when that is not equivalent to parsing it
 * in its file. When another item follows, `sliceText` ends with that item's indentation:
 * comment lines that end a pair stretch its nodes' ranges over it in the file too.
 */
function parseSlice(sliceText: string, indent: number): Node | null | undefined {
  const doc = parseYamlDocument(sliceText, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  const seq = doc.contents;
  if (!isSeq(seq) || seq.flow || seq.items.length !== 1 || !seq.range) return undefined;
  if (seq.range[0] - lineStart(sliceText, seq.range[0]) !== indent) return undefined;
  return seq.items[0] as Node | null;
}

/**
 * Whether the item whose `-` is at `dash` has its value on that line. When the line holds
 * nothing after `- ` but a comment, a whole parse starts the item's slice on a later line:
 * the split and the incremental re-parse leave such items to it.
 */
function valueOnDashLine(text: string, dash: number): boolean {
  let v = dash + 1;
  while (text.charCodeAt(v) === 32) v++;
  return (
    v < text.length &&
    text.charCodeAt(v) !== 10 &&
    text.charCodeAt(v) !== 13 &&
    text.charCodeAt(v) !== 35
  );
}

/** The fast path of `parseSft`; undefined when the file is not of the usual shape or has syntax errors. */
function parseSftSplit(text: string): SftFileModel | undefined {
  const m = PAIRS_LINE.exec(text);
  if (!m) return undefined;
  const headEnd = m.index + m[0].length;
  const doc = parseYamlDocument(text.slice(0, headEnd), PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.range) return undefined;
  const last = root.items[root.items.length - 1];
  if (!last || !isScalar(last.key) || last.key.value !== 'pairs' || last.key.range?.[0] !== m.index)
    return undefined;
  if (last.value !== null && !(isScalar(last.value) && last.value.value === null)) return undefined;

  // Item lines: the `- ` lines at the column of the first; any other line at or left of
  // that column means the list does not simply run to the end of the file.
  const starts: number[] = [];
  let indent = -1;
  for (let p = headEnd; p < text.length;) {
    let q = p;
    while (text.charCodeAt(q) === 32) q++;
    const c = text.charCodeAt(q);
    const nl = text.indexOf('\n', q);
    const next = nl < 0 ? text.length : nl + 1;
    if (q < text.length && c !== 10 && c !== 13 && c !== 35) {
      const dash = c === 45 && text.charCodeAt(q + 1) === 32;
      if (indent < 0) {
        if (!dash) return undefined;
        indent = q - p;
      }
      if (dash && q - p === indent) {
        if (!valueOnDashLine(text, q)) return undefined;
        starts.push(p);
      } else if (q - p <= indent) return undefined;
    }
    p = next;
  }
  if (!starts.length) return undefined;

  const pairs: PairModel[] = [];
  const nodes: (Node | null)[] = [];
  let seqEnd = 0;
  let declined = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const more = i + 1 < starts.length;
    const end = more ? starts[i + 1] : text.length;
    // The fast reader's nodes carry document offsets; a pair it declines is parsed alone,
    // its nodes offset from its own start.
    let src = text;
    let base = 0;
    let node: Node | null | undefined = fastItem(text, start, end, indent);
    if (!node) {
      // Parsing pairs one by one costs more than one whole parse: when most pairs are
      // declined (a file with tabs throughout), parse it whole.
      if (++declined >= 16 && declined * 2 > i + 1) return undefined;
      src = text.slice(start, more ? end + indent : end);
      base = start;
      node = parseSlice(src, indent);
      if (!node?.range) return undefined;
    }
    seqEnd = base + node.range![2];
    const sliceEnd = more ? end : lastSliceEnd(text, seqEnd, start + indent);
    const pair = buildPair(
      src,
      node,
      i,
      base,
      { start: start - base, end: sliceEnd - base },
      indent,
    );
    nodes.push(pair.node);
    pairs.push(pair);
  }
  // Comment lines after the last pair indented as deep as the list stay with it in yaml and
  // stretch its range: rare enough to leave to a whole parse.
  if (indent > 0) {
    for (let p = seqEnd; p < text.length; p = nextLineStart(text, p)) {
      let q = p;
      while (text.charCodeAt(q) === 32) q++;
      if (text.charCodeAt(q) === 35 && q - p >= indent) return undefined;
    }
  }
  // The `pairs:` value as a whole parse would give it. Its items are the pairs' nodes, whose
  // offsets are relative to each pair's `src`: read pairs through `pairs`, never these items.
  const seq = new YAMLSeq(doc.schema) as YAMLSeq.Parsed;
  seq.items = nodes as YAMLSeq.Parsed['items'];
  seq.range = [starts[0] + indent, seqEnd, seqEnd];
  last.value = seq;
  root.range = [root.range[0], seqEnd, seqEnd];
  // The document parsed is the header alone: give it the whole text's range, as a whole parse does.
  doc.range = [0, seqEnd, text.length];
  return {
    text,
    doc,
    ...headerOf(root, text),
    pairsSeq: seq,
    pairs,
    syntax: [],
    incremental: true,
  };
}

/**
 * Parse the whole text with `yaml` in one go (files of any shape, syntax errors included).
 * @usedBy tests
 */
export function parseSftWhole(text: string): SftFileModel {
  const doc = parseYamlDocument(text, PARSE_OPTIONS);
  const syntax: SyntaxIssue[] = [
    ...doc.errors.map((e) => toIssue(e, false, text.length)),
    ...doc.warnings.map((e) => toIssue(e, true, text.length)),
  ];
  const model: SftFileModel = {
    text,
    doc,
    ...headerOf(doc.contents, text),
    pairs: [],
    syntax: [],
    incremental: false,
  };
  const seq = model.pairsField?.value;
  if (isSeq(seq) && seq.range && !seq.flow) {
    model.pairsSeq = seq;
    model.incremental = true;
    const items = seq.items as (Node | null)[];
    const seqStart = seq.range[0];
    const indent = seqStart - lineStart(text, seqStart);
    const starts: number[] = [];
    let from = seqStart;
    for (const item of items) {
      const valueStart = item?.range ? item.range[0] : from;
      const dash = dashOffset(text, valueStart, from);
      starts.push(lineStart(text, dash));
      from = valueStart;
    }
    const seqEnd = lastSliceEnd(text, seq.range[1], seqStart);
    items.forEach((item, i) => {
      const slice = {
        start: starts[i],
        end: i + 1 < starts.length ? starts[i + 1] : Math.max(seqEnd, starts[i]),
      };
      model.pairs.push(buildPair(text, item, i, 0, slice, indent));
    });
  } else if (isSeq(seq)) {
    (seq.items as (Node | null)[]).forEach((item, i) => {
      const span = item?.range
        ? { start: item.range[0], end: item.range[1] }
        : { start: seq.range?.[0] ?? 0, end: seq.range?.[0] ?? 0 };
      model.pairs.push(buildPair(text, item, i, 0, span, 0));
    });
  }
  for (const issue of syntax) {
    const owner = model.incremental ? findPair(model.pairs, issue.start) : undefined;
    (owner ? owner.syntax : model.syntax).push(issue);
  }
  return model;
}

/** The pair whose slice holds the document offset, by binary search. */
export function findPair(pairs: readonly PairModel[], offset: number): PairModel | undefined {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pairs[mid];
    const start = p.base + p.slice.start;
    const end = p.base + p.slice.end;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * Apply edits (offsets in `model.text`) by re-parsing only the pair they fall in.
 * Returns undefined when that is not safe (the edit spans pairs, touches the header,
 * changes the pair's structure or has a syntax error): the caller then parses in full.
 *
 * `newText`, when the caller has it (an editor does), is the text after the edits: it is
 * taken as is, after checking its length and the edited pair, instead of building it again.
 */
export function updateSft(
  model: SftFileModel,
  edits: readonly TextEdit[],
  newText?: string,
): SftFileModel | undefined {
  if (!model.incremental || edits.length === 0) return undefined;
  // A top-level key after the list would move with the edit: only a whole parse says where.
  if (model.header[model.header.length - 1] !== model.pairsField) return undefined;
  const pair = findPair(model.pairs, edits[0].start);
  if (!pair) return undefined;
  const absStart = pair.base + pair.slice.start;
  const absEnd = pair.base + pair.slice.end;
  const dash = absStart + pair.indent;
  for (const e of edits) if (e.start <= dash || e.end >= absEnd) return undefined;
  // A syntax error above the pair (an unclosed quote or bracket) can run on into it; one in
  // it or in the next pair can mean the slices are not where a whole parse puts them (a
  // lost `-` makes lines below an item of their own, and an edit can join them back): then
  // only a whole parse says what the pair is. Past a clean next item, errors change nothing.
  if (model.syntax.some((s) => !s.warning && s.start < absEnd)) return undefined;
  for (const p of model.pairs) {
    if (p.index > pair.index + 1) break;
    if (p.syntax.some((s) => !s.warning)) return undefined;
  }
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let sliceText = model.text.slice(absStart, absEnd);
  let delta = 0;
  for (const e of sorted) {
    sliceText =
      sliceText.slice(0, e.start - absStart) + e.newText + sliceText.slice(e.end - absStart);
    delta += e.newText.length - (e.end - e.start);
  }
  let text = model.text;
  if (newText === undefined) {
    for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  } else {
    if (newText.length !== model.text.length + delta || !newText.startsWith(sliceText, absStart))
      return undefined;
    text = newText;
  }
  if (!valueOnDashLine(sliceText, pair.indent)) return undefined;
  const last = pair.index + 1 === model.pairs.length;
  let sliceLength = sliceText.length;
  // The next item's indentation, or for the last pair the rest of the text (comment lines
  // after it): as the pair is read in its file.
  if (!last) sliceText += ' '.repeat(pair.indent);
  else sliceText += model.text.slice(absEnd);
  const node =
    fastItem(sliceText, 0, last ? sliceText.length : sliceLength, pair.indent) ??
    parseSlice(sliceText, pair.indent);
  if (!node?.range) return undefined;
  if (last) sliceLength = lastSliceEnd(sliceText, node.range[2], pair.indent);
  const fresh = buildPair(
    sliceText,
    node,
    pair.index,
    absStart,
    { start: 0, end: sliceLength },
    pair.indent,
  );
  const pairs = model.pairs.map((p) =>
    p.index < pair.index ? p : p === pair ? fresh : { ...p, base: p.base + delta },
  );
  const syntax = model.syntax.map((s) =>
    s.start >= absEnd ? { ...s, start: s.start + delta, end: s.end + delta } : s,
  );
  const next = { ...model, ...movedEnd(model, pairs, delta), text, pairs, syntax };
  carryLines(model, next, absStart, absEnd, absEnd + delta);
  STEPS.delete(model.pairs);
  STEPS.set(pairs, { from: model.pairs, index: pair.index });
  return next;
}

/** How a pairs list came from the one before it: all its pairs but one are that list's, moved. */
export interface PairsStep {
  from: readonly PairModel[];
  /** The pair parsed again. */
  index: number;
}

/**
 * The steps of the pairs lists updateSft made, one deep: the next edit drops the step before
 * it, so a run of typing does not keep every earlier list alive.
 */
const STEPS = new WeakMap<readonly PairModel[], PairsStep>();

/** How updateSft made `pairs` from the list before it (undefined for a list a whole parse made). */
export function pairsStep(pairs: readonly PairModel[]): PairsStep | undefined {
  return STEPS.get(pairs);
}

/**
 * A shallow copy of a node or document with some properties replaced (the original is shared
 * with the previous model). Every own property is copied, the hidden node-type marks that
 * `isMap` and `isSeq` test included.
 */
function withProps<T extends object>(o: T, props: Partial<T>): T {
  return Object.assign(
    Object.create(Object.getPrototypeOf(o) as object, Object.getOwnPropertyDescriptors(o)) as T,
    props,
  );
}

/**
 * The header and document after an edit inside a pair: the `pairs` list (the last top-level
 * entry) and the root end `delta` later; everything before them stays where it was.
 */
function movedEnd(
  model: SftFileModel,
  pairs: PairModel[],
  delta: number,
): Pick<SftFileModel, 'doc' | 'header' | 'pairsField' | 'pairsSeq'> {
  const { doc, header, pairsField, pairsSeq } = model;
  const root = doc.contents;
  if (!pairsField || !pairsSeq?.range || !isMap(root) || !root.range)
    return { doc, header, pairsField, pairsSeq };
  const moved = (r: Range): Range => [r[0], r[1] + delta, r[2] + delta];
  const seq = withProps(pairsSeq as YAMLSeq.Parsed, {
    items: pairs.map((p) => p.node) as YAMLSeq.Parsed['items'],
    range: moved(pairsSeq.range),
  });
  const items = root.items.map((it) => (it.value === pairsSeq ? new Pair(it.key, seq) : it));
  const contents = withProps(root, { items, range: moved(root.range) });
  const field: Field = {
    ...pairsField,
    value: seq,
    span: { start: pairsField.span.start, end: pairsField.span.end + delta },
  };
  return {
    doc: withProps(doc, { contents, range: moved(doc.range) }),
    header: header.map((f) => (f === pairsField ? field : f)),
    pairsField: field,
    pairsSeq: seq,
  };
}
