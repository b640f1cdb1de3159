import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'missing-annotation';

describe('missing-annotation', () => {
  it('fires once per pair at its first line, listing the missing keys', () => {
    const text = sftFile('id: a\ntask: open_qa\nprompt: p\nresponse: r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['- id']);
    assert.equal(
      problems[0].message,
      'Missing annotations prompt_type, response_type, domain, language (required by default); set them on the pair or in defaults.',
    );
    assert.equal(problems[0].severity, 'warning');
  });

  it('counts annotations set in defaults as present', () => {
    const text = `sft: 1\ndefaults:\n  prompt_type: instructive\n  response_type: descriptive\n  domain: science\n  language: en\npairs:\n  - id: a\n    task: open_qa\n    prompt: p\n    response: r\n`;
    assert.deepEqual(lint(text, { only }), []);
  });

  it('fires on an empty key at the key, even when defaults set it', () => {
    const text = `sft: 1\ndefaults:\n  domain: science\npairs:\n${sftFile(cleanPair('a').replace('domain: science', 'domain:')).split('pairs:\n')[1]}`;
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['domain']);
    assert.match(problems[0].message, /domain is empty/);
  });

  it('follows the guidelines, skips id, and fixes a missing prompt_length with the counted bucket', () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nannotations:\n  required: [id, task, prompt_length]\n',
    );
    const text = sftFile(
      'task: open_qa\nprompt: |\n  Why is the sky blue? 🌤️\nresponse: r\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only, guidelines: g });
    assert.deepEqual(spans(text, problems), ['- task']);
    assert.equal(
      problems[0].message,
      'Missing annotation prompt_length (required by the guidelines); set it on the pair or in defaults.',
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      `${text}    prompt_length: short\r\n`,
    );
  });

  it("suggests a task from the prompt's shape, with a fix fix-all leaves to the writer", () => {
    const g = guidelinesFrom('sft-guidelines: 1\nannotations:\n  required: [id, task]\n');
    const cases: Array<[string, string | undefined]> = [
      ['prompt: Summarize this email for my manager.', 'summarization ("Summarize")'],
      [
        "prompt: |\n  malaysia 's markets are closed on monday .\n\n  TL;DR:",
        'summarization ("TL;DR")',
      ],
      ['prompt: Rewrite this paragraph to make it more formal.', 'rewriting ("Rewrite")'],
      ['prompt: Extract the dates from the text below.', 'extraction ("Extract")'],
      ['prompt: Give me 5 ideas for a birthday party.', 'brainstorming ("Give me 5 ideas")'],
      ['prompt: Solve it step by step. What is 12 * 7?', 'chain_of_thought ("step by step")'],
      ['prompt: Write a poem about the sea.', 'generation ("Write a poem")'],
      [
        'labels: [positive, negative]\nprompt: Great film, awful ending.',
        'closed_classification (it lists labels)',
      ],
      [
        'prompt: What is the sentiment of this tweet?',
        'open_classification ("What is the sentiment")',
      ],
      [
        'context: The school opened in 1901.\nprompt: When did the school open?',
        'closed_qa (a question about its context)',
      ],
      // No clear cue: no suggestion, no fix.
      ['prompt: Why is the sky blue?', undefined],
      ['prompt: Tell me about Lisbon.', undefined],
    ];
    for (const [fields, expected] of cases) {
      const text = sftFile(`id: a\n${fields}\nresponse: Done.\n`);
      const [problem] = lint(text, { only, guidelines: g });
      if (expected === undefined) {
        assert.doesNotMatch(problem.message, /reads like/, fields);
        assert.equal(problem.fixes, undefined, fields);
        continue;
      }
      assert.ok(problem.message.endsWith(`The prompt reads like ${expected}.`), problem.message);
      const fix = problem.fixes![0];
      assert.equal(fix.title, `Set task to ${expected.split(' ')[0]}`);
      assert.equal(fix.preferred, undefined);
      assert.deepEqual(lint(applyEdits(text, fix.edits), { only, guidelines: g }), [], fields);
    }
  });

  it('does not fire on complete pairs (block, folded, quoted, non-Latin text) or on non-map items', () => {
    const text = sftFile(
      cleanPair('a'),
      cleanPair('b')
        .replace(/prompt: .*\n/, 'prompt: >\n  你好\n  世界\n')
        .replace(/response: .*\n/, 'response: "مرحبا \\"x\\"\\n"\n'),
    );
    assert.deepEqual(lint(text, { only }), []);
    assert.deepEqual(lint('sft: 1\npairs:\n  - text\n', { only }), []);
  });
});
