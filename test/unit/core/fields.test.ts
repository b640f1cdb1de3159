import { strict as assert } from 'node:assert';
import {
  closedValues,
  effectiveField,
  fieldSpec,
  fieldsAt,
  FIELDS,
  type FieldLevel,
  type FieldSpec,
} from '../../../src/core/fields';
import {
  ANNOTATION_KEYS,
  DEFAULT_KEYS,
  PAIR_KEYS,
  REVIEW_KEYS,
  TEXT_FIELDS,
  describeValue,
  isValidValue,
} from '../../../src/core/annotations';
import { COVERAGE_KEYS } from '../../../src/core/coverage';
import { schemas } from '../../../src/core/schema';
import { parseSft } from '../../../src/core/parse/parse';
import { scalarText } from '../../../src/core/parse/model';

/** The closed vocabularies of SPEC 1.1, copied from it: the table must hold exactly these. */
const SPEC_VALUES: Record<string, string[]> = {
  task: [
    'generation',
    'brainstorming',
    'open_qa',
    'rewriting',
    'summarization',
    'open_classification',
    'closed_classification',
    'closed_qa',
    'extraction',
    'chain_of_thought',
  ],
  prompt_type: ['instructive', 'continuation', 'in_context'],
  response_type: ['one_word', 'short_phrase', 'single_sentence', 'descriptive'],
  traits: ['scene_setting', 'constraints', 'persona'],
  status: ['draft', 'review', 'changes_requested', 'approved', 'rejected'],
  prompt_length: ['short', 'medium', 'long'],
};
const SPEC_DOMAINS = [
  'business',
  'marketing',
  'healthcare',
  'history',
  'geography',
  'culture',
  'literature',
  'religion',
  'politics',
  'entertainment',
  'science',
  'technology',
  'education',
  'law',
  'finance',
  'sports',
  'general',
];
/** The keys of the SPEC 1 example pair, in the order it writes them. */
const SPEC_PAIR_ORDER = [
  'id',
  'task',
  'prompt_type',
  'response_type',
  'traits',
  'status',
  'system',
  'context',
  'examples',
  'labels',
  'prompt',
  'response',
  'prompt_length',
  'author',
  'reviewer',
  'review',
  'tags',
];
const LEVELS: FieldLevel[] = ['file', 'pair', 'example', 'review'];
const ALL: readonly FieldSpec[] = FIELDS;

/** A value of the field's shape that its schema accepts. */
function sample(f: FieldSpec): unknown {
  switch (f.shape) {
    case 'version':
      return 1;
    case 'id':
      return 'hc-0001';
    case 'text':
      return 'Some text.';
    case 'value':
      return f.pattern ? 'pt-BR' : 'someone';
    case 'closed':
      return f.values![0].value;
    case 'list':
      return ['a', 'b'];
    case 'closed-list':
      return f.values!.map((v) => v.value);
    case 'flag':
      return false;
    case 'entries':
      return [fullMap(f.entry!)];
    case 'defaults':
      return fullMap('pair', (d) => d.inDefaults === true);
  }
}

/** A map with every key of a level (that passes `keep`). */
function fullMap(
  level: FieldLevel,
  keep: (f: FieldSpec) => boolean = () => true,
): Record<string, unknown> {
  return Object.fromEntries(
    fieldsAt(level)
      .filter(keep)
      .map((f) => [f.key, sample(f)]),
  );
}

function fullFile(
  pair: Record<string, unknown>,
  defaults?: Record<string, unknown>,
): Record<string, unknown> {
  return { sft: 1, ...(defaults ? { defaults } : {}), pairs: [pair] };
}

describe('the field table', () => {
  it('holds every closed vocabulary of SPEC 1.1, exactly, and the default domain list', () => {
    for (const [key, expected] of Object.entries(SPEC_VALUES))
      assert.deepEqual(
        closedValues(key)?.map((v) => v.value),
        expected,
        key,
      );
    const closed = ALL.filter((f) => f.shape === 'closed' || f.shape === 'closed-list').map(
      (f) => f.key,
    );
    assert.deepEqual(closed.sort(), Object.keys(SPEC_VALUES).sort());
    assert.deepEqual(
      fieldSpec('domain')?.values?.map((v) => v.value),
      SPEC_DOMAINS,
    );
    assert.equal(closedValues('domain'), undefined, 'domain is an open set');
  });

  it('gives every key and every value a one-line meaning', () => {
    for (const f of ALL) {
      assert.match(f.meaning, /^[A-Z].*\.$/, f.key);
      assert.ok(!f.meaning.includes('\n'), f.key);
      for (const v of f.values ?? [])
        assert.match(v.description, /^[A-Z][^\n]*\.$/, `${f.key}: ${v.value}`);
    }
  });

  it('names each key once, so each level has one total order, and keeps the SPEC example order', () => {
    assert.equal(new Set(ALL.map((f) => f.key)).size, ALL.length);
    for (const level of LEVELS)
      assert.deepEqual(
        fieldsAt(level),
        ALL.filter((f) => f.level === level),
        level,
      );
    assert.deepEqual(
      PAIR_KEYS.filter((k) => SPEC_PAIR_ORDER.includes(k)),
      SPEC_PAIR_ORDER,
    );
    assert.deepEqual([...PAIR_KEYS].sort(), [...SPEC_PAIR_ORDER, 'domain', 'language'].sort());
  });

  it('is consistent: columns only where a shape has them', () => {
    for (const f of ALL) {
      assert.equal(f.entry !== undefined, f.shape === 'entries', `${f.key}: entry`);
      if (f.values)
        assert.ok(
          f.shape === 'closed' || f.shape === 'closed-list' || f.key === 'domain',
          `${f.key}: values`,
        );
      if (f.shape === 'closed' || f.shape === 'closed-list')
        assert.ok(f.values?.length, `${f.key}: values`);
      if (f.inDefaults || f.annotation || f.coverage !== undefined || f.writing)
        assert.equal(f.level, 'pair', f.key);
      if (f.writing) assert.equal(f.shape, 'text', f.key);
    }
    assert.deepEqual(TEXT_FIELDS, ['system', 'context', 'prompt', 'response']);
    assert.deepEqual(REVIEW_KEYS, ['by', 'note', 'resolved']);
    assert.deepEqual(ANNOTATION_KEYS, [
      'task',
      'prompt_type',
      'response_type',
      'domain',
      'language',
      'traits',
      'status',
      'prompt_length',
      'author',
      'reviewer',
    ]);
  });

  it('orders coverage by its own places, 1 to n', () => {
    const counted = ALL.filter((f) => f.coverage !== undefined);
    assert.deepEqual(
      counted.map((f) => f.coverage).sort((a, b) => a! - b!),
      counted.map((_, i) => i + 1),
    );
    assert.deepEqual(COVERAGE_KEYS, [
      'task',
      'prompt_type',
      'response_type',
      'prompt_length',
      'domain',
      'language',
      'traits',
      'status',
      'author',
    ]);
  });

  it('checks values by the table: closed lists, the language pattern, anything for open keys', () => {
    assert.ok(isValidValue('task', 'closed_qa'));
    assert.ok(!isValidValue('task', 'constructor'));
    assert.ok(isValidValue('traits', 'persona'));
    assert.ok(isValidValue('language', 'pt-BR'));
    assert.ok(!isValidValue('language', 'English'));
    assert.ok(isValidValue('domain', 'astrology'));
    assert.equal(describeValue('domain', 'law'), 'Laws, rights, courts, contracts.');
    assert.equal(describeValue('status', 'constructor'), undefined);
  });
});

describe('the zod schemas derived from the field table', () => {
  it('accept a file with every key at every level, and each pair key alone with prompt and response', () => {
    const file = schemas().sftFile;
    const r = file.safeParse(
      fullFile(
        fullMap('pair'),
        fullMap('pair', (f) => f.inDefaults === true),
      ),
    );
    assert.ok(r.success, JSON.stringify(!r.success && r.error.issues));
    for (const f of fieldsAt('pair')) {
      const pair = { prompt: 'p', response: 'r', id: 'x', [f.key]: sample(f) };
      assert.ok(file.safeParse(fullFile(pair)).success, f.key);
    }
  });

  it('refuse any key the table does not list, at every level', () => {
    const file = schemas().sftFile;
    assert.ok(!file.safeParse({ ...fullFile(fullMap('pair')), extra: 1 }).success, 'file');
    assert.ok(!file.safeParse(fullFile({ ...fullMap('pair'), extra: 1 })).success, 'pair');
    const withEntry = (key: string, level: FieldLevel) =>
      fullFile({ ...fullMap('pair'), [key]: [{ ...fullMap(level), extra: 1 }] });
    assert.ok(!file.safeParse(withEntry('examples', 'example')).success, 'example');
    assert.ok(!file.safeParse(withEntry('review', 'review')).success, 'review note');
  });

  it('let defaults hold exactly the keys the table allows there', () => {
    const file = schemas().sftFile;
    const pair = fullMap('pair');
    for (const f of fieldsAt('pair')) {
      const ok = file.safeParse(fullFile(pair, { [f.key]: sample(f) })).success;
      assert.equal(ok, f.inDefaults === true, f.key);
      assert.equal(ok, (DEFAULT_KEYS as readonly string[]).includes(f.key), f.key);
    }
  });

  it('require exactly the keys the table requires', () => {
    const file = schemas().sftFile;
    for (const level of LEVELS) {
      for (const f of fieldsAt(level)) {
        const drop = (m: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(m).filter(([k]) => k !== f.key));
        const pair = fullMap('pair');
        const doc =
          level === 'file'
            ? drop(fullFile(pair))
            : level === 'pair'
              ? fullFile(drop(pair))
              : fullFile({
                  ...pair,
                  [level === 'example' ? 'examples' : 'review']: [drop(fullMap(level))],
                });
        assert.equal(file.safeParse(doc).success, !f.required, `${level}.${f.key}`);
      }
    }
  });

  it('take exactly the closed values for a closed key', () => {
    const file = schemas().sftFile;
    for (const [key, values] of Object.entries(SPEC_VALUES)) {
      const as = (v: string) => (fieldSpec(key)!.shape === 'closed-list' ? [v] : v);
      for (const v of values)
        assert.ok(
          file.safeParse(fullFile({ ...fullMap('pair'), [key]: as(v) })).success,
          `${key}: ${v}`,
        );
      assert.ok(
        !file.safeParse(fullFile({ ...fullMap('pair'), [key]: as('nope') })).success,
        `${key}: nope`,
      );
    }
  });
});

describe('effectiveField', () => {
  const FILE = `sft: 1
defaults:
  task: closed_qa
  language: en
  labels: [a, b]
pairs:
  - id: own
    task: summarization
    prompt: p
    response: r
  - id: inherits
    prompt: p
    response: r
  - id: empty
    task:
    prompt: p
    response: r
`;
  const model = parseSft(FILE);
  const [own, inherits, empty] = model.pairs;
  const effective = (pair: (typeof model.pairs)[number], key: string) =>
    scalarText(effectiveField(model, pair, key)?.value);

  it("is the pair's own value, else the defaults'", () => {
    assert.equal(effective(own, 'task'), 'summarization');
    assert.equal(effectiveField(model, own, 'task'), own.fields.get('task'));
    assert.equal(effective(inherits, 'task'), 'closed_qa');
    assert.equal(effectiveField(model, inherits, 'task'), model.defaults.get('task'));
    assert.equal(effective(own, 'language'), 'en');
    assert.equal(effectiveField(model, own, 'status'), undefined);
  });

  it('an empty key on the pair hides the default', () => {
    assert.equal(effectiveField(model, empty, 'task'), empty.fields.get('task'));
    assert.equal(effective(empty, 'task'), undefined);
  });

  it('takes from defaults only the keys defaults may set', () => {
    assert.ok(model.defaults.has('labels'));
    assert.equal(effectiveField(model, inherits, 'labels'), undefined);
    assert.equal(effectiveField(model, inherits, 'constructor'), undefined);
    assert.equal(effective(inherits, 'prompt'), 'p');
  });
});
