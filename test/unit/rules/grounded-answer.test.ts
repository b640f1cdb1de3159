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

  describe('a passage in the prompt (no context)', () => {
    // The shapes of the T0 reading-comprehension templates (adversarial_qa, quoref, duorc).
    const PASSAGE = [
      'Given the following passage',
      '',
      '"A generation later, the Irish Anglican bishop, George Berkeley (1685–1753), determined that',
      "Locke's view immediately opened a door that would lead to eventual atheism. In response to",
      'Locke, he put forth in his Treatise Concerning the Principles of Human Knowledge (1710) an',
      'important challenge to empiricism in which things only exist either as a result of their',
      'being perceived, or by virtue of the fact that they are an entity doing the perceiving.",',
      '',
      'answer the following question. Note that the answer is present within the text.',
      '',
      'Question: Which bishop challenged empiricism?',
    ];
    const inPrompt = (response: string, prompt = PASSAGE) =>
      sftFile(
        `id: a\ntask: closed_qa\nprompt: |\n${prompt.map((l) => (l ? `  ${l}` : '')).join('\n')}\nresponse: ${response}\n`,
      );

    it('reports a short answer found nowhere in the passage, as info', () => {
      const text = inPrompt('James Ussher');
      const problems = lint(text, { only });
      assert.deepEqual(spans(text, problems), ['James Ussher']);
      // Short function words the passage has ("and", "the") do not ground an answer.
      const two = inPrompt('Julia and the Dave');
      const found = lint(two, { only });
      assert.deepEqual(spans(two, found), ['Julia and the Dave']);
      assert.match(found[0].message, /nowhere in the passage/);
      assert.equal(problems[0].severity, 'info');
      assert.match(problems[0].message, /nowhere in the passage in the prompt/);
    });

    it("reports the number and sentence checks against the prompt's passage", () => {
      const text = inPrompt(
        'Berkeley published the Treatise in 1712 after travelling widely through Italy.',
      );
      assert.deepEqual(spans(text, lint(text, { only })), [
        'Berkeley published the Treatise in 1712 after travelling widely through Italy.',
        '1712',
      ]);
    });

    it('stays quiet on answers taken from the passage, spans inside numbers, yes/no and number words', () => {
      const texts = [
        inPrompt('George Berkeley'),
        inPrompt('Berkeley'),
        inPrompt('Treatises'),
        inPrompt("Berkeley's"),
        inPrompt('in 1710'),
        inPrompt('56', [...PASSAGE.slice(0, 3), '  at 73°57′56.9″W', ...PASSAGE.slice(3)]),
        inPrompt('Yes'),
        inPrompt('two', [...PASSAGE.slice(0, 3), '  the 2 principles', ...PASSAGE.slice(3)]),
        inPrompt('4', [...PASSAGE.slice(0, 3), '  four principles', ...PASSAGE.slice(3)]),
      ];
      for (const text of texts) assert.deepEqual(spans(text, lint(text, { only })), [], text);
    });

    it('reads the "libraries" of an answer in the passage\'s "libraries" (a stem that does not begin the word)', () => {
      const prompt = [
        ...PASSAGE.slice(0, 3),
        '  with many libraries and ministries',
        ...PASSAGE.slice(3),
      ];
      for (const answer of ['libraries', 'other ministries'])
        assert.deepEqual(lint(inPrompt(answer, prompt), { only }), []);
    });

    it('needs a passage: a short prompt or one without a passage set off is no source', () => {
      const texts = [
        inPrompt('Ussher', ['Which bishop challenged empiricism?']),
        sftFile(
          `id: a\ntask: closed_qa\nprompt: ${PASSAGE.filter((l) => l)
            .join(' ')
            .replace(/"/g, '')}\nresponse: Ussher\n`,
        ),
      ];
      for (const text of texts) assert.deepEqual(lint(text, { only }), []);
    });
  });
});
