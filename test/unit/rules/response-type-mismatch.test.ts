import { strict as assert } from 'node:assert';
import { applyEdits, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'response-type-mismatch';
const pair = (id: string, type: string, response: string) =>
  `id: ${id}\nresponse_type: ${type}\nprompt: p\nresponse: ${response}\n`;
const LONG =
  'This answer keeps going with many words so that it passes the twenty five word mark for a descriptive response even though it is one long sentence with no stop';

describe('response-type-mismatch', () => {
  it('fires on each type whose shape the response does not have, at the response_type value', () => {
    const text = sftFile(
      pair('a', 'one_word', 'New York'),
      pair('b', 'short_phrase', 'The cat sat. The dog ran.'),
      pair('c', 'short_phrase', 'one two three four five six seven eight nine ten eleven'),
      pair('d', 'single_sentence', '|\n  It rained.\n  Then it stopped.'),
      pair('e', 'descriptive', 'Paris.'),
      pair('f', 'one_word', '">Paris is nice.\\" She said."'),
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'one_word',
      'short_phrase',
      'short_phrase',
      'single_sentence',
      'descriptive',
      'one_word',
    ]);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'response_type is one_word, but the response has 2 words in 1 sentence; short_phrase or single_sentence fits.',
        'response_type is short_phrase, but the response has 6 words in 2 sentences; descriptive fits.',
        'response_type is short_phrase, but the response has 11 words in 1 sentence; single_sentence fits.',
        'response_type is single_sentence, but the response has 5 words in 2 sentences; descriptive fits.',
        'response_type is descriptive, but the response has 1 word in 1 sentence; one_word or single_sentence fits.',
        'response_type is one_word, but the response has 5 words in 2 sentences; descriptive fits.',
      ],
    );
    // The only fit is offered as a fix, not preferred: the response may be what is wrong.
    assert.equal(problems[1].fixes![0].preferred, undefined);
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      text.replace(
        'response_type: short_phrase\n    prompt: p\n    response: The cat',
        'response_type: descriptive\n    prompt: p\n    response: The cat',
      ),
    );
    assert.equal(problems[0].fixes, undefined);
  });

  it('points at the response key when the type comes from defaults, and the fix sets it on the pair', () => {
    const text =
      'sft: 1\r\ndefaults:\r\n  response_type: one_word\r\npairs:\r\n  - id: a\r\n    prompt: p\r\n    response: >\r\n      今日は晴れです。\r\n      明日は雨です。\r\n';
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['response']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('  - id: a\r\n', '  - id: a\r\n    response_type: descriptive\r\n'),
    );
  });

  it('counts sentences in Devanagari and Arabic', () => {
    const text = sftFile(
      pair('a', 'single_sentence', 'यह एक वाक्य है। यह दूसरा है।'),
      pair('b', 'single_sentence', 'هل أنت بخير؟ نعم أنا بخير'),
    );
    assert.equal(lint(text, { only }).length, 2);
  });

  it('takes thresholds from the guidelines', () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nrules:\n  response-type-mismatch: { short_phrase_max_words: 12, descriptive_min_words: 8 }\n',
    );
    const text = sftFile(
      pair('a', 'short_phrase', 'one two three four five six seven eight nine ten eleven'),
      pair('b', 'descriptive', 'one two three four five six seven eight nine'),
    );
    assert.deepEqual(lint(text, { only, guidelines: g }), []);
  });

  it('does not fire when the shape fits', () => {
    const text = sftFile(
      pair('a', 'one_word', 'Paris.'),
      pair('b', 'one_word', '"🎉 Yes"'),
      pair('c', 'short_phrase', 'The Eiffel Tower, e.g. in Paris'),
      pair('d', 'short_phrase', 'Dr. Smith'),
      pair('e', 'single_sentence', 'Dr. Smith paid $3.50 for it, i.e. too much.'),
      pair('f', 'single_sentence', '|\n  A sentence that is\n  wrapped over lines.'),
      pair('g', 'single_sentence', '今日は晴れです。'),
      pair('h', 'descriptive', 'It rained. Then it stopped.'),
      pair('i', 'descriptive', `>\n  ${LONG}`),
      // Two lines are a layout, not one sentence: descriptive fits.
      pair('j', 'descriptive', '"Line one\\nLine two"'),
      pair('k', 'made_up', 'x'),
      'id: l\nprompt: p\nresponse: no type here\n',
      pair('m', 'one_word', '""'),
    );
    assert.deepEqual(spans(text, lint(text, { only })), []);
  });

  const layouts: Array<[string, string]> = [
    ['worked steps', '|\n  3*4 = 12\n  12 + 2 = 14\n  #### 14'],
    ['a numbered list', '|\n  1- Fundamentals of Design\n  2- Typography\n  3- Imagemaking'],
    ['a table', '|\n  Name | Email\n  Crew | c@example.com'],
    ['code', '|\n  for i in range(10):\n      print(i)'],
    ['lines with a blank line', '|\n  amount of tip = $6.65\n\n  amount with tip = $54.15'],
  ];
  for (const [name, response] of layouts)
    it(`a multi-line response is descriptive, not one sentence: ${name}`, () => {
      assert.deepEqual(lint(sftFile(pair('a', 'descriptive', response)), { only }), []);
    });

  it('a one-line worked answer is still one sentence', () => {
    const text = sftFile(pair('a', 'descriptive', '|\n  He bought 3*2=6 pairs of shoes\n'));
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['descriptive']);
    assert.match(problems[0].message, /words in 1 sentence; /);
  });

  it('a hyphenated compound, a code expression or a regex is one word', () => {
    for (const response of ['six-year-old', '1994-95', 'f.readlines(10)', '"^[0-9].*\\\\s$"'])
      assert.deepEqual(lint(sftFile(pair('a', 'one_word', response)), { only }), [], response);
    // A sentence in a script written without spaces is not one token.
    const zh = sftFile(pair('a', 'one_word', '她周一去了学校但是却发现没有其他的同学。'));
    assert.deepEqual(spans(zh, lint(zh, { only })), ['one_word']);
  });

  it('leaves classification answers alone: the label set dictates them', () => {
    const text = sftFile(
      `id: a\ntask: closed_classification\nlabels: [Business, Sports]\nresponse_type: short_phrase\nprompt: p\nresponse: Business\n`,
      `id: b\ntask: open_classification\nresponse_type: one_word\nprompt: p\nresponse: Science and technology\n`,
      `id: c\ntask: closed_qa\nresponse_type: short_phrase\nprompt: p\nresponse: Business\n`,
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['short_phrase']);
  });
});
