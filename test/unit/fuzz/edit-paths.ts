/**
 * Every writer-facing way SFT Studio edits a pairs file, one entry each, for the no-data-loss
 * harness: the annotation quick pick, quick fixes, fix-all and `sft lint --fix`, silence,
 * Insert Pair, Generate Ids and every other `EditIntent`. A new edit path (the pair editor's
 * intents) joins the harness by adding one entry here: what it asks for, and how to see that
 * it happened in what any YAML reader reads.
 */
import { strict as assert } from 'node:assert';
import { isSeq, parseDocument } from 'yaml';
import type { EditIntent } from '../../../src/core/edit/intent';
import { generateId } from '../../../src/core/edit/map-edit';
import { beforeBlankLines, unitEnd, unitStart } from '../../../src/core/edit/pair-place';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { stringList } from '../../../src/core/parse/model';
import type { SftFileModel } from '../../../src/core/parse/parse';
import { insertPairIntent } from '../../../src/core/pair-template';
import type { Span } from '../../../src/core/types';
import { toEditIntent } from '../../../src/shared/editor-intents';
import type { EditorIntent } from '../../../src/shared/editor-protocol';
import { pairRef } from '../../../src/core/edit/intent';
import { services } from '../helpers';

/** What a YAML reader sees in a pairs file. */
export interface Reading {
  root: Record<string, unknown>;
  pairs: Record<string, unknown>[];
}

/** The file as `yaml` reads it (not as SFT Studio's own parser does). */
export function reading(text: string): Reading {
  const doc = parseDocument(text, { uniqueKeys: false });
  const root = (doc.toJS() ?? {}) as Record<string, unknown>;
  const pairs = Array.isArray(root.pairs) ? (root.pairs as Record<string, unknown>[]) : [];
  return { root, pairs };
}

/** One action of a sequence as a path plans it. */
export interface Action {
  intents: readonly EditIntent[];
  /** The pair the action is about (index), if any: only it (and the header, for fixes) may read differently. */
  target?: number;
  /** Where the edits may fall (document offsets of the text before); the whole file when unset. */
  scope?: Span;
}

/** A writer-facing edit path. */
export interface EditPath {
  name: string;
  /** The action this path takes on the file for a random `pick`, or undefined when it does not apply. */
  act(model: SftFileModel, pick: number): Action | undefined;
  /** Why `after` does not show the action's change, or undefined when it does. Called only when edits were made. */
  landed(before: Reading, after: Reading, action: Action): string | undefined;
  /** Whether pairs other than the target (and the header) must read the same; default true. */
  keepsOthers?: boolean;
}

const linter = new FileLinter(defaultGuidelines(), services);

/** Texts a writer types: one line, several, indicators, quotes, trailing spaces, CRLF-free Unicode, empty, words YAML reads as other types. */
const TEXTS = [
  'A new prompt.',
  'Line one\nLine two',
  'Line one\nLine two\n',
  'ends in two\n\n',
  '  indented first\nsecond',
  'a: b # not a comment',
  'it\'s "quoted"',
  'tab\tinside',
  '- starts like a list',
  '😀 שלום 日本語 مرحبا',
  'trailing spaces   ',
  'nbsp\u00a0and ideographic\u3000',
  '',
  'yes',
  '3.10',
  '0x10',
  '007',
  'null',
  '#hash first',
];
const TEXT_KEYS = ['prompt', 'response', 'context', 'system', 'author', 'reviewer'];
const ANNOTATIONS: ReadonlyArray<[string, string | readonly string[]]> = [
  ['task', 'open_qa'],
  ['task', 'summarization'],
  ['domain', 'healthcare'],
  ['language', 'pt-BR'],
  ['prompt_type', 'instructive'],
  ['traits', ['persona']],
  ['traits', ['scene_setting', 'constraints']],
  ['traits', []],
  ['tags', ['batch-3', 'hard']],
];

const text = (pick: number) => TEXTS[pick % TEXTS.length];

/** The span of a pair: its node, the comment lines that lead it and the line breaks that follow. */
function unit(model: SftFileModel, index: number): Span {
  const p = model.pairs[index];
  const nodeEnd = p.base + p.slice.end;
  // Removing the last pair takes the blank lines before it, and the line break before it
  // when the file ends without one.
  const start = beforeBlankLines(model.text, unitStart(model, p), 0);
  const br = /\r?\n$/.exec(model.text.slice(Math.max(0, start - 2), start))?.[0].length ?? 0;
  return { start: start - br, end: Math.max(unitEnd(model.text, p), nodeEnd) };
}

/** Before the first pair: the header, `defaults` and `pairs:`. */
function header(model: SftFileModel): Span {
  const first = model.pairs[0];
  return { start: 0, end: first ? unitStart(model, first) : model.text.length };
}

function pairAction(model: SftFileModel, pick: number, make: (i: number) => EditIntent): Action {
  const i = pick % model.pairs.length;
  return { intents: [make(i)], target: i, scope: unit(model, i) };
}

function same(a: unknown, b: unknown): string | undefined {
  try {
    assert.deepStrictEqual(a, b);
    return undefined;
  } catch {
    return `${JSON.stringify(a)} where ${JSON.stringify(b)} was asked for`;
  }
}

/** Whether a pair's field reads as the value a setField/setAnnotation asked for. */
function fieldLanded(after: Reading, action: Action): string | undefined {
  const intent = action.intents[0] as Extract<EditIntent, { kind: 'setField' | 'setAnnotation' }>;
  const pair = after.pairs[action.target!] ?? {};
  if (intent.value === undefined)
    return intent.key in pair ? `${intent.key} is still there` : undefined;
  const got = pair[intent.key];
  // A clipped block (`|`) ends its text with one line break.
  if (typeof intent.value === 'string' && got === `${intent.value}\n`) return undefined;
  return same(got, typeof intent.value === 'string' ? intent.value : [...intent.value]);
}

const withoutIndex = <T>(xs: readonly T[], i: number) => xs.filter((_, j) => j !== i);

/** Whether the pairs read as before with the target moved to the intent's place. */
function moveLanded(before: Reading, after: Reading, a: Action): string | undefined {
  const intent = a.intents[0] as Extract<EditIntent, { kind: 'movePair' }>;
  const moved = withoutIndex(before.pairs, a.target!);
  moved.splice(intent.to, 0, before.pairs[a.target!]);
  return same(after.pairs, moved);
}

/** A pair editor intent on pair `pick`, translated as the provider does, or undefined when refused. */
function editorAction(
  model: SftFileModel,
  pick: number,
  make: (ref: ReturnType<typeof pairRef>, i: number) => EditorIntent,
): Action | undefined {
  const i = pick % model.pairs.length;
  const out = toEditIntent(make(pairRef(model, model.pairs[i]), i), {
    model,
    problems: linter.lintModel(model).problems,
    newPair: (after) =>
      insertPairIntent(model, {
        offset: after ? unitStart(model, after) : undefined,
        guidelines: defaultGuidelines(),
        id: generateId(
          model.pairs.map((p) => p.id).filter((x): x is string => !!x),
          after?.id,
        ),
        choicesOf: () => undefined,
      }),
  });
  if ('refused' in out) return undefined;
  return { intents: [out.intent], target: i, scope: unit(model, i) };
}

/** A text as read, or `want` when it reads as `want` with the one line break a clipped block adds. */
function unclipped(got: unknown, want: string): unknown {
  return got === `${want}\n` ? want : got;
}

/** The examples of pair `i` as read (none when it has no list of them). */
function examplesOf(r: Reading, i: number): Record<string, unknown>[] {
  const examples = r.pairs[i]?.examples;
  return Array.isArray(examples) ? (examples as Record<string, unknown>[]) : [];
}

/** How many items the `examples` list of pair `i` holds. */
function examplesIn(m: SftFileModel, i: number): number {
  const list = m.pairs[i].fields.get('examples')?.value;
  return isSeq(list) ? list.items.length : 0;
}

/** The edit paths. Add the pair editor's intents here. */
export const EDIT_PATHS: readonly EditPath[] = [
  {
    name: 'set text field',
    act: (m, pick) =>
      pairAction(m, pick, (i) => ({
        kind: 'setField',
        pair: { index: i },
        key: TEXT_KEYS[(pick >> 4) % TEXT_KEYS.length],
        value: text(pick >> 2),
      })),
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'remove field',
    act: (m, pick) =>
      pairAction(m, pick, (i) => ({
        kind: 'setField',
        pair: { index: i },
        key: ['context', 'tags', 'status', 'system', 'domain'][(pick >> 3) % 5],
        value: undefined,
      })),
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'annotation quick pick',
    act: (m, pick) => {
      const [key, value] = ANNOTATIONS[(pick >> 3) % ANNOTATIONS.length];
      return pairAction(m, pick, (i) => ({
        kind: 'setAnnotation',
        pair: { index: i },
        key,
        value,
      }));
    },
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'set default',
    act: (m, pick) => ({
      intents: [
        {
          kind: 'setDefault',
          key: pick % 2 ? 'domain' : 'language',
          value: pick % 5 ? ['law', 'en', 'pt-BR'][pick % 3] : undefined,
        },
      ],
      scope: header(m),
    }),
    landed: (_, after, a) => {
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'setDefault' }>;
      const defaults = (after.root.defaults ?? {}) as Record<string, unknown>;
      return same(defaults[intent.key], intent.value);
    },
  },
  {
    name: 'insert pair',
    act: (m, pick) => {
      const i = pick % m.pairs.length;
      const ids = m.pairs.map((p) => p.id).filter((x): x is string => !!x);
      const intent = insertPairIntent(m, {
        offset: unitStart(m, m.pairs[i]),
        guidelines: defaultGuidelines(),
        id: generateId(ids, m.pairs[i].id),
        choicesOf: () => undefined,
      });
      return { intents: [intent], target: i + 1, scope: unit(m, i) };
    },
    landed: (before, after, a) => {
      if (after.pairs.length !== before.pairs.length + 1) return 'no pair was added';
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'addPair' }>;
      const id = intent.entries.find((e) => e.key === 'id');
      const want = id?.kind === 'value' ? id.value : undefined;
      return same(after.pairs[a.target!]?.id, want);
    },
    keepsOthers: false,
  },
  {
    name: 'duplicate pair',
    act: (m, pick) => ({
      ...pairAction(m, pick, (i) => ({
        kind: 'duplicatePair',
        pair: { index: i },
        id: 'copy-0001',
      })),
    }),
    landed: (before, after, a) => {
      const i = a.target!;
      const copy = { ...before.pairs[i], id: 'copy-0001' };
      if (after.pairs.length !== before.pairs.length + 1) return 'no pair was added';
      return (
        same(after.pairs[i + 1], copy) ??
        same(withoutIndex(after.pairs, i + 1), before.pairs) ??
        undefined
      );
    },
    keepsOthers: false,
  },
  {
    name: 'remove pair',
    act: (m, pick) => pairAction(m, pick, (i) => ({ kind: 'removePair', pair: { index: i } })),
    landed: (before, after, a) => same(after.pairs, withoutIndex(before.pairs, a.target!)),
    keepsOthers: false,
  },
  {
    name: 'move pair',
    act: (m, pick) => ({
      intents: [
        {
          kind: 'movePair',
          pair: { index: pick % m.pairs.length },
          to: (pick >> 2) % m.pairs.length,
        },
      ],
      target: pick % m.pairs.length,
    }),
    landed: moveLanded,
    keepsOthers: false,
  },
  {
    name: 'add review note',
    act: (m, pick) =>
      pairAction(m, pick, (i) => ({
        kind: 'addReviewNote',
        pair: { index: i },
        by: 'sam',
        note: text(pick >> 2) || 'note',
      })),
    landed: (_, after, a) => {
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'addReviewNote' }>;
      const review = after.pairs[a.target!]?.review as Record<string, unknown>[] | undefined;
      const last = review?.[review.length - 1];
      // A note written as a clipped block (`|`) reads back with one final line break.
      const note = last?.note === `${intent.note}\n` ? intent.note : last?.note;
      return same([last?.by, note], [intent.by, intent.note]);
    },
  },
  {
    name: 'resolve review note',
    act: (m, pick) =>
      pairAction(m, pick, (i) => ({ kind: 'resolveReviewNote', pair: { index: i }, note: 0 })),
    landed: (_, after, a) => {
      const review = after.pairs[a.target!]?.review as Record<string, unknown>[] | undefined;
      return same(review?.[0]?.resolved, true);
    },
  },
  {
    name: 'silence',
    act: (m, pick) =>
      pairAction(m, pick, (i) => ({
        kind: 'silence',
        pair: { index: i },
        rules: pick % 2 ? 'pii' : ['pii', 'repetition'],
        reason: 'public figure',
      })),
    // A silence is a comment: the pair reads exactly as before.
    landed: (before, after, a) => same(after.pairs[a.target!], before.pairs[a.target!]),
  },
  {
    name: 'quick fix',
    act: (m, pick) => {
      const fixes = linter.lintModel(m).problems.flatMap((p) => p.fixes ?? []);
      if (!fixes.length) return undefined;
      return { intents: [{ kind: 'applyFixes', fix: fixes[pick % fixes.length] }] };
    },
    landed: () => undefined,
    keepsOthers: false,
  },
  {
    name: 'fix-all / sft lint --fix',
    act: (m) => ({
      intents: [
        {
          kind: 'applyFixes',
          problems: linter.lintModel(m).problems,
          lint: (t) => linter.lint(t).problems,
        },
      ],
    }),
    landed: (before, after) =>
      after.pairs.length === before.pairs.length ? undefined : 'fix-all changed the pair count',
    keepsOthers: false,
  },
  {
    name: 'fix-all, one pass',
    act: (m) => ({ intents: [{ kind: 'applyFixes', problems: linter.lintModel(m).problems }] }),
    landed: (before, after) =>
      after.pairs.length === before.pairs.length ? undefined : 'fix-all changed the pair count',
    keepsOthers: false,
  },
  {
    name: 'generate ids',
    act: (m) => {
      const ids = new Set(m.pairs.map((p) => p.id).filter((x): x is string => !!x));
      const intents: EditIntent[] = [];
      for (const p of m.pairs) {
        if (p.id) continue;
        const id = generateId(ids, 'gen-');
        ids.add(id);
        intents.push({ kind: 'setField', pair: { index: p.index }, key: 'id', value: id });
      }
      return intents.length ? { intents } : undefined;
    },
    landed: (_, after) => {
      const ids = after.pairs.map((p) => p.id);
      if (ids.some((id) => id === undefined || id === null || id === '')) return 'a pair has no id';
      return undefined;
    },
    keepsOthers: false,
  },
  {
    name: 'pair editor: card text',
    act: (m, pick) =>
      editorAction(m, pick, (pair) => ({
        kind: 'setField',
        pair,
        key: TEXT_KEYS[(pick >> 4) % 4],
        value: text(pick >> 2),
      })),
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'pair editor: remove a field',
    act: (m, pick) =>
      editorAction(m, pick, (pair) => ({ kind: 'setField', pair, key: 'context', value: null })),
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'pair editor: annotation picker',
    act: (m, pick) => {
      const [key, value] = ANNOTATIONS[(pick >> 3) % ANNOTATIONS.length];
      return editorAction(m, pick, (pair) => ({
        kind: 'setAnnotation',
        pair,
        key,
        value: typeof value === 'string' ? value : [...value],
      }));
    },
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'pair editor: add pair',
    act: (m, pick) => {
      const a = editorAction(m, pick, (pair) => ({ kind: 'addPair', after: pair }));
      return a && { ...a, target: a.target! + 1 };
    },
    landed: (before, after) =>
      after.pairs.length === before.pairs.length + 1 ? undefined : 'no pair was added',
    keepsOthers: false,
  },
  {
    name: 'pair editor: duplicate pair',
    act: (m, pick) => editorAction(m, pick, (pair) => ({ kind: 'duplicatePair', pair })),
    landed: (before, after) =>
      after.pairs.length === before.pairs.length + 1 ? undefined : 'no pair was added',
    keepsOthers: false,
  },
  {
    name: 'pair editor: delete pair',
    act: (m, pick) => editorAction(m, pick, (pair) => ({ kind: 'removePair', pair })),
    landed: (before, after, a) => same(after.pairs, withoutIndex(before.pairs, a.target!)),
    keepsOthers: false,
  },
  {
    name: 'pair editor: move up or down',
    act: (m, pick) => {
      const a = editorAction(m, pick, (pair) => ({
        kind: 'movePair',
        pair,
        by: pick & 4 ? 1 : -1,
      }));
      // A move reaches the neighbour's place: no scope.
      return a && { intents: a.intents, target: a.target };
    },
    landed: moveLanded,
    keepsOthers: false,
  },
  {
    name: 'pair editor: add an example',
    act: (m, pick) =>
      editorAction(m, pick, (pair) => ({
        kind: 'addExample',
        pair,
        input: text(pick >> 2),
        output: text(pick >> 6) || 'out',
      })),
    landed: (_, after, a) => {
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'addExample' }>;
      const last = examplesOf(after, a.target!).at(-1);
      return same(
        [unclipped(last?.input, intent.input), unclipped(last?.output, intent.output)],
        [intent.input, intent.output],
      );
    },
  },
  {
    name: 'pair editor: edit an example',
    act: (m, pick) =>
      editorAction(m, pick, (pair, i) => ({
        kind: 'setExample',
        pair,
        index: (pick >> 3) % Math.max(1, examplesIn(m, i)),
        key: pick & 4 ? 'output' : 'input',
        value: text(pick >> 5),
      })),
    landed: (before, after, a) => {
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'setExample' }>;
      const want = examplesOf(before, a.target!).map((e, i) =>
        i === intent.index ? { ...e, [intent.key]: intent.value } : e,
      );
      const got = examplesOf(after, a.target!).map((e, i) =>
        i === intent.index ? { ...e, [intent.key]: unclipped(e[intent.key], intent.value) } : e,
      );
      return same(got, want);
    },
  },
  {
    name: 'pair editor: remove an example',
    act: (m, pick) =>
      editorAction(m, pick, (pair, i) => ({
        kind: 'removeExample',
        pair,
        index: (pick >> 3) % Math.max(1, examplesIn(m, i)),
      })),
    landed: (before, after, a) => {
      const intent = a.intents[0] as Extract<EditIntent, { kind: 'removeExample' }>;
      const left = withoutIndex(examplesOf(before, a.target!), intent.index);
      if (!left.length)
        return 'examples' in after.pairs[a.target!] ? 'an empty examples: is left' : undefined;
      return same(examplesOf(after, a.target!), left);
    },
  },
  {
    name: 'pair editor: add, edit or remove a label',
    act: (m, pick) =>
      editorAction(m, pick, (pair, i) => {
        const labels = stringList(m.pairs[i].fields.get('labels')?.value) ?? [];
        const at = (pick >> 4) % Math.max(1, labels.length);
        const value =
          pick & 4 && labels.length
            ? withoutIndex(labels, at)
            : pick & 8 && labels.length
              ? labels.map((l, j) => (j === at ? text(pick >> 6) : l))
              : [...labels, text(pick >> 6)];
        return { kind: 'setField', pair, key: 'labels', value };
      }),
    landed: (_, after, a) => fieldLanded(after, a),
  },
  {
    name: 'pair editor: silence with a reason',
    act: (m, pick) =>
      editorAction(m, pick, (pair) => ({ kind: 'silence', pair, rule: 'pii', reason: 'quoted' })),
    landed: (before, after, a) => same(after.pairs[a.target!], before.pairs[a.target!]),
  },
  {
    name: 'pair editor: quick fix',
    act: (m, pick) => {
      const problems = linter.lintModel(m).problems.filter((p) => p.fixes?.length);
      const p = problems[pick % Math.max(1, problems.length)];
      const pair =
        p &&
        m.pairs.find((x) => p.start >= x.base + x.slice.start && p.start <= x.base + x.slice.end);
      if (!p || !pair) return undefined;
      const a = editorAction(m, pair.index, (ref) => ({
        kind: 'applyFix',
        pair: ref,
        rule: p.rule,
        title: p.fixes![0].title,
      }));
      return a && { intents: a.intents };
    },
    landed: () => undefined,
    keepsOthers: false,
  },
];
