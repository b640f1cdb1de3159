import { strict as assert } from 'node:assert';
import { guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'harmful-term';

describe('harmful-term', () => {
  it('finds built-in profanity as whole words, any case', () => {
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: What the Fuck. Bullshit, shitty; not Scunthorpe or shitake.\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['Fuck', 'Bullshit', 'shitty']);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /Profanity/);
    assert.equal(problems[0].fixes, undefined);
  });

  it("adds the guidelines' lexicon, multi-word terms across folded lines, with severity", () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nharmful_terms:\n  - kill yourself\n  - text: idiot\n    message: Insulting.\n    severity: error\n',
    );
    const text = sftFile('id: a\nprompt: Hi\nresponse: >\n  You idiot, go kill\n  yourself.\n');
    const problems = lint(text, { only, guidelines: g });
    assert.deepEqual(spans(text, problems), ['idiot', 'kill\n      yourself']);
    assert.deepEqual(
      problems.map((p) => p.severity),
      ['error', 'warning'],
    );
    assert.match(problems[0].message, /Insulting\./);
  });

  it('exact ranges in literal, double-quoted, CRLF and non-Latin text', () => {
    const body =
      'id: a\nprompt: Hi\nresponse: |\n  🎉 مرحبا shit 你好\n  שלום bitch\nexamples:\n  - input: x\n    output: "\\"fuck\\"\\n"\n';
    const text = sftFile(body).replace(/\n/g, '\r\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['shit', 'bitch']);
    const g = guidelinesFrom(
      'sft-guidelines: 1\nrules:\n  harmful-term: { fields: [examples, response] }\n',
    );
    assert.deepEqual(spans(text, lint(text, { only, guidelines: g })), ['shit', 'bitch', 'fuck']);
  });

  it('does not fire in the prompt by default, or when the built-in list is off', () => {
    const text = sftFile(
      'id: a\nprompt: Why do people say shit?\nresponse: It is a mild expletive.\n',
    );
    assert.deepEqual(lint(text, { only }), []);
    const g = guidelinesFrom('sft-guidelines: 1\nrules:\n  harmful-term: { builtin: false }\n');
    const text2 = sftFile('id: a\nprompt: Hi\nresponse: shit\n');
    assert.deepEqual(lint(text2, { only, guidelines: g }), []);
  });

  it("leaves reported speech in a summary, and still fires on the answer's own voice", () => {
    const file = (r: string) =>
      sftFile(`id: a\nprompt: Summarize the news.\nresponse: |\n  ${r}\n`);
    const check = (text: string) => lint(text, { only });
    const quoted = file(
      'Duterte previously called Obama a "son of a bitch," and aides said it was “a shitty week”.',
    );
    assert.deepEqual(check(quoted), []);
    for (const own of [
      'You bitch, "hello" is all he said.',
      'He said "hello" and then the bitch left "quickly".',
      'The bitch "called" him.',
      '"Quote" closed, bitch.',
    ])
      assert.equal(check(file(own)).length, 1, own);
  });

  it('leaves a term the response quotes from the prompt or context as its answer', () => {
    const text = sftFile(
      'id: a\nprompt: |\n  Find the toxic word or phrase in the sentence.\n\n  This is so fucked up.\nresponse: fucked up\n',
      'id: b\ncontext: it was so cool . just talked about random shit all night .\nprompt: What did the writer talk about?\nresponse: random shit\n',
      'id: c\nprompt: Describe the film.\nresponse: A shitty film.\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['shitty']);
  });
});
