import { strict as assert } from 'node:assert';
import { cleanPair, lint, sftFile, spans } from '../helpers';

const only = 'chain-of-thought-steps';
const pair = (response: string) =>
  sftFile(`id: a\ntask: chain_of_thought\nprompt: What is 12 * 3 + 4?\nresponse: ${response}\n`);

describe('chain-of-thought-steps', () => {
  it('fires on a bare answer: no steps, no final answer', () => {
    const text = pair('"40"');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['40']);
    assert.match(problems[0].message, /steps.*final answer/);
    assert.equal(problems[0].severity, 'warning');
  });

  it('fires on steps without a final answer, on the last sentence', () => {
    const text = pair('|\n  1. Multiply 12 by 3 to get 36.\n  2. Add 4 to get 40.\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['Add 4 to get 40.']);
    assert.match(problems[0].message, /ends with a final answer/);
  });

  it('fires on a final answer without steps', () => {
    const text = pair('So the answer is 40.');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['So the answer is 40.']);
    assert.match(problems[0].message, /reasoning steps/);
  });

  it('a "####" heading with words, or a bare number after one line, is no final answer', () => {
    const heading = pair('|\n  12 * 3 = 36\n  36 + 4 = 40\n  #### Summary\n');
    assert.deepEqual(spans(heading, lint(heading, { only })), ['#### Summary']);
    const one = pair('|\n  12 * 3 + 4 = 40\n  40\n');
    assert.deepEqual(spans(one, lint(one, { only })), ['40']);
  });

  it('reports a worked step whose arithmetic does not add up, units and $ included', () => {
    const text = pair(
      '|\n  She has 13 + 4 + 16 = 45 apples\n  They earn $4200 + $3000 = $8600\n  So, she has $32 - $20 = $300 left.\n  #### 300\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      '13 + 4 + 16 = 45',
      '$4200 + $3000 = $8600',
      '$32 - $20 = $300',
    ]);
    assert.equal(problems[0].message, 'This step does not add up: 13 + 4 + 16 gives 33, not 45.');
    // Right steps, in the shapes GSM8K writes them, are quiet.
    const right = pair(
      '|\n  He bought 3*2=6 pairs, so he spent 60*6=$360\n  30 x 1/2 = 15 bees, 20*.8=16, $420 – $200 = $220\n  Amy had 2 * 4 + 3 * 6 = 8 + 18 = 26 colors; 100/3=33.33\n  The house is $350 000 + $17500 = $367 500; 15 pages x 1/3 = 5 pages\n  #### 26\n',
    );
    assert.deepEqual(lint(right, { only }), []);
  });

  it('reports a final answer the steps do not give, at its number', () => {
    // GSM8K test answer 1039: the steps give 6 years, the final line says 4.
    const text = pair(
      '|\n  His salary increased to 25000*3=$75,000 per year\n  So he earns an extra 75,000-25,000=$50,000 a year\n  His loan cost 50,000*4=$200,000\n  He lost out on 25,000*4=$100,000 from not working\n  So he needs to make 200,000+100,000=$300,000\n  That means it will take 300,000/50,000=6 years\n  #### 4\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['4']);
    assert.equal(problems[0].start, text.indexOf('#### 4') + 5);
    assert.equal(
      problems[0].message,
      'The final answer 4 does not follow from the steps: the last step gives 6, and no step gives 4.',
    );
    // A double-quoted response with CRLF line ends: the same answer, the same place.
    const crlf = pair(
      '"He needs 200,000+100,000=$300,000\\r\\nThat takes 300,000/50,000=6 years\\r\\n#### 4\\r\\n"',
    );
    assert.deepEqual(spans(crlf, lint(crlf, { only })), ['4']);
    // The other final-answer forms, each contradicting "12 * 3 = 36 / 36 + 4 = 40".
    const steps = '|\n  12 * 3 = 36\n  36 + 4 = 40\n';
    for (const [final, number] of [
      ['$\\boxed{44}$', '44'],
      ['The answer is 44.', '44'],
      ['So the answer is 44 apples', '44'],
      ['**Answer:** 44', '44'],
      ['44', '44'],
      ['#### $1,044', '$1,044'],
      ['So 40 + 0 = 40. The answer is 44.', '44'],
    ]) {
      const t = pair(`${steps}  ${final}\n`);
      assert.deepEqual(spans(t, lint(t, { only })), [number], final);
    }
  });

  const follows: Array<[string, string]> = [
    // Real GSM8K shapes whose final answer is not the last step's result as written.
    [
      'cents from dollars',
      '|\n  Buy one get one free, so the razors cost $4-$2 = $2.00\n  She buys 2 packs for a total of 4*2 = 8 razors\n  So each razor costs $2.00/8 = $0.25 each\n  #### 25\n',
    ],
    [
      'a number word in the last line',
      '|\n  After one day: 4 feet * 2 = 8 feet\n  After two days: 8 feet * 2 = 16 feet\n  After three days: 16 feet * 2 = 32 feet. This is taller than the window, so it took three days.\n  #### 3\n',
    ],
    [
      'rounded up to whole packs',
      '|\n  He needs 27 x 2 = 54 glue sticks.\n  He can only buy whole packs of 8: 54 / 8 = 6.75 packs.\n  #### 7\n',
    ],
    [
      'a number of the last line that is no result',
      '|\n  He must attend at least six classes, because 60 / 6 = 10\n  He can skip 4 class because 10 - 4 = 6\n  #### 4\n',
    ],
    [
      'thousands written with spaces',
      '|\n  He paid $400 000 x 5/100 = $20 000 in fees.\n  Hence, his net proceeds are $400 000 - $282 000 = $118 000.\n  #### 118000\n',
    ],
    [
      'a result of an earlier step, checked after',
      '|\n  She has 12 * 3 = 36 cards\n  Check: 36 / 3 = 12\n  #### 36\n',
    ],
    [
      'a last step done in words',
      '|\n  She picks 3 * 4 = 12 apples.\n  Then she gives 2 away and eats 1.\n  Answer: 9\n',
    ],
    [
      'no step result to compare with',
      '|\n  Twelve threes are thirty-six.\n  Add four.\n  #### 40\n',
    ],
    ['a final answer that is not one number', '|\n  12 * 3 = 36\n  36 + 4 = 40\n  #### 3/4\n'],
  ];
  for (const [name, response] of follows) {
    it(`a final answer that follows from the steps is quiet: ${name}`, () =>
      assert.deepEqual(lint(pair(response), { only }), []));
  }

  it('exact ranges in folded, double-quoted and CRLF text', () => {
    const folded = pair('>\n  First, 12 times 3 is 36.\n  Then add 4 for\n  40.\n').replace(
      /\n/g,
      '\r\n',
    );
    assert.deepEqual(spans(folded, lint(folded, { only })), ['Then add 4 for\r\n      40.']);
    const quoted = pair('"Step 1: 12 \\"times\\" 3 = 36.\\nStep 2: 36 + 4 = 40."');
    assert.deepEqual(spans(quoted, lint(quoted, { only })), ['Step 2: 36 + 4 = 40.']);
  });

  const quiet: Array<[string, string]> = [
    [
      'numbered steps and "Therefore"',
      '|\n  1. 12 * 3 = 36.\n  2. 36 + 4 = 40.\n  Therefore, the answer is 40.\n',
    ],
    ['sentences then "So"', '12 times 3 is 36. Adding 4 gives 40. So the result is 40.'],
    [
      '"Answer:" on its own line',
      '|\n  First, 12 * 3 = 36.\n  Then, 36 + 4 = 40.\n  **Final answer:**\n  40\n',
    ],
    [
      'Spanish',
      '|\n  Primero, 12 por 3 es 36.\n  Luego sumamos 4.\n  Por lo tanto, el resultado es 40.\n',
    ],
    ['Chinese', '|\n  首先，12乘以3等于36。\n  然后加4得40。\n  所以答案是40。\n'],
    // Final-answer lines of real data sets: GSM8K, LaTeX, and plain forms.
    [
      'GSM8K "#### N"',
      '|\n  He bought 3*2=6 pairs of shoes\n  So he spent 60*6=$360\n  #### 360\n',
    ],
    [
      'GSM8K "#### N" with a comma',
      '|\n  Each crate holds 40*35=1,400 apples\n  Four crates hold 1,400*4=5,600 apples\n  #### 5,600\n',
    ],
    ['"\\boxed{N}"', '|\n  12 * 3 = 36\n  36 + 4 = 40\n  $\\boxed{40}$\n'],
    ['"The answer is N"', '|\n  12 * 3 = 36\n  36 + 4 = 40\n  The answer is 40\n'],
    ['"Answer: N"', '|\n  12 * 3 = 36\n  36 + 4 = 40\n  Answer: 40\n'],
    ['a bare number after two step lines', '|\n  12 * 3 = 36\n  36 + 4 = 40\n  40\n'],
    [
      'a bare amount with a unit',
      '|\n  Each bag costs $7.25, so 2 bags cost 2 * $7.25 = $14.50\n  She pays for 2 bags\n  $14.50\n',
    ],
    [
      'Arabic with emoji',
      '|\n  أولا نضرب 12 في 3 فنحصل على 36.\n  ثم نضيف 4.\n  لذلك الجواب 40 🎉\n',
    ],
  ];
  for (const [name, response] of quiet) {
    it(`does not fire: ${name}`, () => assert.deepEqual(lint(pair(response), { only }), []));
  }

  it('does not fire for other tasks', () => {
    assert.deepEqual(
      lint(sftFile('id: a\ntask: open_qa\nprompt: Q?\nresponse: "40"\n'), { only }),
      [],
    );
  });
});

describe('chain-of-thought-steps: Hindi', () => {
  it('accepts numbered Hindi steps (चरण N) and a Hindi final answer (अंतिम उत्तर:)', () => {
    const text = sftFile(
      cleanPair('hi-1', '')
        .replace('task: open_qa', 'task: chain_of_thought')
        .replace('language: en', 'language: hi')
        .replace(
          /response: .*\n/,
          'response: |\n  चरण 1: बस से आने वाले विद्यार्थी: 40 का 25% = 10।\n  चरण 2: बाकी विद्यार्थी: 40 − 10 = 30।\n  चरण 3: इनमें से आधे पैदल आते हैं: 30 ÷ 2 = 15।\n  अंतिम उत्तर: 15 विद्यार्थी पैदल स्कूल आते हैं।\n',
        ),
    );
    assert.deepEqual(lint(text, { only: 'chain-of-thought-steps' }), []);
  });
});
