import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'examples-required';

describe('examples-required', () => {
  it('fires for in_context without examples, on the prompt_type value', () => {
    const text = sftFile(
      'id: a\nprompt_type: in_context\nprompt: Translate "cat" to French.\nresponse: chat\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['in_context']);
    assert.equal(problems[0].severity, 'warning');
  });

  it('fires on the examples key when no example is complete', () => {
    const text = sftFile(
      'id: a\nprompt_type: in_context\nexamples:\n  - input: dog\n    output: ""\nprompt: cat\nresponse: chat\n',
    ).replace(/\n/g, '\r\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['examples']);
  });

  it('one inline Q/A pair is not enough', () => {
    const text = sftFile(
      'id: a\nprompt_type: in_context\nprompt: |\n  Q: 2+2?\n  A:\nresponse: "4"\n',
    );
    assert.equal(lint(text, { only }).length, 1);
  });

  it('does not fire with examples, with inline Input/Output or Q/A pairs, or for other prompt types', () => {
    const texts = [
      sftFile(
        'id: a\nprompt_type: in_context\nexamples:\n  - input: dog\n    output: chien\nprompt: cat\nresponse: chat\n',
      ),
      sftFile(
        'id: a\nprompt_type: in_context\nprompt: |\n  Input: dog\n  Output: chien\n  Input: cat\n  Output:\nresponse: chat\n',
      ),
      sftFile(
        'id: a\nprompt_type: in_context\nprompt: |\n  Q: 你好?\n  A: 🎉\n  q: مرحبا?\n  a:\nresponse: שלום\n',
      ),
      sftFile('id: a\nprompt_type: instructive\nprompt: Translate cat.\nresponse: chat\n'),
    ];
    for (const text of texts) assert.deepEqual(lint(text, { only }), []);
  });
});
