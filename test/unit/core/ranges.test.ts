import { strict as assert } from 'node:assert';
import { isScalar, type Scalar } from 'yaml';
import { parseSft } from '../../../src/core/parse/parse';
import { valueSpan } from '../../../src/core/parse/model';

/** The source text that value[i, i + phrase.length) of the pair's field maps to. */
function sourceOf(text: string, field: string, phrase: string, pairIndex = 0): string {
  const model = parseSft(text);
  const pair = model.pairs[pairIndex];
  const node = pair.fields.get(field)?.value;
  assert.ok(isScalar(node), `${field} is a scalar`);
  const value = String((node as Scalar).value);
  const at = value.indexOf(phrase);
  assert.ok(at >= 0, `"${phrase}" is in the value ${JSON.stringify(value)}`);
  const span = valueSpan(pair, node as Scalar, at, at + phrase.length);
  return text.slice(span.start + pair.base, span.end + pair.base);
}

const wrap = (body: string, eol = '\n') =>
  `sft: 1${eol}pairs:${eol}  - id: a${eol}${body.split('\n').join(eol)}${eol}`;

describe('exact ranges inside scalars', () => {
  const cases: Array<[string, string, string, string]> = [
    // [name, field lines, phrase in value, expected source text]
    ['plain', '    response: The cat sat on the mat.', 'sat on', 'sat on'],
    [
      'plain folded over lines',
      '    response: The cat sat\n      on the mat.',
      'sat on',
      'sat\n      on',
    ],
    [
      'single-quoted with doubled quote',
      "    response: 'It''s a cat, isn''t it'",
      "isn't",
      "isn''t",
    ],
    [
      'double-quoted with escapes',
      '    response: "Say \\"hi\\" to\\nthe cat"',
      'the cat',
      'the cat',
    ],
    ['double-quoted escape inside phrase', '    response: "Say \\"hi\\" now"', '"hi"', '\\"hi\\"'],
    ['double-quoted unicode escape', '    response: "caf\\u00e9 noir"', 'café', 'caf\\u00e9'],
    [
      'literal block',
      '    response: |\n      First line.\n      The phrase is here.',
      'phrase is',
      'phrase is',
    ],
    [
      'literal block across lines',
      '    response: |\n      end of one\n      start of two',
      'one\nstart',
      'one\n      start',
    ],
    [
      'folded block',
      '    response: >\n      folded text\n      goes on here',
      'text goes',
      'text\n      goes',
    ],
    [
      'folded block keep/strip header',
      '    response: >-\n      folded text\n\n      new para',
      'text\nnew',
      'text\n\n      new',
    ],
    ['tabs inside text', '    response: "a\tb\tc"', 'b\tc', 'b\tc'],
    ['emoji (surrogate pairs)', '    response: Great job 🎉🎉 team', '🎉 team', '🎉 team'],
    ['combining marks', '    response: Cafe\u0301 au lait', 'e\u0301 au', 'e\u0301 au'],
    ['right-to-left text', '    response: |\n      مرحبا بالعالم الجميل', 'بالعالم', 'بالعالم'],
    ['CJK', '    response: 今日は良い天気です', '良い天気', '良い天気'],
    ['Devanagari', '    response: यह एक परीक्षण है', 'परीक्षण', 'परीक्षण'],
  ];
  for (const [name, body, phrase, expected] of cases) {
    it(`${name} (LF)`, () => assert.equal(sourceOf(wrap(body), 'response', phrase), expected));
    it(`${name} (CRLF)`, () =>
      assert.equal(
        sourceOf(wrap(body, '\r\n'), 'response', phrase),
        expected.split('\n').join('\r\n'),
      ));
  }

  it('a phrase in a later pair after an incremental edit keeps its place', () => {
    const text = wrap('    response: first\n  - id: b\n    response: |\n      second pair text');
    const model = parseSft(text);
    const node = model.pairs[1].fields.get('response')!.value as Scalar;
    const span = valueSpan(model.pairs[1], node, 7, 11);
    assert.equal(text.slice(span.start, span.end), 'pair');
  });
});
