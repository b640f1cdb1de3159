import { strict as assert } from 'node:assert';
import { applyEdits, lint, sftFile, spans } from '../helpers';

const only = 'invisible-character';
const check = (text: string) => lint(text, { only });
/** A pair whose response is `yaml` (a scalar as written in the file). */
const file = (yaml: string) =>
  sftFile(`id: i1\nprompt: Tell me about the weather today please.\nresponse: ${yaml}\n`);

describe('rule invisible-character', () => {
  it('finds zero width spaces, soft hyphens, word joiners and byte order marks, and removes them', () => {
    for (const ch of ['\u200b', '\u00ad', '\u2060', '\ufeff']) {
      const text = file(`The for${ch}ecast says rain.`);
      const problems = check(text);
      assert.equal(problems.length, 1, JSON.stringify(ch));
      assert.deepEqual(spans(text, problems), [ch]);
      assert.match(problems[0].message, /^Invisible .*\(U\+[0-9A-F]{4}\) in the response/);
      assert.equal(applyEdits(text, problems[0].fixes![0].edits), file('The forecast says rain.'));
    }
  });

  it('finds a line separator in a prompt pasted from a PDF, and makes it a line break', () => {
    const text = sftFile(
      'id: i1\nprompt: |\n  Summarize this:\n  The first line\u2028the second line.\nresponse: Two lines.\n',
    );
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['\u2028']);
    assert.match(problems[0].message, /line separator \(U\+2028\) in the prompt/);
    const fixed = applyEdits(text, problems[0].fixes![0].edits);
    assert.equal(
      fixed,
      sftFile(
        'id: i1\nprompt: |\n  Summarize this:\n  The first line\n  the second line.\nresponse: Two lines.\n',
      ),
    );
    assert.deepEqual(check(fixed), []);
  });

  it('finds bidi overrides and escaped control characters in a double-quoted scalar', () => {
    const text = file('"Pay \\u202Eoll\\u202C now, then ring \\a twice."');
    const problems = check(text);
    assert.deepEqual(
      problems.map((p) => p.message.replace(/ in the response.*/, '')),
      [
        'Invisible right-to-left override (U+202E)',
        'Invisible pop directional formatting (U+202C)',
        'Control character (U+0007)',
      ],
    );
    assert.deepEqual(spans(text, problems), ['\\u202E', '\\u202C', '\\a']);
    let fixed = text;
    for (let i = 0; i < 3; i++) fixed = applyEdits(fixed, check(fixed)[0].fixes![0].edits);
    assert.equal(fixed, file('"Pay oll now, then ring  twice."'));
  });

  it('reads C1 controls as Windows-1252 decoded wrongly and puts back the dash, quote or ellipsis', () => {
    const text = file('"A great film\\x85 the best \\x96 ever. She said \\x93yes\\x94.\\x81"');
    const problems = check(text);
    assert.deepEqual(
      problems.map((p) => p.message.replace(/ in the response: it is "(.)".*/, ' $1')),
      [
        'Control character (U+0085) …',
        'Control character (U+0096) –',
        'Control character (U+0093) “',
        'Control character (U+0094) ”',
        'Control character (U+0081) in the response: it is not text.',
      ],
    );
    let fixed = text;
    for (let i = 0; i < 5; i++) fixed = applyEdits(fixed, check(fixed)[0].fixes![0].edits);
    assert.equal(fixed, file('"A great film… the best – ever. She said “yes”."'));
  });

  it('reads a Latin-1 letter and C1 controls that make one UTF-8 character as that character', () => {
    // "—" is E2 80 94 in UTF-8; decoded as Latin-1 it reads "â" + U+0080 + U+0094.
    const text = file('"the cover of Science\u00e2\\x80\\x94quantifying it, for \\x802 billion"');
    const problems = check(text);
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /U\+0080 U\+0094 in the response: UTF-8 for "—"/);
    assert.match(problems[1].message, /it is "€" in Windows-1252/);
    let fixed = text;
    for (let i = 0; i < 2; i++) fixed = applyEdits(fixed, check(fixed)[0].fixes![0].edits);
    assert.equal(fixed, file('"the cover of Science—quantifying it, for €2 billion"'));
  });

  it('leaves joiners in emoji, Persian and Hindi, direction marks in right-to-left text, and plain text', () => {
    for (const response of [
      'A family: 👨\u200d👩\u200d👧 at home.',
      'می\u200cخواهم بروم.',
      'क्\u200dष is a conjunct.',
      'שלום \u200fworld\u200e עולם',
      'Plain text, with tabs\tand no tricks. Café, naïve, Ελληνικά, Москва.',
    ])
      assert.deepEqual(check(file(JSON.stringify(response))), [], response);
    // A joiner between two Latin letters only splits the word.
    const split = file('"pass\u200dword"');
    assert.deepEqual(spans(split, check(split)), ['\u200d']);
    // A direction mark in text with no right-to-left script is noise.
    const mark = file('"left\u200eright"');
    assert.deepEqual(spans(mark, check(mark)), ['\u200e']);
  });

  it('finds a Latin word with a Cyrillic or Greek look-alike, and writes it in Latin letters', () => {
    const text = file('Log in at p\u0430yp\u0430l or micr\u03bfsoft, not in Москва or Αθήνα.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['p\u0430yp\u0430l', 'micr\u03bfsoft']);
    assert.match(problems[0].message, /а is Cyrillic U\+0430.*reads as "paypal"/);
    assert.match(problems[1].message, /ο is Greek U\+03BF/);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('Log in at paypal or micr\u03bfsoft, not in Москва or Αθήνα.'),
    );
  });

  it('reads every text field, example outputs and labels, and reports at most 20 per field', () => {
    const text = sftFile(
      `id: i1\ntask: closed_classification\nsystem: "Be\\u200b brief."\nlabels: ["Spo\\u00adrts", News]\nprompt: Classify it.\nexamples:\n  - input: "a\\u200bb"\n    output: Sports\nresponse: "${'x\\u200b'.repeat(30)}"\n`,
    );
    const problems = check(text);
    const inField = (f: string) => problems.filter((p) => p.message.includes(` in ${f}:`)).length;
    assert.equal(inField('the system'), 1);
    assert.equal(inField('a label'), 1);
    assert.equal(inField('an example input'), 1);
    assert.equal(inField('the response'), 20);
  });
});
