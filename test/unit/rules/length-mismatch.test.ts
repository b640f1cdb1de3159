import { strict as assert } from 'node:assert';
import { applyEdits, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'length-mismatch';
const guidelines = guidelinesFrom('sft-guidelines: 1\nlength: { short: 4, long: 8 }\n');

describe('length-mismatch', () => {
  it('fires when the declared bucket differs from the counted one; the fix sets the counted bucket', () => {
    const text = sftFile(
      'id: a\nprompt_length: long\nsystem: You help.\nprompt: |\n  Name three birds.\nresponse: r\n',
    );
    const problems = lint(text, { only, guidelines });
    assert.deepEqual(spans(text, problems), ['long']);
    assert.equal(
      problems[0].message,
      'prompt_length is long, but the model reads 5 words before answering (system, context, examples and prompt), which is medium (short < 4, medium 4 to 8, long > 8 words).',
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('prompt_length: long', 'prompt_length: medium'),
    );
  });

  it('counts context and examples, folded and quoted scalars, CRLF and CJK text', () => {
    const text = sftFile(
      'id: a\ncontext: >\n  one two\n  three\nexamples:\n  - input: "four \\"five\\""\n    output: six\nprompt: 今日は良い天気です\nresponse: r\nprompt_length: short\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only, guidelines });
    assert.deepEqual(spans(text, problems), ['short']);
    assert.match(problems[0].message, /which is long/);
  });

  it('does not fire when the bucket matches, when undeclared, or when the value is not a bucket', () => {
    const text = sftFile(
      'id: a\nprompt_length: short\nprompt: "🎉 שלום"\nresponse: r\n',
      'id: b\nprompt: p\nresponse: r\n',
      'id: c\nprompt_length: huge\nprompt: p\nresponse: r\n',
    );
    assert.deepEqual(lint(text, { only, guidelines }), []);
  });
});
