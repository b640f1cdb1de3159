/**
 * Every fix of every rule, over generated pairs in every scalar style (with comments, unicode
 * and CRLF): the fixed text parses without errors, every header field and every field of every
 * pair that the fix does not target reads the same (compared through `yaml`'s own reading,
 * not ours), no byte outside the fixed pair (or header) changes, and the problem is gone.
 * Fix-all over the same files ends in a valid file too, and "silence for this pair" changes
 * no value at all.
 *
 * The same files hold the map edits the pickers make (set a value, set a list, remove a
 * field, set a default) to changing their key alone, whatever the value.
 *
 * Fixed seed and a size that runs in a few seconds; SFT_PROPERTY_RUNS=5000 (and
 * SFT_PROPERTY_SEED=n) run it longer.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { FileLinter } from '../../../src/core/lint';
import type { SftFileModel } from '../../../src/core/parse/parse';
import { applyEdits } from '../../../src/core/edit/apply';
import { fixAll, MAX_FIX_PASSES, preferredFix } from '../../../src/core/edit/fix-all';
import {
  removeField,
  setAnnotation,
  setDefault,
  setList,
  silencePair,
  toDocument,
} from '../../../src/core/edit/map-edit';
import type { Fix, Problem, Span, TextEdit } from '../../../src/core/types';
import { guidelinesFrom, services } from '../helpers';
import { sftFileText } from './fix-gen';

const RUNS = Number(process.env.SFT_PROPERTY_RUNS ?? 50);
const SEED = Number(process.env.SFT_PROPERTY_SEED ?? 7_2024);

// A language list (for disallowed-language), prompt_length required (missing-annotation's
// fix), and a banned word in labels, prompts and examples, so removals run in flow lists and
// example maps too.
const linter = new FileLinter(
  guidelinesFrom(`sft-guidelines: 1
annotations:
  required: [id, task, prompt_type, response_type, domain, language, prompt_length]
  languages: [en, pt-BR]
banned_phrases:
  - text: very
    fields: [labels, prompt, examples, system]
`),
  services,
);
const lint = (text: string): readonly Problem[] => linter.lint(text).problems;

/** What any YAML reader sees: header fields (defaults one by one) and each pair's fields. */
interface Reading {
  header: Map<string, unknown>;
  pairs: unknown[];
}

function reading(text: string): Reading | string {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return doc.errors.map((e) => e.message.split('\n')[0]).join('; ');
  let root: Record<string, unknown>;
  try {
    root = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (e) {
    return String(e);
  }
  const header = new Map<string, unknown>();
  for (const [k, v] of Object.entries(root)) {
    if (k === 'pairs') continue;
    if (k === 'defaults' && v && typeof v === 'object')
      for (const [dk, dv] of Object.entries(v)) header.set(`defaults.${dk}`, dv);
    else header.set(k, v);
  }
  return { header, pairs: Array.isArray(root.pairs) ? root.pairs : [] };
}

function meets(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** What a fix may change: pairs by index, `pair:key` and header keys, and new header keys when it edits the header. */
interface Targets {
  pairs: Set<number>;
  keys: Set<string>;
  header: boolean;
}

/** Where a fix may change things: the pairs (by index) and header keys its edits touch; `stray` when an edit is in no one pair and not in the header. */
function targets(model: SftFileModel, fix: Fix): Targets & { stray: boolean } {
  const pairs = new Set<number>();
  const keys = new Set<string>();
  let stray = false;
  let header = false;
  const firstPair = model.pairs[0] ? model.pairs[0].base + model.pairs[0].slice.start : Infinity;
  for (const e of fix.edits) {
    let placed = e.end <= firstPair;
    header ||= placed;
    for (const p of model.pairs) {
      const slice = { start: p.base + p.slice.start, end: p.base + p.slice.end };
      if (e.start >= slice.start && e.end <= slice.end) {
        placed = true;
        pairs.add(p.index);
        for (const f of p.entries)
          if (meets({ start: p.base + f.span.start, end: p.base + f.span.end }, e))
            keys.add(`${p.index}:${f.key}`);
      }
    }
    if (!placed) stray = true;
    for (const f of model.header) if (meets(f.span, e)) keys.add(f.key);
    for (const [k, f] of model.defaults) if (meets(f.span, e)) keys.add(`defaults.${k}`);
  }
  return { pairs, keys, header, stray };
}

function same(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** Why `after` is not `before` outside the fix's targets, or undefined when it is. Keys a fix adds are its target too. */
function outsideChanges(before: Reading, after: Reading, t: Targets): string | undefined {
  for (const k of new Set([...before.header.keys(), ...after.header.keys()])) {
    const added = !before.header.has(k) && t.header;
    if (!t.keys.has(k) && !added && !same(before.header.get(k), after.header.get(k)))
      return `header ${k} changed`;
  }
  if (before.pairs.length !== after.pairs.length)
    return `pair count ${before.pairs.length} → ${after.pairs.length}`;
  for (let i = 0; i < before.pairs.length; i++) {
    const a = before.pairs[i];
    const b = after.pairs[i];
    if (!t.pairs.has(i) || !a || !b || typeof a !== 'object' || typeof b !== 'object') {
      if (!same(a, b)) return `pair ${i} changed`;
      continue;
    }
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ka), ...Object.keys(kb)])) {
      if (t.keys.has(`${i}:${k}`) || !(k in ka)) continue;
      if (!same(ka[k], kb[k]))
        return `pair ${i} field ${k}: ${JSON.stringify(ka[k])} → ${JSON.stringify(kb[k])}`;
    }
  }
  return undefined;
}

/** Where offset `at` of the text is after the edits (the start of an edit that replaced it). */
function mapped(at: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.end <= at && !(e.start === e.end && e.start === at))
      delta += e.newText.length - (e.end - e.start);
    else if (e.start <= at && at < e.end) return e.start + delta;
  }
  return at + delta;
}

/**
 * Whether the fixed text still has the problem: the same rule and message where it was, and
 * no fewer of them. (A repeated phrase moves into the place of the one removed; a masked
 * number changes what the next one's message quotes.)
 */
function stillThere(
  p: Problem,
  fix: Fix,
  before: readonly Problem[],
  after: readonly Problem[],
): boolean {
  const at = mapped(
    p.start,
    [...fix.edits].sort((a, b) => a.start - b.start),
  );
  const like = (q: Problem) => q.rule === p.rule && q.message === p.message;
  return (
    after.some((q) => like(q) && q.start === at) &&
    after.filter(like).length >= before.filter(like).length
  );
}

/** Every failure of every fix of one text, as lines. */
export function checkFixes(text: string): string[] {
  const before = reading(text);
  if (typeof before === 'string') return [];
  const result = linter.lint(text);
  const { model, problems } = result;
  const out: string[] = [];
  for (const p of problems) {
    for (const fix of p.fixes ?? []) {
      const where = `${p.rule} "${fix.title}" (${JSON.stringify(text.slice(p.start, p.end))})`;
      const fixed = applyEdits(text, fix.edits);
      const after = reading(fixed);
      if (typeof after === 'string') {
        out.push(`${where}: YAML errors: ${after}\n${fixed}`);
        continue;
      }
      const t = targets(model, fix);
      if (t.stray) out.push(`${where}: an edit outside any one pair and the header`);
      const why = outsideChanges(before, after, t);
      if (why) {
        out.push(`${where}: ${why}\n${fixed}`);
        continue;
      }
      // Re-linted as the editor does after an edit: only the changed pair when that is safe.
      if (stillThere(p, fix, problems, linter.update(result, fix.edits, fixed).problems))
        out.push(`${where}: the problem is still there\n${fixed}`);
    }
  }
  // "Silence for this pair" adds a comment line: the file must read exactly the same.
  for (const pair of model.pairs) {
    const edits = toDocument(pair, silencePair(pair, 'repetition', 'a reason'));
    const silenced = reading(applyEdits(text, edits));
    if (typeof silenced === 'string' || !same(before, silenced))
      out.push(
        `silence pair ${pair.index}: the file reads differently\n${applyEdits(text, edits)}`,
      );
  }
  const all = fixAll(text, lint);
  const final = reading(all.text);
  if (typeof final === 'string') out.push(`fix-all: YAML errors: ${final}\n${all.text}`);
  if (applyEdits(text, all.edits) !== all.text) out.push('fix-all: its edits do not give its text');
  else if (typeof final !== 'string') {
    // Outside the fields its (composed) edits touch, fix-all changes nothing either.
    const t = targets(model, { title: 'fix all', edits: all.edits });
    const why = t.stray
      ? 'an edit outside any one pair and the header'
      : outsideChanges(before, final, t);
    if (why) out.push(`fix-all: ${why}\n${all.text}`);
  }
  if (all.passes < MAX_FIX_PASSES && all.problems.some((p) => preferredFix(p)))
    out.push(
      `fix-all stopped after ${all.passes} passes with fixes left: ${all.problems
        .filter((p) => preferredFix(p))
        .map((p) => p.rule)
        .join(', ')}\n${all.text}`,
    );
  return out;
}

/** Values the pickers write: words, and text YAML would read as something else. */
const PICKED = ['open_qa', 'science', 'a: b', 'yes', '0007', '- x', '#tag', "it's", 'x, y', ''];

/** Every failure of the map edits the pickers make (set, list, remove, defaults) on one text. */
export function checkMapEdits(text: string, pick: number): string[] {
  const before = reading(text);
  if (typeof before === 'string') return [];
  const model = linter.lint(text).model;
  const out: string[] = [];
  const value = PICKED[pick % PICKED.length];
  const check = (
    what: string,
    edits: TextEdit[],
    pair: number | undefined,
    key: string,
    want: unknown,
  ) => {
    if (!edits.length) return;
    const fixed = applyEdits(text, edits);
    const after = reading(fixed);
    if (typeof after === 'string') {
      out.push(`${what}: YAML errors: ${after}\n${fixed}`);
      return;
    }
    const t = {
      pairs: new Set(pair === undefined ? [] : [pair]),
      keys: new Set([pair === undefined ? key : `${pair}:${key}`]),
      header: pair === undefined,
    };
    const why = outsideChanges(before, after, t);
    const got =
      pair === undefined
        ? after.header.get(key)
        : (after.pairs[pair] as Record<string, unknown> | undefined)?.[key];
    if (why) out.push(`${what}: ${why}\n${fixed}`);
    else if (!same(got, want))
      out.push(`${what}: reads ${JSON.stringify(got)}, not ${JSON.stringify(want)}\n${fixed}`);
  };
  for (const pair of model.pairs) {
    check(
      `setAnnotation(domain, ${JSON.stringify(value)})`,
      toDocument(pair, setAnnotation(pair, 'domain', value)),
      pair.index,
      'domain',
      value,
    );
    check(
      `setList(traits, [persona, ${JSON.stringify(value)}])`,
      toDocument(pair, setList(pair, 'traits', ['persona', value])),
      pair.index,
      'traits',
      ['persona', value],
    );
    check(
      'removeField(tags)',
      toDocument(pair, removeField(pair, 'tags')),
      pair.index,
      'tags',
      undefined,
    );
  }
  check(
    `setDefault(language, ${JSON.stringify(value)})`,
    setDefault(model, 'language', value),
    undefined,
    'defaults.language',
    value,
  );
  return out;
}

describe('fixes (property)', function () {
  this.timeout(Math.max(120_000, RUNS * 500));

  it(`every fix leaves valid YAML, the same values outside its target, and no problem behind (${RUNS} files, seed ${SEED})`, () => {
    let checked = 0;
    let fixes = 0;
    const fixedRules = new Set<string>();
    fc.assert(
      fc.property(sftFileText, (text) => {
        if (typeof reading(text) === 'string') return true;
        checked++;
        for (const p of lint(text)) {
          fixes += p.fixes?.length ?? 0;
          if (p.fixes?.length) fixedRules.add(p.rule);
        }
        const failures = checkFixes(text);
        if (failures.length) throw new Error(`${failures[0]}\n--- in ---\n${text}`);
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator must mostly make valid files, and the files must carry fixes to check.
    assert.ok(checked > RUNS * 0.8, `only ${checked} of ${RUNS} generated files parsed`);
    assert.ok(fixes > RUNS * 3, `only ${fixes} fixes in ${checked} files`);
    // The text rules whose fixes cut inside a scalar are all exercised.
    for (const id of ['banned-phrase', 'pii', 'repetition', 'invisible-character'])
      assert.ok(
        fixedRules.has(id),
        `no ${id} fix in ${checked} files: ${[...fixedRules].sort().join(', ')}`,
      );
  });

  it(`the pickers' map edits change their key alone, whatever the value (${RUNS} files, seed ${SEED})`, () => {
    fc.assert(
      fc.property(sftFileText, fc.nat(), (text, pick) => {
        const failures = checkMapEdits(text, pick);
        if (failures.length) throw new Error(`${failures[0]}\n--- in ---\n${text}`);
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
