import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'repetition';
const check = (text: string, guidelines?: ReturnType<typeof guidelinesFrom>) =>
  lint(text, { only, guidelines });
const file = (response: string) =>
  sftFile(`id: r1\nprompt: Tell me about the weather today please.\nresponse: ${response}\n`);

describe('rule repetition', () => {
  it('does not fire on a clean pair', () => {
    assert.deepEqual(check(sftFile(cleanPair('c1'))), []);
  });

  it('finds a doubled word (case-insensitive) and removes it with its space', () => {
    const text = file('It is in the The garden.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['The']);
    assert.equal(applyEdits(text, problems[0].fixes![0].edits), file('It is in the garden.'));
    assert.equal(problems[0].fixes![0].preferred, true);
  });

  it('finds a doubled word across a folded line break and joins the lines', () => {
    const text = file('>\n  We walked to the\n  the river and back.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['the']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('>\n  We walked to the river and back.'),
    );
  });

  it('finds a doubled word in a literal block in a CRLF file, and after a tab', () => {
    const text = file('|\n  First line is is here.\n  Tabs\tand\tand more.').replace(/\n/g, '\r\n');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['is', 'and']);
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      file('|\n  First line is is here.\n  Tabs\tand more.').replace(/\n/g, '\r\n'),
    );
  });

  it('maps a doubled word inside a double-quoted scalar with escapes', () => {
    const text = file('"She said \\"go go\\" and\\nleft left."');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['go', 'left']);
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      file('"She said \\"go go\\" and\\nleft."'),
    );
  });

  it('finds doubled words in Cyrillic and Greek, next to emoji and RTL text', () => {
    const text = file(
      'Привет 👋 это это тест, και και εδώ. שלום שלום is fine, café\u0301 café\u0301 not.',
    );
    assert.deepEqual(spans(text, check(text)), ['это', 'και', 'café\u0301']);
  });

  it('leaves allowed doubles, punctuation-separated words and reduplication in other scripts', () => {
    assert.deepEqual(
      check(
        file(
          'I knew that that was true; he had had enough. Bye bye! Yes, yes. धीरे धीरे चलो, 天天 好.',
        ),
      ),
      [],
    );
  });

  it('lets the guidelines replace the allowed list', () => {
    const g = guidelinesFrom('sft-guidelines: 1\nrules:\n  repetition: { allow: [very] }\n');
    const text = file('It was very very good and that that was it.');
    assert.deepEqual(spans(text, check(text, g)), ['that']);
  });

  it('finds a generation loop and keeps one copy', () => {
    const text = file(
      'I hope this helps you today. I hope this helps you today. I hope this helps you today. I hope this helps you today.',
    );
    const problems = check(text);
    assert.deepEqual(spans(text, problems), [
      'I hope this helps you today. I hope this helps you today. I hope this helps you today',
    ]);
    assert.match(problems[0].message, /repeats 4 times in a row/);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('I hope this helps you today.'),
    );
  });

  it('finds a loop of one word without reporting each doubled word', () => {
    const text = file('and the the the the the the the the the the the the the end');
    const problems = check(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /13 times/);
  });

  it('does not call two or three short repeats a loop', () => {
    assert.deepEqual(check(file('Go left, then go left, then go left again.')), []);
  });

  it('finds a repeated sentence and a repeated line (list markers ignored), not inside code fences', () => {
    const text = file(
      '|\n  Water boils at 100 degrees at sea level. It is hot. Water boils at 100 degrees at sea level.\n  1. Preheat the oven to 200 degrees before you start\n  2. Preheat the oven to 200 degrees before you start\n  ```\n  print(value + 1)\n  print(value + 1)\n  ```',
    );
    const problems = check(text);
    assert.deepEqual(spans(text, problems), [
      'Water boils at 100 degrees at sea level.',
      '2. Preheat the oven to 200 degrees before you start',
    ]);
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      file(
        '|\n  Water boils at 100 degrees at sea level. It is hot. Water boils at 100 degrees at sea level.\n  1. Preheat the oven to 200 degrees before you start\n  ```\n  print(value + 1)\n  print(value + 1)\n  ```',
      ),
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file(
        '|\n  Water boils at 100 degrees at sea level. It is hot.\n  1. Preheat the oven to 200 degrees before you start\n  2. Preheat the oven to 200 degrees before you start\n  ```\n  print(value + 1)\n  print(value + 1)\n  ```',
      ),
    );
  });

  it('finds a repeated CJK sentence', () => {
    const text = file('|\n  今天的天气真的非常好。我们去公园吧。今天的天气真的非常好。');
    assert.deepEqual(spans(text, check(text)), ['今天的天气真的非常好。']);
  });

  // Shapes from real pairs (the quality corpus's review), each a false alarm before.
  it('leaves short sentences and lines that repeat by design: options, steps, chorus, quoted speech, worked lines', () => {
    for (const response of [
      '|\n  How satisfied are you?\n  Yes/No/Not Sure\n  Would you come back?\n  Yes/No/Not Sure',
      '|\n  1. Lunge forward. Repeat for 30 seconds.\n  2. Step back and switch legs. Repeat for 30 seconds.',
      '|\n  If you care enough for the living\n  Make it a better place\n  If you care enough for the living',
      '"Shaq said: \\"It is true. The Earth is flat. The Earth is flat. Yes, it is.\\""',
      "|\n  Therefore Jerry's Age = 10\n  Tom is 2 years older: 10 + 2 = 12\n  Therefore Jerry's Age = 10",
    ])
      assert.deepEqual(check(file(response)), [], response);
  });

  it('leaves a word repeated across a line break, names and a class and its variable', () => {
    for (const response of [
      '|\n  Solve for x: 6 = (3/2)x\n  x = 6 * 2/3 = 4',
      '|\n  He needs 4 pounds of onions\n  Onions are on sale for $2.00 a pound',
      '|\n  dear -> wife\n  wife -> went',
      'The pianist Lang Lang played Liszt, then Duran Duran and Boutros Boutros-Ghali.',
      '"Create it with `Logger logger = new Logger();` first, or pass (Logger logger)."',
      'Delta Delta Delta is a sorority.',
    ])
      assert.deepEqual(check(file(response)), [], response);
  });

  it('still finds a slip at the start of a sentence, and doubled words within a line', () => {
    const text = file(
      'The the river is wide. In in summer it dries, and and Butler High School school floods.',
    );
    assert.deepEqual(spans(text, check(text)), ['the', 'in', 'and', 'school']);
  });

  it('reads the response only, unless the fields option names more', () => {
    const pair = 'id: r1\nprompt: Summarize the the article.\nresponse: It is is short.\n';
    assert.deepEqual(spans(sftFile(pair), check(sftFile(pair))), ['is']);
    const g = guidelinesFrom(
      'sft-guidelines: 1\nrules:\n  repetition: { fields: [prompt, response] }\n',
    );
    assert.deepEqual(spans(sftFile(pair), check(sftFile(pair), g)), ['the', 'is']);
  });
});
