import { strict as assert } from 'node:assert';
import { loadGuidelines } from '../../../src/core/guidelines';
import { jsonSchemas } from '../../../src/core/json-schemas';
import { RULE_METAS } from '../../../src/core/rules/index';
import { applyEdits, cleanPair, lint, sftFile } from '../helpers';

const HEAD = 'sft-guidelines: 1\n';

/** Each problem as [rule, message, the text it points at], from guidelines checked against every rule. */
function problemsOf(text: string): Array<[string, string, string]> {
  return loadGuidelines(text, 'sft.guidelines.yaml', RULE_METAS).problems.map((p) => [
    p.rule,
    p.message,
    text.slice(p.start, p.end),
  ]);
}

const doubled = (word: string) =>
  sftFile(
    cleanPair('a').replace(
      /response: .*/,
      `response: It was ${word} ${word} good, and the answer goes on long enough to be a descriptive one.`,
    ),
  );

describe("rule settings are checked against each rule's own options", () => {
  it("the issue's example: an unknown option and an unknown rule id, each at its place", () => {
    const text = `${HEAD}rules: {repetition: {allwo: x}, no-such-rule: error}\n`;
    assert.deepEqual(problemsOf(text), [
      [
        'unknown-key',
        'Unknown key "allwo" in rules.repetition; did you mean "allow"? Expected allow or fields.',
        'allwo',
      ],
      ['unknown-key', 'Unknown rule "no-such-rule" in rules.', 'no-such-rule'],
    ]);
  });

  it("an unknown rule id gets a did-you-mean and a fix; a project pattern's id and `internal` are known", () => {
    const text = `${HEAD}patterns:\n  - id: no-opinion\n    regex: 'I think'\n    message: m\nrules:\n  repetiton: error\n  no-opinon: off\n  no-opinion: error\n  internal: warning\n`;
    const { problems } = loadGuidelines(text, 'sft.guidelines.yaml', RULE_METAS);
    assert.deepEqual(
      problems.map((p) => [p.rule, p.severity, p.message, text.slice(p.start, p.end)]),
      [
        [
          'unknown-key',
          'warning',
          'Unknown rule "repetiton" in rules; did you mean "repetition"?',
          'repetiton',
        ],
        [
          'unknown-key',
          'warning',
          'Unknown rule "no-opinon" in rules; did you mean "no-opinion"?',
          'no-opinon',
        ],
      ],
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('repetiton:', 'repetition:'),
    );
  });

  it('an ill-typed option is reported at its value, with what the rule takes', () => {
    assert.deepEqual(problemsOf(`${HEAD}rules:\n  repetition: { allow: 5 }\n`), [
      ['schema', 'rules.repetition.allow: expected a list whose items are text, got 5', '5'],
    ]);
    assert.deepEqual(
      problemsOf(`${HEAD}rules:\n  harmful-term: { fields: [respones], builtin: no }\n`),
      [
        [
          'schema',
          'rules.harmful-term.fields[0]: expected system, context, prompt, response, examples, examples.input, examples.output, labels, input or output, got "respones"; did you mean "response"?',
          'respones',
        ],
        ['schema', 'rules.harmful-term.builtin: expected true or false, got "no"', 'no'],
      ],
    );
    assert.deepEqual(
      problemsOf(`${HEAD}rules:\n  response-type-mismatch: { short_phrase_max_words: 0 }\n`).map(
        (p) => p[2],
      ),
      ['0'],
    );
  });

  it('a rule without options takes a severity only', () => {
    assert.deepEqual(problemsOf(`${HEAD}rules:\n  pii: { severity: error, threshold: 0.5 }\n`), [
      ['unknown-key', 'Unknown key "threshold" in rules.pii', 'threshold'],
    ]);
  });

  it("a bad setting falls back to the rule's defaults; its severity and the other rules' settings still apply", () => {
    const { guidelines: g } = loadGuidelines(
      `${HEAD}rules:\n  repetition: { severity: error, allow: [very, 3] }\n  pii: bogus\n  formatting: info\n`,
      undefined,
      RULE_METAS,
    );
    assert.deepEqual(g.rules.get('repetition'), { severity: 'error', options: {} });
    assert.equal(g.rules.has('pii'), false);
    assert.equal(g.rules.get('formatting')?.severity, 'info');
    // With the default allowed list, "very very" is a doubled word, reported as an error.
    assert.deepEqual(
      lint(doubled('very'), { guidelines: g, only: 'repetition' }).map((p) => p.severity),
      ['error'],
    );
  });

  it('the linter drops options a rule refuses even when the guidelines were loaded unchecked (an index worker)', () => {
    const unchecked = loadGuidelines(
      `${HEAD}rules:\n  repetition: { allow: [very, 3] }\n`,
    ).guidelines;
    assert.deepEqual(unchecked.rules.get('repetition')?.options, { allow: ['very', 3] });
    assert.equal(lint(doubled('very'), { guidelines: unchecked, only: 'repetition' }).length, 1);
    const valid = loadGuidelines(`${HEAD}rules:\n  repetition: { allow: [very] }\n`).guidelines;
    assert.equal(lint(doubled('very'), { guidelines: valid, only: 'repetition' }).length, 0);
  });

  it('the JSON Schema of the guidelines lists every rule with its own options', () => {
    const schema = JSON.parse(jsonSchemas()['sft-guidelines.schema.json']) as {
      properties: {
        rules: {
          properties: Record<
            string,
            {
              anyOf: Array<{
                properties?: Record<string, unknown>;
                additionalProperties?: boolean;
              }>;
            }
          >;
        };
      };
    };
    const rules = schema.properties.rules.properties;
    assert.deepEqual(Object.keys(rules).sort(), RULE_METAS.map((m) => m.id).sort());
    const object = (id: string) => rules[id].anyOf.find((o) => o.properties)!;
    assert.deepEqual(Object.keys(object('repetition').properties!), [
      'severity',
      'allow',
      'fields',
    ]);
    assert.deepEqual(Object.keys(object('near-duplicate').properties!), ['severity', 'threshold']);
    assert.equal(object('pii').additionalProperties, false);
  });
});
