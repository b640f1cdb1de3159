import { strict as assert } from 'node:assert';
import { loadGuidelines } from '../../../src/core/guidelines';
import { applyEdits } from '../helpers';
import { RULE_METAS } from '../../../src/core/rules/index';

/** Each problem as [rule, message, the text it points at]. */
function problemsOf(text: string): Array<[string, string, string]> {
  return loadGuidelines(text, 'sft.guidelines.yaml', RULE_METAS).problems.map((p) => [
    p.rule,
    p.message,
    text.slice(p.start, p.end),
  ]);
}

const HEAD = 'sft-guidelines: 1\n';
const SEVERITY = 'off, info, warning or error';
const SHARE = 'a share from 0% to 100%, like 15% or 0.15';

describe('guidelines validation messages say what is allowed, at the place at fault', () => {
  const cases: Array<[yaml: string, problems: Array<[string, string, string]>]> = [
    // Unions: a scalar is held against every option; a map against the option that takes maps.
    [
      'rules: { repetition: bogus }',
      [
        [
          'schema',
          `rules.repetition: expected ${SEVERITY}, or { severity, ... }, got "bogus"`,
          'bogus',
        ],
      ],
    ],
    [
      'rules: { repetition: wraning }',
      [
        [
          'schema',
          `rules.repetition: expected ${SEVERITY}, or { severity, ... }, got "wraning"; did you mean "warning"?`,
          'wraning',
        ],
      ],
    ],
    [
      'rules: { repetition: 3 }',
      [['schema', `rules.repetition: expected ${SEVERITY}, or { severity, ... }, got 3`, '3']],
    ],
    [
      'rules: { repetition: { severity: bogus } }',
      [['schema', `rules.repetition.severity: expected ${SEVERITY}, got "bogus"`, 'bogus']],
    ],
    [
      'rules: { near-duplicate: { threshold: high } }',
      [
        [
          'schema',
          'rules.near-duplicate.threshold: expected a number from 0 to 1, got "high"',
          'high',
        ],
      ],
    ],
    [
      'rules: [repetition]',
      [
        [
          'schema',
          `rules: expected a map whose values are ${SEVERITY}, or { severity, ... }, got a list`,
          '[repetition]',
        ],
      ],
    ],
    [
      'harmful_terms: ["", 3, { text: a, severity: loud }]',
      [
        [
          'schema',
          'harmful_terms[0]: expected non-empty text, or { text, message, severity }, got ""',
          '""',
        ],
        [
          'schema',
          'harmful_terms[1]: expected non-empty text, or { text, message, severity }, got 3',
          '3',
        ],
        ['schema', `harmful_terms[2].severity: expected ${SEVERITY}, got "loud"`, 'loud'],
      ],
    ],
    // Enums and literals.
    [
      'annotations: { tasks: [generation, rewritting] }',
      [
        [
          'schema',
          'annotations.tasks[1]: expected generation, brainstorming, open_qa, rewriting, summarization, open_classification, closed_classification, closed_qa, extraction or chain_of_thought, got "rewritting"; did you mean "rewriting"?',
          'rewritting',
        ],
      ],
    ],
    [
      'response: { tokenizer: gpt2 }',
      [['schema', 'response.tokenizer: expected o200k_base or cl100k_base, got "gpt2"', 'gpt2']],
    ],
    // Numbers, with their bounds as a writer counts.
    [
      'length: { short: 0, long: 1.5 }',
      [
        ['schema', 'length.short: expected a whole number of at least 1, got 0', '0'],
        ['schema', 'length.long: expected a whole number of at least 1, got 1.5', '1.5'],
      ],
    ],
    [
      'length: { short: "100" }',
      [['schema', 'length.short: expected a whole number of at least 1, got "100"', '"100"']],
    ],
    [
      'response: { min_words: -2, max_tokens: lots }',
      [
        [
          'schema',
          'response.min_words: expected a whole number of at least 0, or a map whose values are a whole number of at least 0, got -2',
          '-2',
        ],
        [
          'schema',
          'response.max_tokens: expected a whole number of at least 1, got "lots"',
          'lots',
        ],
      ],
    ],
    [
      'rules: { near-duplicate: { threshold: 2 } }',
      [['schema', 'rules.near-duplicate.threshold: expected a number from 0 to 1, got 2', '2']],
    ],
    // Percentages in targets, and target keys of closed annotations.
    [
      'targets: { total: -5, task: { generation: 15 pct, open_qa: -3, closed_qa: 150%, extraction: 101 } }',
      [
        ['schema', 'targets.total: expected a whole number of at least 0, got -5', '-5'],
        ['schema', `targets.task.generation: expected ${SHARE}, got "15 pct"`, '15 pct'],
        ['schema', `targets.task.open_qa: expected ${SHARE}, got -3`, '-3'],
        ['schema', `targets.task.closed_qa: expected ${SHARE}, got "150%"`, '150%'],
        ['schema', `targets.task.extraction: expected ${SHARE}, got 101`, '101'],
      ],
    ],
    [
      'targets: { task: { rewritting: 10% } }',
      [
        [
          'unknown-key',
          'Unknown key "rewritting" in targets.task; did you mean "rewriting"? Expected generation, brainstorming, open_qa, rewriting, summarization, open_classification, closed_classification, closed_qa, extraction or chain_of_thought.',
          'rewritting',
        ],
      ],
    ],
    [
      'targets: { language: { english: 10% } }',
      [
        [
          'schema',
          'targets.language: key "english" is not allowed; expected a BCP 47 language tag (en, hi, fr, pt-BR ...)',
          'english',
        ],
      ],
    ],
    // Strings: types, patterns, missing keys.
    [
      'annotations: { languages: [english, en], required: id }',
      [
        ['schema', 'annotations.required: expected a list whose items are text, got "id"', 'id'],
        [
          'schema',
          'annotations.languages[0]: expected a BCP 47 language tag (en, hi, fr, pt-BR ...), got "english"',
          'english',
        ],
      ],
    ],
    ['name:', [['schema', 'name: expected text, got an empty value', '']]],
    [
      'patterns:\n  - { id: No_Opinion, regex: x, message: m }\n  - { regex: y }',
      [
        [
          'schema',
          'patterns[0].id: expected a rule id of lowercase letters, digits and - (like no-first-person), got "No_Opinion"',
          'No_Opinion',
        ],
        [
          'schema',
          'patterns[1].id is missing; expected a rule id of lowercase letters, digits and - (like no-first-person)',
          '{ regex: y }',
        ],
        ['schema', 'patterns[1].message is missing; expected text', '{ regex: y }'],
      ],
    ],
    [
      'banned_phrases: [x]',
      [['schema', `banned_phrases[0]: expected { text, message, fields, severity }, got "x"`, 'x']],
    ],
    // Unknown keys at any depth, with what is allowed there.
    [
      'length: { shrot: 10 }',
      [
        [
          'unknown-key',
          'Unknown key "shrot" in length; did you mean "short"? Expected short or long.',
          'shrot',
        ],
      ],
    ],
  ];
  for (const [yaml, want] of cases) {
    it(yaml.replace(/\n\s*/g, ' '), () => {
      assert.deepEqual(problemsOf(HEAD + yaml + '\n'), want);
    });
  }

  it('the file as a whole: not a map, no version', () => {
    assert.deepEqual(problemsOf('- a\n- b\n'), [
      [
        'schema',
        'The guidelines file: expected a map of settings that starts with `sft-guidelines: 1`, got a list',
        '- a\n- b\n',
      ],
    ]);
    assert.deepEqual(problemsOf('sft-guidelines: 2\n'), [
      [
        'schema',
        'sft-guidelines: expected 1 (the file starts with `sft-guidelines: 1`), got 2',
        '2',
      ],
    ]);
    assert.deepEqual(
      problemsOf('name: x\n').map((p) => p[1]),
      ['sft-guidelines is missing; expected 1 (the file starts with `sft-guidelines: 1`)'],
    );
    const top = problemsOf(`${HEAD}lenght: { short: 10 }\n`);
    assert.deepEqual(top, [
      [
        'unknown-key',
        'Unknown key "lenght"; did you mean "length"? Expected sft-guidelines, name, handbook, annotations, length, response, targets, rules, banned_phrases, harmful_terms or patterns.',
        'lenght',
      ],
    ]);
  });

  it('an unknown key offers the key it is close to as a fix, at any depth', () => {
    const text = `${HEAD}targets:\n  task: { rewritting: 10% }\n`;
    const [p] = loadGuidelines(text).problems;
    assert.equal(
      applyEdits(text, p.fixes![0].edits),
      `${HEAD}targets:\n  task: { rewriting: 10% }\n`,
    );
  });

  it('an unknown or malformed key leaves the rest of the guidelines in force', () => {
    const { guidelines: g } = loadGuidelines(
      `${HEAD}name: Batch 3\nannotations: { domains: [law] }\nlength: { shrot: 10, long: 400 }\ntargets:\n  task: { rewritting: 10%, generation: 20% }\n  language: { english: 5%, en: 50% }\n`,
    );
    assert.equal(g.name, 'Batch 3');
    assert.deepEqual(g.domains, ['law']);
    assert.equal(g.length.long, 400);
    assert.deepEqual(g.targets.shares.task, { generation: 0.2 });
    assert.deepEqual(g.targets.shares.language, { en: 0.5 });
  });
});
