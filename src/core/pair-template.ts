/**
 * The one template of a new pair, for Insert Pair and New SFT File: its id, every annotation
 * the guidelines require that the file's `defaults` do not set, then prompt and response.
 * Written as a snippet whose tab stops run in the order a writer fills a pair in (the
 * annotation choices, then the prompt, then the response), and as plain text.
 *
 * `planInsertPair` says where a new pair goes in a file: after the pair under the cursor and
 * before the comment lines that lead the next pair, with the `sft: 1` / `pairs:` header a file
 * lacks, in one replacement on a line without indentation before it (an editor indents a
 * snippet's lines by the indentation before the insertion point: here it adds nothing).
 */
import { isSeq } from 'yaml';
import { PAIR_KEYS } from './annotations';
import { eolAt, yamlScalar } from './edits';
import type { Guidelines } from './guidelines';
import type { PairModel } from './parse/model';
import { findPair, type SftFileModel } from './parse/parse';
import { isEmptyValue } from './rules/support/node-shape';
import { lineStart } from './text/lines';

/**
 * The first lines of a new pairs file: `sft: 1`, the language in `defaults` when the
 * guidelines allow one language (or name none: then `en`), and `pairs:` for Insert Pair to fill.
 */
export function newFileHeader(guidelines: Guidelines, eol = '\n'): string {
  const languages = guidelines.languages ?? ['en'];
  const defaults = languages.length === 1 ? `defaults:${eol}  language: ${yamlScalar(languages[0])}${eol}` : '';
  return `sft: 1${eol}${defaults}pairs:${eol}`;
}

/** One line of a new pair: a fixed value, a choice among values, a free value, or a block text. */
export type TemplateField =
  | { key: string; kind: 'value'; value: string }
  | { key: string; kind: 'choice'; values: readonly string[]; list?: boolean }
  | { key: string; kind: 'free' }
  | { key: 'prompt' | 'response'; kind: 'text' };

/** The values an annotation may take under the guidelines (the editor's vocabulary), or undefined for free text. */
export type ChoicesOf = (key: string) => readonly string[] | undefined;

/** Keys a new pair never asks for: computed (prompt_length), or not annotations. */
const NOT_ASKED = new Set(['id', 'prompt', 'response', 'prompt_length', 'system', 'context', 'examples', 'labels', 'review']);

/** Keys the file's `defaults` set to a value (an empty `task:` there sets nothing). */
export function defaultsSet(model: SftFileModel): Set<string> {
  const out = new Set<string>();
  for (const [key, field] of model.defaults) if (!isEmptyValue(field.value)) out.add(key);
  return out;
}

/**
 * The fields of a new pair, in the format's key order: the id, each required annotation not
 * set in `defaults` (a choice where the vocabulary has values), prompt and response.
 */
export function newPairFields(id: string, guidelines: Guidelines, defaults: ReadonlySet<string>, choicesOf: ChoicesOf): TemplateField[] {
  const required = new Set(guidelines.required);
  const out: TemplateField[] = [];
  for (const key of PAIR_KEYS) {
    if (key === 'id') out.push({ key, kind: 'value', value: id });
    else if (key === 'prompt' || key === 'response') out.push({ key, kind: 'text' });
    else if (required.has(key) && !defaults.has(key) && !NOT_ASKED.has(key)) {
      const values = choicesOf(key);
      out.push(values?.length ? { key, kind: 'choice', values, list: key === 'traits' || key === 'tags' } : { key, kind: 'free' });
    }
  }
  return out;
}

/** How a pair is laid out: the `-` column, keys two further, block text two further still. */
export interface PairLayout {
  /** Column of the `-`. */
  indent: number;
  /** Columns from the `-` to the keys (2 for `- id:`). */
  keyOffset: number;
  eol: string;
}

const snippetText = (s: string): string => s.replace(/[\\$}]/g, '\\$&');
const snippetChoice = (s: string): string => s.replace(/[\\$},|]/g, '\\$&');

/** A new pair as snippet and as plain text (choices at their first value, texts empty); both end with a line break. */
export function writePair(fields: readonly TemplateField[], layout: PairLayout): { snippet: string; text: string } {
  const keyPad = ' '.repeat(layout.indent + layout.keyOffset);
  const textPad = `${keyPad}  `;
  // Tab stops: the annotations in the order they are written, then prompt, then response.
  const asked = fields.filter((f) => f.kind === 'choice' || f.kind === 'free');
  let stop = 0;
  const stopOf = new Map<TemplateField, number>(asked.map((f) => [f, ++stop]));
  const snippet: string[] = [];
  const text: string[] = [];
  fields.forEach((f, i) => {
    const lead = i === 0 ? `${' '.repeat(layout.indent)}-${' '.repeat(layout.keyOffset - 1)}` : keyPad;
    const key = `${lead}${f.key}:`;
    if (f.kind === 'value') {
      snippet.push(`${snippetText(key)} ${snippetText(yamlScalar(f.value))}`);
      text.push(`${key} ${yamlScalar(f.value)}`);
    } else if (f.kind === 'choice') {
      const values = f.values.map((v) => yamlScalar(v, f.list));
      const choice = `\${${stopOf.get(f)}|${values.map(snippetChoice).join(',')}|}`;
      snippet.push(`${snippetText(key)} ${f.list ? `[${choice}]` : choice}`);
      text.push(`${key} ${f.list ? `[${values[0]}]` : values[0]}`);
    } else if (f.kind === 'free') {
      snippet.push(`${snippetText(key)} \${${stopOf.get(f)}}`);
      text.push(key);
    } else {
      // The response's stop is also where the snippet ends: Tab after it leaves the snippet there.
      snippet.push(`${snippetText(key)} |`, `${textPad}\${${++stop}}${f.key === 'response' ? '$0' : ''}`);
      text.push(`${key} |`, textPad);
    }
  });
  return { snippet: snippet.join(layout.eol) + layout.eol, text: text.join(layout.eol) + layout.eol };
}

/**
 * Where a new pair goes: replace [start, end) with `snippet` (or `text`). `start` is a line
 * start, or on a line without indentation (`pairs: []`).
 */
export interface InsertPairPlan {
  start: number;
  end: number;
  snippet: string;
  text: string;
}

/** What `planInsertPair` needs besides the file. */
export interface InsertPairOptions {
  /** The cursor: the new pair goes after the pair that holds it, else after the last pair. */
  offset?: number;
  guidelines: Guidelines;
  /** The new pair's id (unique in the workspace: the caller knows the workspace). */
  id: string;
  choicesOf: ChoicesOf;
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * End of the last line that is the pair's own: not blank, and not a comment at or left of
 * its `-` (such comments lead the next pair, or close the list).
 */
function ownEnd(text: string, pair: PairModel): number {
  const start = pair.base + pair.slice.start;
  let end = pair.base + pair.slice.end;
  while (end > start) {
    const ls = lineStart(text, end - 1);
    const line = text.slice(ls, end).replace(/\r?\n$/, '');
    const body = line.trimStart();
    const own = body !== '' && !(body.startsWith('#') && line.length - body.length <= pair.indent);
    if (own || ls <= start) return ls + line.length;
    end = ls;
  }
  return lineEnd(text, start);
}

/** Whether the lines between two offsets hold a blank line. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to));
}

/**
 * Insert `block` (ending with a line break) after the line that ends at `at`: at the next
 * line's start, or, when that line is the last and has no line break, by rewriting it.
 */
function afterLine(text: string, at: number, eol: string, block: { snippet: string; text: string }): InsertPairPlan {
  const next = nextLine(text, at);
  if (next > at && text[next - 1] === '\n') return { start: next, end: next, ...block };
  const ls = lineStart(text, at);
  const line = text.slice(ls, at);
  if (!line) return { start: ls, end: at, ...block };
  return { start: ls, end: at, snippet: `${snippetText(line)}${eol}${block.snippet}`, text: `${line}${eol}${block.text}` };
}

/** Prepend the same literal text to both forms. */
function prefixed(prefix: string, block: { snippet: string; text: string }): { snippet: string; text: string } {
  return { snippet: snippetText(prefix) + block.snippet, text: prefix + block.text };
}

/** The pair the cursor is in (a pair's slice runs to the next pair), else the last one. */
function pairAt(pairs: readonly PairModel[], offset: number | undefined): PairModel {
  const last = pairs[pairs.length - 1];
  if (offset === undefined) return last;
  return findPair(pairs, offset) ?? last;
}

/**
 * Plan Insert Pair in a file: the new pair after the pair at `offset` (else the last), with
 * the writer's layout (indentation, line endings, a blank line between pairs when the file
 * has them). In a file without pairs it writes the missing `sft: 1` and `pairs:` lines too.
 * Returns a reason instead when the pairs are not a block list a pair can be added to.
 */
export function planInsertPair(model: SftFileModel, opts: InsertPairOptions): InsertPairPlan | { refused: string } {
  const { text } = model;
  const eol = eolAt(text);
  const fields = newPairFields(opts.id, opts.guidelines, defaultsSet(model), opts.choicesOf);
  if (!model.pairs.length) return planFirstPair(model, writePair(fields, { indent: 2, keyOffset: 2, eol }), eol);
  if (!model.pairsSeq) return { refused: 'The pairs are a flow list `[...]`; Insert Pair adds to a block list of `- id: ...` items.' };
  const { pairs } = model;
  const after = pairAt(pairs, opts.offset);
  const dash = after.base + after.slice.start + after.indent;
  // Keys as far from the `-` as this pair's first key (`- id:` puts it 2 columns on).
  const first = after.entries[0]?.keyNode.range?.[0];
  const keyStart = first === undefined ? undefined : after.base + first;
  const keyOffset = keyStart !== undefined && keyStart > dash && lineStart(text, keyStart) === lineStart(text, dash) ? keyStart - dash : 2;
  const end = ownEnd(text, after);
  // A blank line between pairs when the file puts one: in the gap after this pair, or before it.
  const next = pairs[after.index + 1];
  const prev = pairs[after.index - 1];
  const blank = next ? hasBlankLine(text, end, next.base + next.slice.start + 1)
    : prev ? hasBlankLine(text, ownEnd(text, prev), after.base + after.slice.start + 1) : false;
  const pair = writePair(fields, { indent: after.indent, keyOffset, eol });
  return afterLine(text, end, eol, blank ? prefixed(eol, pair) : pair);
}

/** The first pair of a file: under `pairs:` (empty or `[]`), else with the header lines it lacks. */
function planFirstPair(model: SftFileModel, pair: { snippet: string; text: string }, eol: string): InsertPairPlan | { refused: string } {
  const { text, pairsField } = model;
  if (!pairsField) {
    const block = prefixed(model.header.length ? `pairs:${eol}` : `sft: 1${eol}pairs:${eol}`, pair);
    if (!text.trim()) return { start: 0, end: text.length, ...block };
    return afterLine(text, text.length, eol, block);
  }
  const keyStart = pairsField.keyNode.range![0];
  const keyEnd = pairsField.keyNode.range![1];
  const value = pairsField.value;
  if (isEmptyValue(value)) return afterLine(text, lineEnd(text, keyEnd), eol, pair);
  // `pairs: []` at column 0: the list goes on the next lines, whatever followed `[]` stays on the key's line.
  if (isSeq(value) && value.flow && !value.items.length && value.range && lineStart(text, keyStart) === keyStart) {
    const colon = text.indexOf(':', keyEnd) + 1;
    const end = lineEnd(text, value.range[1]);
    const body = { snippet: pair.snippet.slice(0, -eol.length), text: pair.text.slice(0, -eol.length) };
    return { start: colon, end, ...prefixed(`${text.slice(value.range[1], end)}${eol}`, body) };
  }
  return { refused: '`pairs:` is not a list; make it one (`pairs:` with `- id: ...` items) to add pairs.' };
}
