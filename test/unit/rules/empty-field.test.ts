import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'empty-field';

describe('empty-field', () => {
  it('fires on blank text fields, pointing at key and value', () => {
    const text = sftFile('id: a\nsystem: ""\ncontext: "   "\nprompt:\nresponse: |\n\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'system: ""',
      'context: "   "',
      'prompt:',
      'response: |',
    ]);
    assert.ok(problems.every((p) => p.severity === 'error'));
    assert.match(problems[0].message, /`system` is empty: write it, or remove the key/);
  });

  it('fires on empty examples and labels', () => {
    const text = sftFile(
      'id: a\nexamples:\n  - input: "  "\n    output: ok\n  - input: x\n    output:\nlabels: [a, ""]\nprompt: Hi\nresponse: Hello\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['input: "  "', 'output:', '""']);
  });

  it('fires on empty lists', () => {
    const text = sftFile('id: a\nexamples: []\nlabels: []\nprompt: Hi\nresponse: Hello\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['examples: []', 'labels: []']);
  });

  it('works in CRLF files', () => {
    const text = sftFile('id: a\nprompt: Hi\nresponse: ""\n').replace(/\n/g, '\r\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['response: ""']);
  });

  it('does not fire on text, including text that is only emoji or non-Latin, or on absent fields', () => {
    const text = sftFile(
      'id: a\nprompt: "🎉"\nresponse: |\n  مرحبا\nexamples:\n  - input: 你好\n    output: שלום\nlabels: [0]\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });
});
