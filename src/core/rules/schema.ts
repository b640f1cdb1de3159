import { isAlias, isCollection, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { fieldSpec, fieldsAt, ID_PATTERN, type FieldLevel } from '../fields';
import { eolAt } from '../edit/map-edit';
import { replaceScalarSource } from '../edit/scalar-edit';
import { doubleQuoted, yamlFlowList, yamlScalar } from '../edit/scalar-write';
import { lineStart } from '../text/lines';
import { mapEntries, type Field } from '../parse/model';
import { isEmptyValue, itemHead, kindOf, pairHead, rangeOf } from './support/node-shape';
import type { LintRule, Report } from '../rule';
import type { Span } from '../types';

type Reporter = (r: Report) => void;

/*
 * Node types are checked by hand, by each key's shape in the field table, rather than with
 * zod per pair: a few `isScalar` tests per field cost next to nothing, and each problem gets
 * its own exact range and plain message.
 */
const TRUE_WORDS = /^(?:true|yes|y|on)$/i;
const FALSE_WORDS = /^(?:false|no|n|off)$/i;

function at(src: string, node: Node | null | undefined, fallback: Span): Span {
  return rangeOf(node, src) ?? fallback;
}

/** Repeated keys in one map: the linter reads the first, the YAML reader the last. */
function checkDuplicates(entries: readonly Field[], where: string, report: Reporter): void {
  if (entries.length < 2) return;
  const seen = new Set<string>();
  for (const f of entries) {
    if (!seen.has(f.key)) {
      seen.add(f.key);
      continue;
    }
    const r = f.keyNode.range!;
    report({
      start: r[0],
      end: r[1],
      message: `"${f.key}" appears twice in ${where}; remove one (SFT Studio reads the first, other YAML readers the last).`,
    });
  }
}

function checkText(
  src: string,
  key: string,
  node: Node | null | undefined,
  keySpan: Span,
  report: Reporter,
): void {
  if (isCollection(node))
    report({ ...at(src, node, keySpan), message: `${key} must be text, not ${kindOf(node)}.` });
}

function checkStringList(src: string, f: Field, report: Reporter): void {
  const v = f.value;
  const keySpan = { start: f.keyNode.range![0], end: f.keyNode.range![1] };
  if (isSeq(v)) {
    for (const item of v.items as (Node | null)[]) {
      if (isCollection(item))
        report({
          ...at(src, item, keySpan),
          message: `Each ${f.key} item is one text value, not ${kindOf(item)}.`,
        });
      else warnReadAsText(src, `${f.key} item`, item, report);
    }
    return;
  }
  if (isMap(v)) {
    report({ ...at(src, v, keySpan), message: `${f.key} must be a list like [a, b], not a map.` });
    return;
  }
  if (!isScalar(v) || isEmptyValue(v) || !v.range) return;
  const text = src.slice(v.range[0], v.range[1]);
  const block = v.type === Scalar.BLOCK_LITERAL || v.type === Scalar.BLOCK_FOLDED;
  // `tags: a, b` means two items; a quoted value is one item. Each written so it reads as text.
  const value = String(v.value);
  const items =
    v.type === Scalar.PLAIN
      ? value
          .split(',')
          .map((i) => i.trim())
          .filter((i) => i)
      : [value];
  const list = yamlFlowList(items);
  report({
    start: v.range[0],
    end: v.range[1],
    message: `${f.key} must be a list: [${block ? '…' : text}].`,
    fixes:
      block || !items.length
        ? undefined
        : [{ title: `Write ${list}`, edits: replaceScalarSource(src, v, list), preferred: true }],
  });
}

function hasKey(entries: readonly Field[], key: string): boolean {
  for (const e of entries) if (e.key === key) return true;
  return false;
}

const REQUIRED = new Map<FieldLevel, readonly string[]>();
/** The keys a map of this level must have. */
function requiredAt(level: FieldLevel): readonly string[] {
  let keys = REQUIRED.get(level);
  if (!keys)
    REQUIRED.set(
      level,
      (keys = fieldsAt(level)
        .filter((f) => f.required)
        .map((f) => f.key)),
    );
  return keys;
}

/** What one item of a list of maps is called in messages. */
const ITEM_NOUNS: Partial<Record<FieldLevel, string>> = {
  example: 'example',
  review: 'review note',
};

/** A list of maps (examples, review notes): each a map with its level's required keys, each entry of its shape. */
function checkEntries(src: string, f: Field, level: FieldLevel, report: Reporter): void {
  const v = f.value;
  const keySpan = { start: f.keyNode.range![0], end: f.keyNode.range![1] };
  if (isEmptyValue(v) || isAlias(v)) return;
  const what = ITEM_NOUNS[level] ?? level;
  const required = requiredAt(level);
  if (!isSeq(v)) {
    report({
      ...at(src, v, keySpan),
      message: `${f.key} must be a list of ${what} items (- ${required.join(': …, ')}: …), not ${kindOf(v)}.`,
    });
    return;
  }
  const where = `this ${what}`;
  for (const item of v.items as (Node | null)[]) {
    if (!isMap(item)) {
      if (!isAlias(item))
        report({
          ...itemHead(src, item, keySpan.start, keySpan.start),
          message: `Each ${f.key} item is a map with ${required.join(' and ')}, not ${kindOf(item)}.`,
        });
      continue;
    }
    const entries = mapEntries(item, src);
    checkDuplicates(entries, where, report);
    for (const key of required) {
      if (!hasKey(entries, key))
        report({
          ...itemHead(src, item, keySpan.start, keySpan.start),
          message: `This ${what} has no ${key}.`,
        });
    }
    for (const e of entries) checkField(src, e, level, report);
  }
}

/** A `flag` (resolved) is true or false; yes, on and their like are offered as a fix. */
function checkFlag(src: string, e: Field, report: Reporter): void {
  const v = e.value;
  if (isScalar(v) && typeof v.value === 'boolean') return;
  const span = at(src, v, e.span);
  const text = scalarSource(src, v);
  const fix =
    text === undefined
      ? undefined
      : TRUE_WORDS.test(text.replace(/["']/g, ''))
        ? 'true'
        : FALSE_WORDS.test(text.replace(/["']/g, ''))
          ? 'false'
          : undefined;
  report({
    ...span,
    message: `${e.key} must be true or false, not ${isEmptyValue(v) ? 'empty' : kindOf(v) === 'text' ? `"${text}"` : kindOf(v)}.`,
    fixes:
      fix && isScalar(v)
        ? [{ title: `Change to ${fix}`, edits: replaceScalarSource(src, v, fix), preferred: true }]
        : undefined,
  });
}

function scalarSource(src: string, v: Node | null | undefined): string | undefined {
  return isScalar(v) && v.range ? src.slice(v.range[0], v.range[1]) : undefined;
}

/**
 * A plain scalar YAML reads as a number or true/false where text belongs (`id: 0001`,
 * `response: 3.10`, `labels: [1.0]`): SFT Studio exports it as written, other YAML readers
 * as `1`, `3.1`, `1`. Reported with a fix that quotes it; undefined when it is text already.
 */
function readAsText(src: string, what: string, v: Node | null): Report | undefined {
  if (!isScalar(v) || isEmptyValue(v) || !v.range || typeof v.value === 'string') return undefined;
  const [start, end] = v.range;
  const text = src.slice(start, end);
  return {
    start,
    end,
    message: `${what} ${text} is read as ${kindOf(v)}; quote it ("${text}") so it stays text.`,
    fixes: [
      {
        title: `Quote the ${what}: "${text}"`,
        edits: replaceScalarSource(src, v, doubleQuoted(text)),
        preferred: true,
      },
    ],
  };
}

/** Text where a number or true/false is read: a warning, since SFT Studio keeps what was written. */
function warnReadAsText(src: string, what: string, v: Node | null, report: Reporter): void {
  const r = readAsText(src, what, v);
  if (r) report({ ...r, severity: 'warning' });
}

function checkId(src: string, v: Node | null, report: Reporter): void {
  if (!isScalar(v) || isEmptyValue(v) || !v.range) return;
  const [start, end] = v.range;
  // `id: 0001` is the number 1 to YAML: it would collide with `id: 1` and lose its padding.
  if (typeof v.value !== 'string') {
    const number = readAsText(src, 'id', v);
    if (number) report(number);
    return;
  }
  if (ID_PATTERN.test(v.value)) return;
  const clean = v.value
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  report({
    start,
    end,
    message: `id "${v.value}" may only use letters, digits, ".", "_" and "-".`,
    fixes: clean
      ? [{ title: `Change to ${clean}`, edits: replaceScalarSource(src, v, yamlScalar(clean)) }]
      : undefined,
  });
}

/** Type checks of one field of a map at `level` (a pair or `defaults`, an example, a review note); offsets into `src`. */
function checkField(src: string, f: Field, level: FieldLevel, report: Reporter): void {
  const spec = fieldSpec(f.key, level);
  if (!spec) return;
  // Before the alias test: an empty `resolved:` or an alias is not true or false either.
  if (spec.shape === 'flag') {
    checkFlag(src, f, report);
    return;
  }
  const v = f.value;
  if (!v || isAlias(v)) return;
  switch (spec.shape) {
    case 'text':
      checkText(src, f.key, v, f.span, report);
      warnReadAsText(src, f.key, v, report);
      break;
    case 'id':
    case 'value':
    case 'closed':
      if (isCollection(v))
        report({ ...at(src, v, f.span), message: `${f.key} takes one value, not ${kindOf(v)}.` });
      else if (spec.shape === 'id') checkId(src, v, report);
      else if (spec.shape === 'value') warnReadAsText(src, f.key, v, report);
      break;
    case 'list':
    case 'closed-list':
      checkStringList(src, f, report);
      break;
    case 'entries':
      checkEntries(src, f, spec.entry!, report);
      break;
  }
}

/** Keys a pair must have that this rule reports (missing-id reports a missing id, with a fix). */
const REQUIRED_IN_PAIR = requiredAt('pair').filter((key) => fieldSpec(key, 'pair')?.shape !== 'id');

const FIRST_LINE: Span = { start: 0, end: 0 };

/** The file is `sft: 1` first, `defaults` a map, `pairs` a list; each pair a map with the right field types. */
export const schema: LintRule = {
  meta: {
    id: 'schema',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    description:
      'The file and each pair have the shape SPEC 1 defines: required keys, value types, no repeated keys.',
  },
  checkFile(ctx) {
    const { file, report } = ctx;
    const root = file.doc.contents;
    const broken = file.syntax.some((s) => !s.warning);
    if (!isMap(root)) {
      if (broken) return;
      if (!root || isEmptyValue(root))
        report({
          ...FIRST_LINE,
          message: 'The file is empty; an .sft.yaml file starts with `sft: 1`, then `pairs:`.',
        });
      else
        report({
          ...at(file.text, root, FIRST_LINE),
          message: `An .sft.yaml file is a map (sft: 1, defaults, pairs), not ${kindOf(root)}.`,
        });
      return;
    }
    checkDuplicates(file.header, 'the file', report);
    const first = file.header[0];
    const sft = file.header.find((f) => f.key === 'sft');
    if (!sft) {
      const start = first?.span.start ?? root.range?.[0] ?? 0;
      report({
        start,
        end: first?.keyNode.range?.[1] ?? start,
        message: 'The file must start with `sft: 1` (the format version).',
        fixes: root.flow
          ? undefined
          : [
              {
                title: 'Insert sft: 1',
                edits: [
                  {
                    start,
                    end: start,
                    newText: `sft: 1${eolAt(file.text)}${' '.repeat(start - lineStart(file.text, start))}`,
                  },
                ],
                preferred: true,
              },
            ],
      });
    } else {
      const v = sft.value;
      if (!(isScalar(v) && v.value === 1)) {
        const span = at(file.text, v, sft.span);
        report({
          ...span,
          message: 'sft must be 1 (the format version).',
          fixes:
            isScalar(v) && v.range
              ? [
                  {
                    title: 'Change to 1',
                    edits: replaceScalarSource(file.text, v, '1'),
                    preferred: true,
                  },
                ]
              : undefined,
        });
      }
      if (first !== sft)
        report({
          start: sft.keyNode.range![0],
          end: sft.keyNode.range![1],
          message: '`sft: 1` must be the first key of the file.',
        });
    }
    const pairs = file.header.find((f) => f.key === 'pairs');
    if (!pairs) {
      const anchor = sft ?? first;
      const span = anchor
        ? { start: anchor.keyNode.range![0], end: anchor.keyNode.range![1] }
        : FIRST_LINE;
      report({ ...span, message: 'The file has no `pairs:` list.' });
    } else if (!isSeq(pairs.value) && !isEmptyValue(pairs.value) && !isAlias(pairs.value)) {
      report({
        ...at(file.text, pairs.value, pairs.span),
        message: `pairs must be a list of pairs (- id: …), not ${kindOf(pairs.value)}.`,
      });
    }
    const defaults = file.header.find((f) => f.key === 'defaults');
    if (
      defaults &&
      !isMap(defaults.value) &&
      !isEmptyValue(defaults.value) &&
      !isAlias(defaults.value)
    ) {
      report({
        ...at(file.text, defaults.value, defaults.span),
        message: `defaults must be a map of annotations (language: en …), not ${kindOf(defaults.value)}.`,
      });
    }
    if (isMap(defaults?.value)) {
      const entries = mapEntries(defaults.value, file.text);
      checkDuplicates(entries, 'defaults', report);
      for (const f of entries) checkField(file.text, f, 'pair', report);
    }
  },
  checkPair(ctx) {
    const { pair, report } = ctx;
    const node = pair.node;
    if (!isMap(node)) {
      if (isAlias(node)) return;
      const head = pairHead(pair);
      report({
        ...(isEmptyValue(node) ? head : at(pair.src, node, head)),
        message: isEmptyValue(node)
          ? 'This pair is empty; write its keys (id, prompt, response …).'
          : `A pair is a map of keys (id, prompt, response …), not ${kindOf(node)}.`,
      });
      return;
    }
    // `fields` keeps the first of each key, so equal sizes mean no repeats: no set needed.
    if (pair.fields.size !== pair.entries.length)
      checkDuplicates(pair.entries, 'this pair', report);
    for (const f of pair.entries) checkField(pair.src, f, 'pair', report);
    for (const key of REQUIRED_IN_PAIR)
      if (!pair.fields.has(key)) report({ ...pairHead(pair), message: `This pair has no ${key}.` });
  },
};
