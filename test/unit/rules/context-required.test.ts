import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'context-required';
const longPassage = Array.from({ length: 110 }, (_, i) => `word${i}`).join(' ');

describe('context-required', () => {
  for (const task of ['closed_qa', 'extraction', 'summarization']) {
    it(`fires for ${task} without a context, on the task value`, () => {
      const text = sftFile(
        `id: a\ntask: ${task}\nprompt: What year was it founded?\nresponse: 1901.\n`,
      );
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), [task]);
      assert.equal(problems[0].severity, 'warning');
    });
  }

  it('fires on a blank context, and in CRLF files', () => {
    const text = sftFile(
      'id: a\ntask: closed_qa\ncontext: "  "\nprompt: Q?\nresponse: A.\n',
    ).replace(/\n/g, '\r\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['closed_qa']);
  });

  it('points at the prompt key when the task comes from defaults', () => {
    const text =
      'sft: 1\ndefaults:\n  task: extraction\npairs:\n  - id: a\n    prompt: List the names.\n    response: Ann, Bob.\n';
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['prompt']);
    assert.match(problems[0].message, /from defaults/);
  });

  it('a short prompt with a passage after a colon is not enough', () => {
    const text = sftFile(
      'id: a\ntask: summarization\nprompt: |\n  Summarize:\n  The cat sat.\nresponse: A cat sat.\n',
    );
    assert.equal(lint(text, { only }).length, 1);
  });

  it('does not fire with a context, with a long prompt carrying its passage, or for other tasks', () => {
    const withContext = sftFile(
      'id: a\ntask: closed_qa\ncontext: |\n  مرحبا 🎉 The school was founded in 1901.\nprompt: When?\nresponse: 1901.\n',
    );
    const inline = sftFile(
      `id: a\ntask: summarization\nprompt: |\n  Summarize the following passage:\n  ${longPassage}\nresponse: Short.\n`,
    );
    const other = sftFile('id: a\ntask: open_qa\nprompt: Why?\nresponse: Because.\n');
    for (const text of [withContext, inline, other]) assert.deepEqual(lint(text, { only }), []);
  });

  it('a short article or story set off in the prompt is a passage too', () => {
    const headline = sftFile(
      "id: a\ntask: summarization\nprompt: |\n  australia 's current account deficit shrunk by a record #.## billion dollars -lrb- #.## billion us -rrb- in the june quarter due to soaring commodity prices , figures released monday showed .\n\n  TL;DR:\nresponse: australian current account deficit narrows sharply\n",
    );
    const story = sftFile(
      "id: a\ntask: closed_qa\nprompt: |\n  Rachel's theme was relaxed, like lounge music. Harvey Dent's was like a hero riding on a stallion after defeating an enemy.\n  What was Harvey Dent's transportation?\n  Pick the best answer from the following options:\n  - a male horse .\n  - An airplane .\nresponse: a male horse .\n",
    );
    const sentence = sftFile(
      "id: a\ntask: summarization\nprompt: |\n  malaysia 's financial markets are closed on monday for a public holiday .\n\n  TL;DR:\nresponse: malaysia markets closed for holiday\n",
    );
    for (const text of [headline, story, sentence]) assert.deepEqual(lint(text, { only }), []);
  });
});
