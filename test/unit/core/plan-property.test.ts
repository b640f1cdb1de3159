/**
 * `planEdits` for every intent kind, over generated files (every scalar style, chomping,
 * comments, blank lines, CRLF, defaults, ids present or not): the result parses with no new
 * YAML errors, only the target changes (every other pair's text, the header and every
 * comment outside the target are byte-identical), the value reads as asked, a block stays a
 * block, and planning a set-type intent again on the result yields no edit.
 *
 * Fixed seed; SFT_PROPERTY_RUNS=5000 (and SFT_PROPERTY_SEED=n) run it longer.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isScalar, parseDocument, Scalar } from 'yaml';
import { applyEdits } from '../../../src/core/edit/apply';
import type { EditIntent } from '../../../src/core/edit/intent';
import { unitEnd, unitStart } from '../../../src/core/edit/pair-place';
import { planEdits } from '../../../src/core/edit/plan';
import { FileLinter } from '../../../src/core/lint';
import { parseSft, type SftFileModel } from '../../../src/core/parse/parse';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { services } from '../helpers';
import { sftFileText } from './fix-gen';

const RUNS = Number(process.env.SFT_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.SFT_PROPERTY_SEED ?? 8_2024);

const linter = new FileLinter(defaultGuidelines(), services);

/** Texts a writer sets: one line, several, leading spaces, final line breaks, indicators, quotes, unicode, empty. */
const TEXTS = [
  'A new prompt.',
  'Line one\nLine two edited',
  'Line one\nLine two\n',
  '  indented first\nsecond',
  'ends in two\n\n',
  'a: b # not a comment',
  'it\'s "quoted"',
  'tab\tinside',
  '- starts like a list',
  '😀 שלום 日本語',
  '',
  'yes',
  'x\n\n  y\n',
];
const KEYS = ['prompt', 'response', 'context', 'system', 'domain', 'author'];
const LISTS: readonly string[][] = [['persona'], ['scene_setting', 'constraints'], []];

type Kind = EditIntent['kind'];
const SET_KINDS = new Set<Kind>(['setField', 'setAnnotation', 'setDefault', 'resolveReviewNote']);

function intentFor(kind: number, model: SftFileModel, pick: number): EditIntent | undefined {
  const n = model.pairs.length;
  if (!n) return undefined;
  const pair = { index: pick % n };
  const text = TEXTS[pick % TEXTS.length];
  const key = KEYS[(pick >> 3) % KEYS.length];
  switch (kind % 11) {
    case 0:
      return { kind: 'setField', pair, key, value: text };
    case 1:
      return { kind: 'setField', pair, key, value: undefined };
    case 2:
      return { kind: 'setAnnotation', pair, key: 'traits', value: LISTS[pick % LISTS.length] };
    case 3:
      return {
        kind: 'setDefault',
        key: pick % 2 ? 'domain' : 'language',
        value: pick % 5 ? ['law', 'en', 'pt-BR'][pick % 3] : undefined,
      };
    case 4:
      return {
        kind: 'addPair',
        after: pair,
        entries: [
          { key: 'id', kind: 'value', value: 'new-0001' },
          { key: 'prompt', kind: 'value', value: text },
          { key: 'response', kind: 'value', value: 'An answer.' },
        ],
      };
    case 5:
      return { kind: 'duplicatePair', pair, id: 'copy-0001' };
    case 6:
      return { kind: 'removePair', pair };
    case 7:
      return { kind: 'movePair', pair, to: (pick >> 2) % n };
    case 8:
      return { kind: 'addReviewNote', pair, by: 'sam', note: text || 'note' };
    case 9:
      return pick % 2
        ? { kind: 'resolveReviewNote', pair, note: 0 }
        : { kind: 'silence', pair, rules: 'pii', reason: 'public figure' };
    default:
      return { kind: 'applyFixes', problems: linter.lint(model.text).problems };
  }
}

function yamlErrors(text: string): number {
  return parseDocument(text, { uniqueKeys: false }).errors.length;
}

/** Comment lines (trimmed) and how often each appears, outside [from, to). */
function comments(text: string, from = 0, to = 0): Map<string, number> {
  const out = new Map<string, number>();
  let at = 0;
  for (const line of text.split('\n')) {
    const t = line.replace(/\r$/, '').trim();
    if (t.startsWith('#') && (at < from || at >= to)) out.set(t, (out.get(t) ?? 0) + 1);
    at += line.length + 1;
  }
  return out;
}

/** Each pair's own text (from the comment lines that lead it to its end), by index. */
function pairTexts(model: SftFileModel): string[] {
  return model.pairs.map((p) =>
    model.text.slice(unitStart(model, p), unitEnd(model.text, p)).replace(/(\r?\n)+$/, ''),
  );
}

function fieldNode(model: SftFileModel, index: number, key: string): Scalar | undefined {
  const v = model.pairs[index]?.fields.get(key)?.value;
  return isScalar(v) ? v : undefined;
}

const isBlock = (s: Scalar | undefined) =>
  s?.type === Scalar.BLOCK_LITERAL || s?.type === Scalar.BLOCK_FOLDED;

/** Why planning `intent` on `text` breaks a promise, or undefined. */
function check(text: string, intent: EditIntent): string | undefined {
  const model = parseSft(text);
  const edits = planEdits(model, intent);
  const out = applyEdits(text, edits);
  if (yamlErrors(out) > yamlErrors(text))
    return `new YAML errors: ${parseDocument(out).errors[0]?.message}\n${out}`;
  const after = parseSft(out);
  const before = pairTexts(model);
  const now = pairTexts(after);
  const ref = 'pair' in intent ? intent.pair : intent.kind === 'addPair' ? intent.after : undefined;
  const target = ref && 'index' in ref ? ref.index : -1;
  const others = (xs: string[], skip: number) => xs.filter((_, i) => i !== skip);
  const firstStart = (m: SftFileModel) =>
    m.pairs.length ? unitStart(m, m.pairs[0]) : m.text.length;
  const header = (m: SftFileModel) => m.text.slice(0, firstStart(m));
  switch (intent.kind) {
    case 'setDefault':
      if (JSON.stringify(now) !== JSON.stringify(before)) return `a pair changed\n${out}`;
      break;
    case 'applyFixes':
      break;
    case 'addPair':
    case 'duplicatePair':
      if (
        header(after) !== header(model) ||
        JSON.stringify(others(now, target + 1)) !== JSON.stringify(before)
      )
        return `another pair or the header changed\n${out}`;
      break;
    case 'removePair':
      if (header(after) !== header(model) && target > 0) return `the header changed\n${out}`;
      if (JSON.stringify(now) !== JSON.stringify(others(before, target)))
        return `another pair changed\n${out}`;
      break;
    case 'movePair': {
      const moved = [...others(before, target)];
      moved.splice(Math.min(intent.to, before.length - 1), 0, before[target]);
      if (edits.length && JSON.stringify(now) !== JSON.stringify(moved))
        return `the pairs are not in the asked order\n${out}`;
      break;
    }
    default:
      if (
        header(after) !== header(model) ||
        JSON.stringify(others(now, target)) !== JSON.stringify(others(before, target))
      )
        return `another pair or the header changed\n${out}`;
  }
  // Comments outside the target stay (a moved or removed pair takes the comments that lead it along).
  const p = target >= 0 ? model.pairs[target] : undefined;
  const [from, to] =
    p && intent.kind !== 'addPair' && intent.kind !== 'duplicatePair'
      ? [unitStart(model, p), unitEnd(text, p)]
      : [0, 0];
  const kept = comments(text, from, to);
  const got = comments(out);
  for (const [c, k] of kept) {
    if ((got.get(c) ?? 0) < k && intent.kind !== 'applyFixes' && intent.kind !== 'setField')
      return `comment lost: ${c}\n${out}`;
  }
  if (intent.kind === 'setField' && typeof intent.value === 'string') {
    const read = (parseDocument(out).toJS() as { pairs?: Record<string, unknown>[] })?.pairs?.[
      target
    ]?.[intent.key];
    const node = fieldNode(model, target, intent.key);
    const clip =
      isBlock(node) &&
      /^[|>][1-9]?(\s|$)/.test(text.slice(node!.range![0] + model.pairs[target].base));
    const want =
      clip && intent.value !== '' && !intent.value.endsWith('\n')
        ? `${intent.value}\n`
        : intent.value;
    if (read !== want && !(isScalar(node) && typeof node.value !== 'string'))
      return `reads ${JSON.stringify(read)}, not ${JSON.stringify(want)}\n${out}`;
    if (
      isBlock(node) &&
      typeof node!.value === 'string' &&
      node!.value !== want &&
      intent.value.replace(/\n+$/, '') &&
      !/\r/.test(intent.value) &&
      !isBlock(fieldNode(after, target, intent.key))
    ) {
      return `the block became ${fieldNode(after, target, intent.key)?.type}\n${out}`;
    }
  }
  if (SET_KINDS.has(intent.kind)) {
    const again = planEdits(after, intent);
    if (again.length) return `planning again edits: ${JSON.stringify(again)}\n${out}`;
  }
  return undefined;
}

describe('planEdits (property)', function () {
  this.timeout(Math.max(120_000, RUNS * 1000));

  it(`every intent leaves valid YAML, the rest byte-identical, blocks blocks, and set intents idempotent (${RUNS} files × 11 kinds, seed ${SEED})`, () => {
    let planned = 0;
    fc.assert(
      fc.property(sftFileText, fc.nat(), (text, pick) => {
        if (yamlErrors(text)) return true;
        const model = parseSft(text);
        for (let kind = 0; kind < 11; kind++) {
          const intent = intentFor(kind, model, pick + kind);
          if (!intent) continue;
          if (planEdits(model, intent).length) planned++;
          const why = check(text, intent);
          if (why)
            throw new Error(
              `${intent.kind} ${JSON.stringify(intent).slice(0, 200)}: ${why}\n--- in ---\n${text}`,
            );
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    assert.ok(planned > RUNS * 5, `only ${planned} intents made edits`);
  });
});
