import { strict as assert } from 'node:assert';
import { lint, sftFile, spans } from '../helpers';

const only = 'summary-grounding';

/** A summarization pair whose prompt quotes its source (the T0 news templates' shape). */
const inPrompt = (article: string[], response: string, extra = '') =>
  sftFile(
    `id: s\ntask: summarization\n${extra}prompt: |\n  Summarise the article:\n\n${article.map((l) => `  ${l}`).join('\n')}\nresponse: |\n${response
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n`,
  );

const CROATIA = [
  'The Croatian Football Federation has apologised after a swastika symbol was marked on to',
  'the pitch ahead of their Euro 2016 home qualifier against Italy on Friday. "This is sabotage',
  'and a felony," said Tomislav Pacak, a federation spokesman. Three fans were arrested and',
  'the federation was fined 1,000 euros; the reverse fixture in Milan drew twenty-five thousand.',
];

describe('summary-grounding', () => {
  it('reports names, numbers and dates the source does not have, each at its place', () => {
    const text = inPrompt(
      CROATIA,
      'Croatia apologised on Tuesday after Uefa fined the federation 5,000 euros; Pacak blamed seven fans.',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['Tuesday', 'Uefa', '5,000', 'seven']);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[1].message, /name "Uefa" is not in the prompt/);
    assert.match(problems[2].message, /number "5,000"/);
  });

  it('a CNN highlights shape: one line per point, each line starting a sentence', () => {
    const text = inPrompt(
      CROATIA,
      'Swastika marked on pitch before Euro 2016 qualifier .\nJudge Steven Leifman says 3 fans arrested .',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['Steven', 'Leifman']);
  });

  it('numbers compare as values: "3" is "three", "1000" is "1,000", "25" is "twenty-five"', () => {
    const text = inPrompt(
      CROATIA,
      'The federation paid 1000 euros, 3 fans were held, and 25 thousand saw the return match in 2016.',
    );
    assert.deepEqual(lint(text, { only }), []);
  });

  it('names by token: possessives, demonyms, and words the source has in another case', () => {
    const text = inPrompt(
      CROATIA,
      "Italy's opponents apologised: the Croats' Federation called it Sabotage, said an Italian paper.",
    );
    assert.deepEqual(lint(text, { only }), []);
  });

  it('capitals that name nothing: sentence, line, list and quotation starts, "I\'ll", title case', () => {
    const texts = [
      inPrompt(CROATIA, 'Fans were arrested. Nobody was hurt.\n- Officials apologised.'),
      inPrompt(CROATIA, 'A spokesman said, "Perhaps the match was sabotage," and "I\'ll resign."'),
      inPrompt(CROATIA, 'Croatia Football Federation Apologises Over Pitch Swastika Sabotage'),
      inPrompt(CROATIA, 'The federation, like the U.S. one, apologised.'),
    ];
    for (const text of texts) assert.deepEqual(spans(text, lint(text, { only })), [], text);
  });

  it('reads the context as the source when there is one', () => {
    const ok = sftFile(
      `id: s\ntask: summarization\ncontext: Croatia drew 1-1 with Italy on Friday; 3 fans were arrested.\nprompt: Summarize.\nresponse: Three arrested after Croatia's draw with Italy on Friday.\n`,
    );
    assert.deepEqual(lint(ok, { only }), []);
    const bad = ok.replace('on Friday.\n', 'on Sunday.\n');
    assert.deepEqual(spans(bad, lint(bad, { only })), ['Sunday']);
    assert.match(lint(bad, { only })[0].message, /not in the context/);
  });

  it('stays silent without a source, on other tasks, and on names in other languages', () => {
    const texts = [
      sftFile(
        'id: s\ntask: summarization\nprompt: Summarise the French Revolution in three sentences for a school history class, please.\nresponse: In 1789 Parisians stormed the Bastille.\n',
      ),
      inPrompt(CROATIA, 'Uefa fined Croatia on Tuesday.').replace(
        'task: summarization',
        'task: generation',
      ),
      inPrompt(CROATIA, 'Der Verband entschuldigte sich bei den Fans.', 'language: de\n'),
    ];
    for (const text of texts) assert.deepEqual(spans(text, lint(text, { only })), [], text);
  });

  it('numbers in other languages are still checked', () => {
    const text = inPrompt(CROATIA, 'Der Verband zahlte 5000 Euro.', 'language: de\n');
    assert.deepEqual(spans(text, lint(text, { only })), ['5000']);
  });
});
