import { strict as assert } from 'node:assert';
import { guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'grounded-answer';
const CONTEXT =
  "context: |\n  The Eiffel Tower was completed in 1889 for the World Fair in Paris.\n  It is 1,083 feet tall and was designed by Gustave Eiffel's company.\n";
const pair = (response: string, task = 'closed_qa') =>
  sftFile(
    `id: a\ntask: ${task}\n${CONTEXT}prompt: Tell me about the tower.\nresponse: ${response}\n`,
  );

describe('grounded-answer', () => {
  it('reports numbers that are not in the context, as info', () => {
    const text = pair('It was completed in 1887 and is 1083 feet tall.');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['1887']);
    assert.equal(problems[0].severity, 'info');
  });

  it('reports sentences whose content words are not in the context', () => {
    const text = pair(
      '>\n  The tower was completed in 1889.\n  Millions of tourists\n  visit every summer.\n',
      'extraction',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['Millions of tourists\n      visit every summer.']);
    assert.match(problems[0].message, /"Millions", "tourists", "visit", "summer"/);
  });

  it('exact ranges in double-quoted, CRLF and non-Latin responses', () => {
    const quoted = pair('"\\"Done\\" in 1889,\\nat 300 metres."');
    assert.deepEqual(spans(quoted, lint(quoted, { only })), ['300']);
    const crlf = pair('|\n  🎉 مرحبا 1889 שלום 42 你好\n').replace(/\n/g, '\r\n');
    assert.deepEqual(spans(crlf, lint(crlf, { only })), ['42']);
  });

  it('the threshold option sets the share of content words a sentence needs', () => {
    const text = pair('The tower in Paris attracts tourists.');
    assert.deepEqual(lint(text, { only }), []);
    const strict = guidelinesFrom(
      'sft-guidelines: 1\nrules:\n  grounded-answer: { threshold: 0.9 }\n',
    );
    assert.deepEqual(spans(text, lint(text, { only, guidelines: strict })), [
      'The tower in Paris attracts tourists.',
    ]);
  });

  it("does not fire on grounded answers, list numbers, other languages' words, or other tasks", () => {
    const texts = [
      pair(
        "According to the passage, the towers were designed by Eiffel's company and completed in 1889.",
      ),
      pair('|\n  1. Paris\n  2. 1,083 feet\n', 'extraction'),
      sftFile(
        `id: a\ntask: closed_qa\nlanguage: fr\n${CONTEXT}prompt: Q?\nresponse: La tour a été achevée en 1889.\n`,
      ),
      pair('It opened in 1999 with great fanfare everywhere.', 'open_qa'),
    ];
    for (const text of texts) assert.deepEqual(spans(text, lint(text, { only })), []);
  });
});
