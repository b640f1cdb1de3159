import { strict as assert } from 'node:assert';
import { applyEdits, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'banned-phrase';
const crlf = (t: string) => t.replace(/\n/g, '\r\n');

function fixed(
  text: string,
  index = 0,
  guidelines = undefined as ReturnType<typeof guidelinesFrom> | undefined,
): string {
  const p = lint(text, { only, guidelines })[index];
  assert.ok(p?.fixes?.length, 'the problem has a fix');
  return applyEdits(text, p.fixes[0].edits);
}

describe('banned-phrase', () => {
  it('finds a built-in phrase in a plain response and removes it with one space', () => {
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: Sure. As an AI language model I cannot feel.\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['As an AI language model']);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /Banned phrase "As an AI language model" in the response/);
    assert.equal(fixed(text), sftFile('id: a\nprompt: Hi\nresponse: Sure. I cannot feel.\n'));
  });

  it('the longest phrase wins, and matching ignores case', () => {
    const text = sftFile('id: a\nprompt: Hi\nresponse: as an ai LANGUAGE model, no.\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['as an ai LANGUAGE model']);
  });

  it('removes the following space when the phrase starts the text, and capitalises what now starts it', () => {
    const text = sftFile('id: a\nprompt: Hi\nresponse: "Certainly! Here is the list."\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['Certainly! Here is']);
    assert.equal(fixed(text), sftFile('id: a\nprompt: Hi\nresponse: "The list."\n'));
  });

  it('matches a phrase broken across a folded line, and the fix leaves a valid block', () => {
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: >\n  The answer is 4. I hope\n  this helps\n  you.\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['I hope\n      this helps']);
    const out = fixed(text);
    assert.equal(out, sftFile('id: a\nprompt: Hi\nresponse: >\n  The answer is 4. You.\n'));
  });

  it('a phrase on a line of its own in a literal block goes with its line break', () => {
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: |\n  The answer is 4.\n  I hope this helps\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['I hope this helps']);
    assert.equal(fixed(text), sftFile('id: a\nprompt: Hi\nresponse: |\n  The answer is 4.\n'));
  });

  it('the same in a CRLF file', () => {
    const text = crlf(
      sftFile('id: a\nprompt: Hi\nresponse: >\n  The answer is 4. I hope\n  this helps\n  you.\n'),
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['I hope\r\n      this helps']);
    assert.equal(
      fixed(text),
      crlf(sftFile('id: a\nprompt: Hi\nresponse: >\n  The answer is 4. You.\n')),
    );
  });

  it('double-quoted scalars with escapes', () => {
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: "He said \\"hi\\".\\nAs an AI, I can\\u2019t know.\\nI hope this helps"\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['As an AI', 'I hope this helps']);
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      sftFile('id: a\nprompt: Hi\nresponse: "He said \\"hi\\".\\nAs an AI, I can\\u2019t know."\n'),
    );
  });

  it('either apostrophe matches', () => {
    const text = sftFile('id: a\nprompt: Hi\nresponse: Well, I’m just an AI.\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['I’m just an AI']);
  });

  it('non-Latin text around the phrase keeps exact ranges', () => {
    const text = sftFile('id: a\nprompt: Hi\nresponse: 🎉 مرحبا I hope this helps 你好 שלום\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['I hope this helps']);
    assert.equal(fixed(text), sftFile('id: a\nprompt: Hi\nresponse: 🎉 مرحبا 你好 שלום\n'));
  });

  it('does not fire on ordinary prose, other fields, or parts of words', () => {
    const text = sftFile(
      'id: a\nprompt: As an AI language model, what do you think?\nresponse: As an AI researcher I study models. I hope this helpsful.\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });

  it("adds the guidelines' phrases with their fields, message and severity", () => {
    const g = guidelinesFrom(`sft-guidelines: 1
banned_phrases:
  - text: great question
    message: No flattery.
    fields: [response, prompt]
    severity: error
`);
    const text = sftFile(
      'id: a\nprompt: Great   question here\nresponse: What a great\n  question!\n',
    );
    const problems = lint(text, { only, guidelines: g });
    assert.deepEqual(spans(text, problems), ['Great   question', 'great\n      question']);
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['error', 'error'],
    );
    assert.match(problems[0].message, /in the prompt: No flattery\./);
  });

  it('a guidelines entry with severity off turns a built-in phrase off', () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nbanned_phrases:\n  - text: I hope this helps\n    severity: off\n',
    );
    const text = sftFile('id: a\nprompt: Hi\nresponse: Done. I hope this helps.\n');
    assert.deepEqual(lint(text, { only, guidelines: g }), []);
    assert.equal(lint(text, { only }).length, 1);
  });

  it('can be silenced for a pair', () => {
    const text = sftFile(
      'id: a # sft-ignore banned-phrase: quoting the phrase on purpose\nprompt: Hi\nresponse: I hope this helps\n',
    );
    assert.deepEqual(lint(text, { only }), []);
  });
});
