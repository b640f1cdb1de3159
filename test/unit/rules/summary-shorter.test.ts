import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'summary-shorter';

describe('summary-shorter', () => {
  it('fires when the summary is as long as the context, with both counts', () => {
    const text = sftFile(
      'id: a\ntask: summarization\ncontext: The cat sat on the mat.\nprompt: Summarize.\nresponse: A cat was sitting on a mat today.\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['A cat was sitting on a mat today.']);
    assert.match(problems[0].message, /the response has 8 words, the context 6/);
    assert.equal(problems[0].severity, 'warning');
  });

  it('uses the prompt when there is no context; exact ranges in a CRLF folded block', () => {
    const text = sftFile(
      'id: a\ntask: summarization\nprompt: "Sum up: \\"big\\" news"\nresponse: >\n  The news was big and\n  important for everyone.\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'The news was big and\r\n      important for everyone.',
    ]);
    assert.match(problems[0].message, /the prompt 4/);
  });

  it('counts words in scripts without spaces', () => {
    const text = sftFile(
      'id: a\ntask: summarization\ncontext: 猫が座った。\nprompt: 要約して\nresponse: |\n  猫がマットの上に静かに座っていた。🎉\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['猫がマットの上に静かに座っていた。🎉']);
  });

  it('does not fire on a shorter summary, a missing source, or other tasks', () => {
    const texts = [
      sftFile(
        'id: a\ntask: summarization\ncontext: |\n  مرحبا بالعالم الجميل. The quarterly report shows revenue grew by ten percent while costs fell.\nprompt: Summarize.\nresponse: Revenue up, costs down.\n',
      ),
      sftFile('id: a\ntask: summarization\nprompt: ""\nresponse: Something.\n'),
      sftFile(
        'id: a\ntask: rewriting\ncontext: Hi.\nprompt: Rewrite.\nresponse: Hello there my friend.\n',
      ),
    ];
    for (const text of texts) assert.deepEqual(lint(text, { only }), []);
  });
});
