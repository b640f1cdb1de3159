import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, lint, sftFile, spans } from '../helpers';

const only = 'formatting';
const check = (text: string) => lint(text, { only });
const file = (response: string) =>
  sftFile(`id: f1\nprompt: Explain it please.\nresponse: ${response}\n`);

describe('rule formatting', () => {
  it('does not fire on a clean pair', () => {
    assert.deepEqual(check(sftFile(cleanPair('c1'))), []);
  });

  it('reports an unclosed code fence at its opener in a literal block', () => {
    const text = file('|\n  Run this:\n  ```python\n  print("hi")\n  Done.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['```']);
    assert.match(problems[0].message, /never closed/);
  });

  it('ignores brackets and quotes inside fenced and inline code', () => {
    assert.deepEqual(
      check(file('|\n  Use `f(` or `"`.\n  ```\n  if (x { "\n  ```\n  All (fine).')),
      [],
    );
  });

  it('reports an unclosed opener and an unmatched closer', () => {
    const text = file('The value (see [the table) is large. And this) too.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['[', ')']);
    assert.deepEqual(
      problems.map((p) => text.slice(p.start, p.start + 5)),
      ['[the ', ') too'],
    );
  });

  it('reports a closer with nothing open', () => {
    const text = file('Nothing is open here} at all.');
    assert.deepEqual(spans(text, check(text)), ['}']);
  });

  it('ignores emoticons, list markers and intervals', () => {
    assert.deepEqual(
      check(
        file(
          '|\n  Great :) and sad :-( and wink ;)\n  1) first\n  a) second\n  iv) fourth\n  The range [0, 1) is half-open.',
        ),
      ),
      [],
    );
  });

  it('pairs curly and German quotes, and flags an unpaired straight quote but not inches', () => {
    assert.deepEqual(
      check(file('“Yes,” she said. „Ja“, sagte er. He is 5\'11" tall with a 12" pizza.')),
      [],
    );
    const text = file('She said "hello and left.');
    assert.deepEqual(spans(text, check(text)), ['"']);
    const curly = file('“Unclosed quote here.');
    assert.deepEqual(spans(curly, check(curly)), ['“']);
  });

  it('reads `:(` before an expression as a bracket, and inch marks after a digit as inches', () => {
    assert.deepEqual(check(file('Apples on the tree:(108/2)-6 = 48')), []);
    assert.deepEqual(check(file('He said "upgrade to Windows 7" and left.')), []);
    assert.deepEqual(check(file('It runs Windows 7" now.')), []);
    assert.deepEqual(check(file('A 24” monitor and a “quoted” word.')), []);
    // A face is still a face, and an unbalanced bracket after `:(` is still reported.
    assert.deepEqual(check(file('Sad :( really.')), []);
    const open = file('The tree:(108/2 is short');
    assert.deepEqual(spans(open, check(open)), ['(']);
  });

  it('leaves a one-line prompt of more than 100 words that carries a review; checks a short one', () => {
    const review = 'I watched this film twice (the second time with friends. '.repeat(12);
    const long = sftFile(
      `id: f1\nprompt: "${review}Did the reviewer enjoy it?"\nresponse: Yes, they did.\n`,
    );
    assert.deepEqual(check(long), []);
    const short = sftFile(
      'id: f1\nprompt: |\n  Translate this sentence into any Arabic dialect and say what dialect it is: “The beautiful ones are not yet born\nresponse: Done.\n',
    );
    assert.deepEqual(spans(short, check(short)), ['“']);
  });

  it('reads `:)` right after a word inside brackets as the colon and the closing bracket', () => {
    const code = file('|\n  for i in range(10)\n      print(Answer is:)\n      print(i)');
    assert.deepEqual(check(code), []);
    // A face after a space (or with a nose) inside brackets is still a face: the bracket stays open.
    const face = file('It went well (really :) and then');
    assert.deepEqual(spans(face, check(face)), ['(']);
    assert.deepEqual(check(file('(It went well :-) really)')), []);
  });

  it('skips triple-quoted strings such as Python docstrings', () => {
    assert.deepEqual(
      check(file('|\n  def f(x):\n      """\n      :type x: int\n      """\n      return x')),
      [],
    );
  });

  it('lets a news-style quote run on into the next paragraph', () => {
    const straight = file(
      '|\n  "The first paragraph of what he said.\n\n  "The second paragraph," he said.',
    );
    assert.deepEqual(check(straight), []);
    const curly = file('|\n  “The first paragraph.\n\n  “The second one,” he said.');
    assert.deepEqual(check(curly), []);
    // A quote still open at the end is reported.
    const unclosed = file('|\n  "The first paragraph.\n\n  "The second one, he said.');
    assert.deepEqual(spans(unclosed, check(unclosed)), ['"']);
  });

  it('does not check the marks of a source quoted in context or in a long prompt', () => {
    const article = Array.from({ length: 110 }, (_, i) => `word${i}`).join(' ');
    const text = sftFile(
      `id: f1\ncontext: |\n  He said "we will stay (for now.\nprompt: |\n  Summarize this article:\n\n  ${article} "Period.\nresponse: He will (stay.\n`,
    );
    // The writer's own response is still checked.
    assert.deepEqual(spans(text, check(text)), ['(']);
    const review = sftFile(
      'id: f3\nprompt: |\n  A woman asks for advice on the road to a mysterious town and hears two ghoulish stories from the local weirdo (both zombie related, and the worst film I have ever seen, with a "plot that never ends.\n  Is this review positive or negative?\nresponse: Negative\n',
    );
    assert.deepEqual(check(review), []);
    const short = sftFile('id: f2\nprompt: |\n  Translate: “The beautiful ones\nresponse: Done.\n');
    assert.deepEqual(spans(short, check(short)), ['“']);
  });

  it('gives exact ranges in a double-quoted scalar with escapes', () => {
    const text = file('"A \\"quoted\\" word\\nand (open"');
    assert.deepEqual(spans(text, check(text)), ['(']);
  });

  it('gives exact ranges with emoji, RTL text, combining marks and CJK', () => {
    const text = file('|\n  👋 مرحبا (بك\n  שלום [עולם]\n  e\u0301 {x\n  你好（世界）和 (未闭合');
    assert.deepEqual(spans(text, check(text)), ['(', '{', '(']);
    const offsets = check(text).map((p) => text.slice(p.start, p.start + 3));
    assert.deepEqual(offsets, ['(بك', '{x\n', '(未闭']);
  });

  it('finds trailing spaces in a folded block once per field, and removes them from every line', () => {
    const text = file('>\n  Line one  \n  line two\t\n\n  last');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['  ']);
    assert.match(problems[0].message, /^Trailing spaces at the end of 2 lines in response/);
    assert.equal(problems[0].fixes![0].title, 'Remove trailing spaces from 2 lines');
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('>\n  Line one\n  line two\n\n  last'),
    );
  });

  it('reports a prompt pasted with trailing spaces on every line as one problem', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  Line ${i} of the source.  `);
    const text = sftFile(`id: f1\nprompt: |\n${lines.join('\n')}\nresponse: Short.\n`);
    const problems = check(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /300 lines in prompt/);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      sftFile(`id: f1\nprompt: |\n${lines.map((l) => l.trimEnd()).join('\n')}\nresponse: Short.\n`),
    );
  });

  it('finds trailing spaces in a CRLF literal block, not in whitespace-only lines or plain scalars', () => {
    const text = file('|\n  one \n    \n  two').replace(/\n/g, '\r\n');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), [' ']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('|\n  one\n    \n  two').replace(/\n/g, '\r\n'),
    );
    assert.deepEqual(check(file('plain text  \n  more')), []);
  });
});
