/** Generated `.sft.yaml` texts and a plain-data view of models, for the fast path's differential tests. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SftFileModel } from '../../../src/core/parse/parse';
import type { TextEdit } from '../../../src/core/types';

/** A node as plain data, offsets moved by `base` into the document. */
export function nodeData(node: Node | null | undefined, base: number): unknown {
  if (node === null || node === undefined) return null;
  const range = node.range ? node.range.map((r) => r + base) : undefined;
  if (isScalar(node)) {
    return {
      scalar: typeof node.value,
      value: node.value,
      type: node.type,
      source: node.source,
      format: node.format,
      range,
    };
  }
  if (isMap(node)) {
    return {
      map: true,
      flow: !!node.flow,
      range,
      items: node.items.map((it) => [
        nodeData(it.key as Node, base),
        nodeData(it.value as Node | null, base),
      ]),
    };
  }
  if (isSeq(node))
    return {
      seq: true,
      flow: !!node.flow,
      range,
      items: (node.items as (Node | null)[]).map((it) => nodeData(it, base)),
    };
  return { other: String(node) };
}

/** Everything rules read of a model, in document offsets. */
export function modelData(m: SftFileModel): unknown {
  const root = m.doc.contents as Node | null;
  return {
    rootRange: root?.range,
    header: m.header
      .filter((f) => f.key !== 'pairs')
      .map((f) => ({
        key: f.key,
        keyNode: nodeData(f.keyNode, 0),
        value: nodeData(f.value, 0),
        span: f.span,
      })),
    pairsField: m.pairsField && {
      span: m.pairsField.span,
      keyNode: nodeData(m.pairsField.keyNode, 0),
      isSeq: isSeq(m.pairsField.value),
      range: m.pairsField.value?.range,
    },
    defaults: [...m.defaults.keys()],
    incremental: m.incremental,
    syntax: m.syntax,
    pairs: m.pairs.map((p) => ({
      index: p.index,
      indent: p.indent,
      id: p.id,
      slice: [p.base + p.slice.start, p.base + p.slice.end],
      node: nodeData(p.node, p.base),
      entries: p.entries.map((f) => ({
        key: f.key,
        span: [p.base + f.span.start, p.base + f.span.end],
      })),
      fields: [...p.fields.keys()],
      silences: p.silences.map((s) => ({
        ...s,
        span: [p.base + s.span.start, p.base + s.span.end],
        ruleSpans: s.ruleSpans.map((r) => [p.base + r.start, p.base + r.end]),
      })),
      syntax: p.syntax.map((s) => ({ ...s, start: s.start + p.base, end: s.end + p.base })),
    })),
  };
}

/** Values after `key:` that the fast reader reads itself; `I` is the field's indentation. */
const READ: ((I: string) => string)[] = [
  () => ' plain words here\n',
  () => ' trailing spaces   \n',
  () => ' with comment # note\n',
  () => ' value#not-a-comment\n',
  () => ' a:b\n',
  () => ' 42\n',
  () => ' 0x1F\n',
  () => ' 0o17\n',
  () => ' 3.14\n',
  () => ' 2.50\n',
  () => ' 1e3\n',
  () => ' .inf\n',
  () => ' .NaN\n',
  () => ' true\n',
  () => ' False\n',
  () => ' null\n',
  () => ' ~\n',
  () => ' yes\n',
  () => ' no\n',
  () => ' 007\n',
  () => ' 1_000\n',
  () => ' +12\n',
  () => '\n',
  () => '   \n',
  () => ' "double quoted"\n',
  () => " 'single ''quoted'''\n",
  () => " 'it''s'  # c\n",
  () => ' "x" # c\n',
  () => ' ""\n',
  () => " ''\n",
  () => ' [a, b, c]\n',
  () => ' []\n',
  () => ' [ a , b ]  \n',
  () => ' [one two, 3, true]\n',
  () => ' [a, b] # c\n',
  () => ' Émoji 😀 and ह्िन्दी and עברית\n',
  () => ' 日本語のテキスト\n',
  (I) => ` |\n${I}  line one\n${I}  line two\n`,
  (I) => ` |\n${I}  line one\n\n${I}  after blank\n\n\n`,
  (I) => ` |-\n${I}  stripped\n${I}  text\n`,
  (I) => ` |-\n${I}  stripped\n\n`,
  (I) => ` |\n${I}  text\n${I}    more indented\n${I}  back\n`,
  (I) => ` |\n${I}  # not a comment inside text\n${I}  - not a list\n`,
  (I) => ` |\n${I}  text\n${I}  \n${I}  blank line with exact indentation above\n`,
  (I) => ` |\n${I}  text\n${I} \n${I}  blank line with fewer spaces above\n`,
  (I) => ` |\n\n${I}  leading blank line\n`,
  (I) => ` |\n${I}  trailing spaces kept   \n`,
  (I) => ` |\n${I}  key: looks like a map\n`,
  (I) => ` |\n${I}      deeper text\n`,
  (I) => ` >\n${I}  folded one\n${I}  folded two\n\n${I}  new paragraph\n`,
  (I) => ` >-\n${I}  folded\n${I}  stripped\n`,
  (I) => ` >\n\n\n${I}  leading blanks\n${I}  folded\n\n\n`,
  (I) => ` >\n${I}  a\n\n\n${I}  b\n`,
  (I) => `\n${I}  - one\n${I}  - two # c\n`,
  (I) => `\n${I}- same column\n${I}- list\n`,
  (I) => `\n${I}  - [x, y]\n${I}  - "q"\n${I}  - 12\n`,
  (I) => `\n${I}  - |\n${I}    block in list\n${I}  - after\n`,
  (I) =>
    `\n${I}  - by: ana\n${I}    note: Tighten it.\n${I}    resolved: false\n${I}  - by: ben\n${I}    note: |\n${I}      Long note\n${I}    resolved: true\n`,
  (I) => `\n${I}- by: ana\n${I}  note: Same column.\n`,
  (I) => `\n${I}  - input: An example, with commas? Yes.\n${I}    output: Fine\n`,
  (I) => `\n${I}  nested: map\n${I}  other: 1\n`,
  (I) => `\n${I}  nested:\n${I}    - deep\n${I}  other:\n`,
  (I) => `\n${I}# a comment line between\n${I}  - one\n`,
  (I) => `\n\n${I}  - after a blank line\n`,
  (I) => ` value\n${I}# comment at the field column\n`,
  () => ' value\n# comment at column 0\n',
  (I) => ` value\n\n${I}  # indented comment\n\n`,
  (I) => ` value # c\n${I}   # deeper\n${I} # less deep\n\n${I}# at the key\n${I}  # not counted\n`,
  (I) => ` "q"\n${I}  # indented comment\n`,
  (I) => ` [a]\n\n${I}  # indented comment\n`,
  (I) => ` |\n${I}    text\n${I}  # less than the text, more than the key\n`,
  (I) => ` |\n${I}  text\n\n${I}# at the key\n`,
  (I) => `\n${I}  - x\n\n${I}    # deeper than the dash\n${I}  - y # c\n${I}   # just deeper\n`,
  (I) => `\n${I}  - by: ana\n${I}    note: x\n${I}      # deeper\n`,
];

/** Values the fast reader declines (yaml then parses the pair, or the whole file). */
const DECLINED: ((I: string) => string)[] = [
  () => ' -7\n',
  () => ' # only a comment\n',
  () => ' "with \\"escape\\""\n',
  () => ' "unterminated\n',
  () => ' [a, [b]]\n',
  () => ' {a: 1}\n',
  () => ' [a, b,]\n',
  () => ' &anchor value\n',
  () => ' *alias\n',
  () => ' !tag value\n',
  () => ' @at\n',
  () => ' `tick\n',
  () => ' %pct\n',
  () => ' key: nested on one line\n',
  () => ' ends with colon:\n',
  () => ' -dash\n',
  () => ' - item\n',
  () => ' ? q\n',
  (I) => ` |+\n${I}  kept\n\n`,
  (I) => ` |2\n${I}  indicator\n`,
  (I) => ` | # header comment\n${I}  text\n`,
  (I) => ` |\n${I}  text\n${I}      \n${I}  blank line with spaces above\n`,
  (I) => ` |\n${I}    \n${I}  leading blank line with spaces\n`,
  (I) => ` |\n${I}text not indented enough\n`,
  () => ' |\n',
  (I) => ` >\n${I}  folded\n${I}    more indented\n${I}  back\n`,
  (I) => ` plain first line\n${I}  continues on the next\n`,
  (I) => ` "quoted first line\n${I}  continues"\n`,
  (I) => `\n${I}  - one\n${I}  -\n`,
  (I) => `\n${I}  nested: map\n${I}   bad: indent\n`,
  (I) => ` # comment then block\n${I}  - one\n`,
  () => ' value\twith tab\n',
  () => ' value\r\n',
  (I) => `\n${I}  # a comment under an empty value\n`,
];
const KEYS = [
  'id',
  'task',
  'prompt',
  'response',
  'traits',
  'review',
  'examples',
  'status',
  'labels',
  'prompt_type',
  'x.y',
  'a-b',
  '_k',
  'id',
];
const ODD_KEYS = ['true', '1', '"quoted"', 'key with space', 'k :'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A generated pair; `odd` is the chance of each field holding something the reader declines. */
function genPair(r: () => number, indent: number, odd: number): string {
  const I = ' '.repeat(indent + 2);
  const n = 1 + Math.floor(r() * 7);
  let out = '';
  for (let i = 0; i < n; i++) {
    const key = i === 0 ? 'id' : r() < odd / 4 ? pick(r, ODD_KEYS) : pick(r, KEYS);
    const value = (r() < odd ? pick(r, DECLINED) : pick(r, READ))(I);
    const head = i === 0 ? `${' '.repeat(indent)}- ` : I;
    out += `${head}${key}:${i === 0 ? ` p-${Math.floor(r() * 1000)}\n` : value}`;
    // Silences go after the id line (where the quick fix puts them). A comment line after
    // a list, or after a pair's last field, stretches yaml's ranges: the reader declines it.
    if ((i === 0 && n > 1 && r() < 0.2) || (odd > 0 && r() < 0.1))
      out += `${I}# sft-ignore formatting: reason ${i}\n`;
    if (r() < 0.05) out += '\n';
  }
  // A pair that ends in a comment line stretches yaml's ranges too, and so does a comment
  // after an empty value: close such pairs with a field.
  if (
    odd === 0 &&
    (/^ *#.*\n\n*$/m.test(out.slice(out.trimEnd().lastIndexOf('\n') + 1)) || /: *\n\n*$/.test(out))
  )
    out += `${I}last: field\n`;
  return out;
}

/** A generated file of `pairs` pairs. */
export function genFile(r: () => number, pairs: number, odd: number): string {
  const indent = pick(r, [0, 2, 4]);
  let text =
    r() < 0.2
      ? '# head comment\nsft: 1\ndefaults:\n  language: en\npairs: # the pairs\n'
      : 'sft: 1\npairs:\n';
  for (let i = 0; i < pairs; i++) {
    text += genPair(r, indent, odd);
    if (r() < 0.1) text += `${' '.repeat(indent)}# between pairs\n`;
  }
  if (r() < 0.2) text += '# trailing comment\n';
  if (r() < 0.1) text += '\n\n';
  return text;
}

/** Bits of YAML syntax that random edits put in, take out or overwrite. */
const PIECES = [
  ' ',
  '  ',
  '    ',
  '\n',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '|',
  '>',
  '|-',
  '[',
  ']',
  '{',
  ',',
  '\\',
  '\t',
  'x',
  '&a ',
  '*a',
  '!',
  '?',
  '%',
  '@',
  '\r\n',
  '\n  - id: q\n',
  '\n    k: v\n',
];

/** One random edit of `text`: an insertion, a deletion or an overwrite of a few characters. */
export function randomEdit(
  r: () => number,
  text: string,
): { start: number; end: number; newText: string } {
  const start = Math.floor(r() * text.length);
  const op = r();
  const piece = pick(r, PIECES);
  if (op < 0.4) return { start, end: start, newText: piece };
  if (op < 0.7)
    return { start, end: Math.min(text.length, start + 1 + Math.floor(r() * 3)), newText: '' };
  return { start, end: Math.min(text.length, start + 1), newText: piece };
}

/** A writer's edit inside a pair's prompt or response: a word typed, or a character deleted. */
export function writerEdit(r: () => number, model: SftFileModel): TextEdit {
  const pair = model.pairs[Math.floor(r() * model.pairs.length)];
  const range = pair.fields.get(r() < 0.6 ? 'prompt' : 'response')?.value?.range;
  if (!range || range[1] - range[0] < 2) return { start: pair.base, end: pair.base, newText: '' };
  let at = pair.base + range[0] + 1 + Math.floor(r() * (range[1] - range[0] - 1));
  // After a letter, as a writer types: not into the indentation of a block's line.
  while (at < pair.base + range[1] && !/\p{L}/u.test(model.text[at - 1])) at++;
  return r() < 0.6
    ? { start: at, end: at, newText: ' lorem' }
    : { start: at, end: at + 1, newText: '' };
}
