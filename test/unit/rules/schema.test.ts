import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, lint, services, sftFile, spans } from '../helpers';

const only = 'schema';

describe('schema', () => {
  describe('file level', () => {
    it('fires when sft is missing, not 1 or not first; fixes insert or correct it', () => {
      const missing = 'pairs:\n  - id: a\n    prompt: p\n    response: r\n';
      const [p] = lint(missing, { only });
      assert.equal(spans(missing, [p])[0], 'pairs');
      assert.equal(applyEdits(missing, p.fixes![0].edits), `sft: 1\n${missing}`);

      const wrong = 'sft: "2"\npairs: []\n';
      const [w] = lint(wrong, { only });
      assert.deepEqual(spans(wrong, [w]), ['"2"']);
      assert.equal(applyEdits(wrong, w.fixes![0].edits), 'sft: 1\npairs: []\n');

      const late = 'pairs: []\nsft: 1\n';
      assert.deepEqual(spans(late, lint(late, { only })), ['sft']);
    });

    it('keeps CRLF in the inserted line', () => {
      const text = '# comment\r\npairs: []\r\n';
      const [p] = lint(text, { only });
      assert.equal(applyEdits(text, p.fixes![0].edits), '# comment\r\nsft: 1\r\npairs: []\r\n');
    });

    it('fires on an empty file, a list at the top, a missing or wrong pairs, a wrong defaults', () => {
      assert.equal(lint('', { only }).length, 1);
      const list = '- a\n- b\n';
      assert.deepEqual(spans(list, lint(list, { only })), ['- a\n- b']);
      const noPairs = 'sft: 1\n';
      assert.deepEqual(spans(noPairs, lint(noPairs, { only })), ['sft']);
      const badPairs = 'sft: 1\npairs:\n  a: 1\n';
      assert.deepEqual(spans(badPairs, lint(badPairs, { only })), ['a: 1']);
      const badDefaults = 'sft: 1\ndefaults: [en]\npairs: []\n';
      assert.deepEqual(spans(badDefaults, lint(badDefaults, { only })), ['[en]']);
    });

    it('checks the types and repeats inside defaults', () => {
      const text =
        'sft: 1\ndefaults:\n  task: [open_qa]\n  traits: persona\n  language: en\n  language: hi\npairs: []\n';
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['[open_qa]', 'persona', 'language']);
      assert.equal(
        applyEdits(text, problems[1].fixes![0].edits),
        text.replace('traits: persona', 'traits: [persona]'),
      );
    });

    it('does not fire on a well-formed file, flow pairs and empty pairs', () => {
      for (const text of [
        sftFile(cleanPair('a'), cleanPair('b')),
        'sft: 1\ndefaults:\n  language: en\n  traits: [persona]\npairs: [{id: a, prompt: p, response: r}]\n',
        'sft: 1\npairs:\n',
        'sft: 1\npairs: []\n',
      ])
        assert.deepEqual(lint(text, { only }), [], text);
    });
  });

  describe('pair level', () => {
    it('fires on a pair that is not a map, or empty', () => {
      const text = 'sft: 1\npairs:\n  - just text\n  -\n  - [a, b]\n';
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['just text', '-', '[a, b]']);
      assert.match(problems[0].message, /not text/);
      assert.match(problems[2].message, /not a list/);
    });

    it("fires on missing prompt and response at the pair's first line", () => {
      const text = sftFile('id: a\ntask: open_qa\n');
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['- id', '- id']);
      assert.deepEqual(
        problems.map((p) => p.message),
        ['This pair has no prompt.', 'This pair has no response.'],
      );
    });

    it('fires on wrong value types with clear messages', () => {
      const text = sftFile(
        'id: a\ntask:\n  - open_qa\nprompt:\n  - Hi\nresponse: {a: 1}\nlabels: positive\ntags: [ok, [x]]\n',
      );
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['- open_qa', '- Hi', '{a: 1}', 'positive', '[x]']);
      assert.deepEqual(
        problems.map((p) => p.message),
        [
          'task takes one value, not a list.',
          'prompt must be text, not a list.',
          'response must be text, not a map.',
          'labels must be a list: [positive].',
          'Each tags item is one text value, not a list.',
        ],
      );
    });

    it('checks examples and review notes', () => {
      const text = sftFile(`id: a
examples:
  - input: in
  - output: out
    input: [x]
  - plain
review:
  - by: sam
    note: Fix the dose.
    resolved: yes
  - note: no reviewer
    resolved: false
prompt: p
response: r
`);
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['- input', '[x]', '- plain', 'yes', '- note']);
      assert.deepEqual(
        problems.map((p) => p.message),
        [
          'This example has no output.',
          'input must be text, not a list.',
          'Each examples item is a map with input and output, not text.',
          'resolved must be true or false, not "yes".',
          'This review note has no by.',
        ],
      );
      assert.equal(
        applyEdits(text, problems[3].fixes![0].edits),
        text.replace('resolved: yes', 'resolved: true'),
      );
    });

    it("checks a review note's keys by their shapes: one reviewer, a text note, an empty resolved", () => {
      const text = sftFile(`id: a
review:
  - by: [sam, kim]
    note: {a: b}
    resolved:
prompt: p
response: r
`);
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems).slice(0, 2), ['[sam, kim]', '{a: b}']);
      assert.deepEqual(
        problems.map((p) => p.message),
        [
          'by takes one value, not a list.',
          'note must be text, not a map.',
          'resolved must be true or false, not empty.',
        ],
      );
    });

    it('fires on ids that are numbers or use other characters; fixes quote or clean them', () => {
      const text = sftFile(
        'id: 0007\nprompt: p\nresponse: r\n',
        'id: "hc 01/a"\nprompt: p\nresponse: r\n',
        'id: hc-ü\nprompt: p\nresponse: r\n',
      );
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['0007', '"hc 01/a"', 'hc-ü']);
      assert.match(problems[0].message, /read as a number/);
      assert.equal(
        applyEdits(text, problems[0].fixes![0].edits),
        text.replace('id: 0007', 'id: "0007"'),
      );
      assert.equal(
        applyEdits(text, problems[1].fixes![0].edits),
        text.replace('"hc 01/a"', 'hc-01-a'),
      );
    });

    it('warns on text, values and list items YAML reads as numbers or true/false; fixes quote them', () => {
      const text = sftFile(
        'id: a\nprompt: Pi to two places?\nresponse: 3.10\nlabels: [1.0, 01, ok]\nauthor: 007\n',
        'id: b\nprompt: p\nresponse: 0x10\nsystem: true\ntags:\n  - 1e3\n',
        'id: c\nprompt: "3.10"\nresponse: yes\nexamples:\n  - input: 1\n    output: "2"\n',
      );
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), [
        '3.10',
        '1.0',
        '01',
        '007',
        '0x10',
        'true',
        '1e3',
        '1',
      ]);
      assert.ok(problems.every((p) => p.severity === 'warning'));
      assert.deepEqual(
        problems.slice(0, 2).map((p) => p.message),
        [
          'response 3.10 is read as a number; quote it ("3.10") so it stays text.',
          'labels item 1.0 is read as a number; quote it ("1.0") so it stays text.',
        ],
      );
      assert.match(problems[5].message, /^system true is read as true\/false; quote it/);
      assert.equal(
        applyEdits(text, problems[0].fixes![0].edits),
        text.replace('response: 3.10', 'response: "3.10"'),
      );
      assert.equal(
        applyEdits(text, problems[2].fixes![0].edits),
        text.replace('[1.0, 01, ok]', '[1.0, "01", ok]'),
      );
    });

    it('fires on a key repeated in a pair, at the repeat', () => {
      const text = sftFile('id: a\nprompt: p\nresponse: r\nprompt: q\n');
      const problems = lint(text, { only });
      assert.equal(problems.length, 1);
      assert.equal(text.slice(problems[0].start, problems[0].end), 'prompt');
      assert.ok(problems[0].start > text.indexOf('response'));
    });

    it('works in CRLF files, block and folded scalars, escapes and non-Latin text', () => {
      const good = sftFile(
        'id: a\nprompt: |\n  שלום 🎉\nresponse: >\n  你好\n  世界\nsystem: "say \\"hi\\"\\nnow"\n',
      ).replace(/\n/g, '\r\n');
      assert.deepEqual(lint(good, { only }), []);
      const bad = sftFile('id: a\nprompt: |\n  שלום\nresponse:\n  - 你好\n').replace(/\n/g, '\r\n');
      assert.deepEqual(spans(bad, lint(bad, { only })), ['- 你好']);
    });

    it('does not fire on well-formed pairs, empty optional fields or flow-map pairs', () => {
      const text = sftFile(
        cleanPair(
          'a',
          'traits: []\nlabels:\n  - positive\n  - negative\nreview:\n  - by: sam\n    note: ok\n    resolved: true\n',
        ),
        'id: b.c_d-1\nsystem:\nexamples:\nprompt: p\nresponse: r\n',
      );
      assert.deepEqual(lint(text, { only }), []);
      assert.deepEqual(
        lint('sft: 1\npairs:\n  - {id: a, prompt: p, response: r, traits: [persona]}\n', { only }),
        [],
      );
    });
  });
});

describe('structure, annotation and QA rules on odd input', () => {
  const RULES = [
    'schema',
    'unknown-key',
    'missing-id',
    'missing-annotation',
    'invalid-value',
    'length-mismatch',
    'response-type-mismatch',
    'disallowed-domain',
    'disallowed-language',
    'review-open',
    'status-invalid',
  ];
  const odd = [
    '',
    '---\n---\n',
    'sft: 1\npairs:\n  - constructor: x\n    __proto__: y\n    toString: z\n    task: constructor\n    language: __proto__\n    domain: hasOwnProperty\n',
    'sft: 1\ndefaults:\n  constructor: 1\n  task: toString\npairs: []\n',
    'sft: 1\npairs:\n  - id: &a x\n    prompt: *a\n    response: *a\n    review: *a\n',
    'sft: 1\npairs:\n  - ? [complex, key]\n    : value\n    id: a\n',
    'sft: 1\npairs:\n  - id: a\n    review: [1, [2], {by: [x], note: {a: 1}, resolved: {}}]\n    examples: [1, {input: [a]}]\n    status: approved\n',
    'sft: 1\npairs:\n  - id: a\n    prompt: "unterminated\n',
    'sft: 1\npairs: {a: 1}\ndefaults: 3\n',
    'sft: 1\npairs:\n\t- id: a\n',
    'sft: 1\npairs:\n  - id: a\n    response_type: descriptive\n    response: "' +
      '.'.repeat(5000) +
      '"\n',
  ];
  for (const text of odd) {
    it(`never throws: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const problems = lint(text);
      for (const p of problems.filter((x) => RULES.includes(x.rule))) {
        assert.ok(
          p.start >= 0 && p.end >= p.start && p.end <= text.length,
          `${p.rule} range in bounds`,
        );
        for (const f of p.fixes ?? [])
          for (const e of f.edits)
            assert.ok(
              e.start >= 0 && e.end >= e.start && e.end <= text.length,
              `${p.rule} fix in bounds`,
            );
      }
    });
  }
});

describe('structure, annotation and QA rules after an incremental edit', () => {
  it('report the same problems and fixes as a full lint', async () => {
    const { FileLinter } = await import('../../../src/core/lint');
    const { defaultGuidelines } = await import('../../../src/core/guidelines');
    const text = sftFile(
      'id: hc-0001\ntask: open-qa\nprompt: Hi\nresponse: Hello\n',
      'task: open_qa\nprompt_type: instructive\nresponse_type: one_word\ndomain: helthcare\nlanguage: english\nstatus: approved\nprompt_length: long\nprompt: |\n  Why?\nresponse: Two words\nreview:\n  - by: sam\n    note: Open.\ntsak: x\n',
      'id: hc-0003\nprompt: p\nresponse: r\n',
    ).replace(/\n/g, '\r\n');
    const linter = new FileLinter(defaultGuidelines(), services);
    const first = linter.lint(text);
    const at = text.indexOf('Why?') + 3;
    const edit = { start: at, end: at, newText: ' not' };
    const next = applyEdits(text, [edit]);
    const updated = linter.update(first, [edit], next);
    assert.ok(updated.model.pairs[1].base > 0, 'the pair was re-parsed on its own');
    const strip = (ps: typeof first.problems) =>
      ps.map((p) => ({
        rule: p.rule,
        span: next.slice(p.start, p.end),
        start: p.start,
        message: p.message,
        fixes: p.fixes,
      }));
    assert.deepEqual(strip(updated.problems), strip(linter.lint(next).problems));
    assert.ok(updated.problems.some((p) => p.rule === 'missing-id'));
  });
});
