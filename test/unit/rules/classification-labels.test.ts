import { strict as assert } from 'node:assert';
import { applyEdits, lint, sftFile, spans } from '../helpers';

const only = 'classification-labels';
const pair = (labels: string, response: string) =>
  sftFile(
    `id: a\ntask: closed_classification\n${labels}prompt: Classify the review.\nresponse: ${response}\n`,
  );
const fixOf = (text: string) => applyEdits(text, lint(text, { only })[0].fixes![0].edits);

describe('classification-labels', () => {
  it('fires when labels are missing, on the task value', () => {
    const text = pair('', 'positive');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['closed_classification']);
    assert.equal(problems[0].severity, 'warning');
  });

  it('fires when the labels list is empty', () => {
    const text = pair('labels: []\n', 'positive');
    assert.deepEqual(spans(text, lint(text, { only })), ['closed_classification']);
  });

  it('fires on a response that is not a label, without a fix', () => {
    const text = pair('labels: [positive, negative]\n', 'It is mostly positive');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['It is mostly positive']);
    assert.match(problems[0].message, /not one of the labels: positive, negative/);
    assert.equal(problems[0].fixes, undefined);
  });

  it('suggests the label a response misspells, with a fix that fix-all does not apply', () => {
    const text = pair('labels: [Confucius, Laozi, Mencius]\n', 'Confucious');
    const problems = lint(text, { only });
    assert.match(
      problems[0].message,
      /not one of the labels: Confucius, Laozi, Mencius\. Did you mean "Confucius"\?/,
    );
    assert.equal(problems[0].fixes![0].preferred, undefined);
    assert.equal(fixOf(text), pair('labels: [Confucius, Laozi, Mencius]\n', 'Confucius'));
    // Too far from every label, or as near to two: no suggestion.
    for (const [labels, response] of [
      ['[Confucius, Laozi]', 'Aristotle'],
      ['[cat, car]', 'cap'],
    ]) {
      const other = lint(pair(`labels: ${labels}\n`, response), { only });
      assert.doesNotMatch(other[0].message, /Did you mean/, response);
      assert.equal(other[0].fixes, undefined, response);
    }
  });

  it('says a prose answer that opens with a label should be the label alone', () => {
    const text = pair('labels: ["yes", "no"]\n', 'yes, the thread contains hate speech.');
    const problems = lint(text, { only });
    assert.match(
      problems[0].message,
      /answers in prose where a label was asked for: answer "yes" alone/,
    );
    assert.equal(problems[0].fixes![0].preferred, undefined);
    assert.equal(fixOf(text), pair('labels: ["yes", "no"]\n', '"yes"')); // quoted: a plain yes reads as true in YAML 1.1
    // An answer that does not open with a label gets the plain message.
    const plain = lint(pair('labels: ["yes", "no"]\n', 'Nobody knows.'), { only });
    assert.match(plain[0].message, /is not one of the labels/);
  });

  it('fixes a response that differs only in case or punctuation, in each scalar style', () => {
    assert.equal(
      fixOf(pair('labels: [very_positive, negative]\n', 'Very positive!')),
      pair('labels: [very_positive, negative]\n', 'very_positive'),
    );
    assert.equal(
      fixOf(pair('labels: [positive]\n', '"\\"Positive\\"!"')),
      pair('labels: [positive]\n', '"positive"'),
    );
    assert.equal(
      fixOf(pair('labels: ["it\'s ok"]\n', "'IT''S OK!!'")),
      pair('labels: ["it\'s ok"]\n', "'it''s ok'"),
    );
    assert.equal(
      fixOf(pair('labels: [positive]\n', '|\n  Positive!!\n')),
      pair('labels: [positive]\n', '|\n  positive\n'),
    );
    assert.equal(fixOf(pair('labels: ["a: b"]\n', 'A B')), pair('labels: ["a: b"]\n', '"a: b"'));
  });

  it('exact ranges and fixes in CRLF files and non-Latin labels', () => {
    const text = pair('labels: [إيجابي, 否定, "🎉 party"]\n', '|\n  🎉 Party!\n').replace(
      /\n/g,
      '\r\n',
    );
    assert.deepEqual(spans(text, lint(text, { only })), ['🎉 Party!']);
    assert.equal(
      fixOf(text),
      pair('labels: [إيجابي, 否定, "🎉 party"]\n', '|\n  🎉 party\n').replace(/\n/g, '\r\n'),
    );
  });

  it('does not fire on a label in any case, trimmed, with a trailing period, or for other tasks', () => {
    const texts = [
      pair('labels: [positive, negative]\n', 'Positive.'),
      pair('labels:\n  - Neutral\n', '"  neutral "'),
      pair('labels: [إيجابي, 否定]\n', '否定'),
      sftFile('id: a\ntask: open_classification\nprompt: Classify.\nresponse: whatever\n'),
    ];
    for (const text of texts) assert.deepEqual(lint(text, { only }), []);
  });
});
