import { strict as assert } from 'node:assert';
import { countWords, countWordsSegmented, needsSegmenter } from '../../../src/core/text/words';
import { lengthBucket } from '../../../src/core/counts';

/** A deterministic generator of prose-like text in scripts written with spaces. */
function* samples(n: number): Generator<string> {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = [
    'the',
    'model',
    "don't",
    'U.S.',
    'e.g.',
    '3.14',
    '1,000',
    'well-known',
    'café',
    'naïve',
    'Ünïcödé',
    'Привет',
    'мир',
    'Γειά',
    'σου',
    'مرحبا',
    'بالعالم',
    'שלום',
    'नमस्ते',
    'दुनिया',
    'x_y',
    '—',
    '...',
    '(see',
    'below)',
    '"quoted"',
    "'single'",
    'end.',
    'Next',
    'a:b',
    'v2',
    '🎉',
    '#tag',
    '@user',
    'https://example.com/a?b=c',
    '12:30',
    'rock’n’roll',
    '\n',
    '\t',
    '  ',
  ];
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(rnd() * 40);
    const words: string[] = [];
    for (let k = 0; k < len; k++) words.push(pieces[Math.floor(rnd() * pieces.length)]);
    yield words.join(rnd() < 0.8 ? ' ' : '');
  }
}

describe('countWords', () => {
  const table: Array<[string, number]> = [
    ['', 0],
    ['Hello, world!', 2],
    ["Don't stop.", 2],
    ['e.g. this', 2],
    ['3.14 and 1,000', 3],
    ['well-known', 2],
    ['मैं ठीक हूँ', 3],
    ['مرحبا بالعالم', 2],
    ['🎉🎉 party', 1],
  ];
  for (const [text, n] of table)
    it(`counts ${JSON.stringify(text)} as ${n}`, () => assert.equal(countWords(text), n));

  it('counts Chinese, Japanese and Thai as words, not as one run', () => {
    assert.ok(needsSegmenter('今日は良い天気です'));
    assert.ok(countWords('今日は良い天気です') >= 4);
    assert.ok(countWords('我喜欢学习中文') >= 3);
    assert.ok(countWords('สวัสดีครับ ยินดีต้อนรับ') >= 3);
  });

  it('the fast path agrees with Intl.Segmenter on 2,000 generated texts', () => {
    let checked = 0;
    for (const text of samples(2000)) {
      if (needsSegmenter(text)) continue;
      assert.equal(countWords(text), countWordsSegmented(text), `for ${JSON.stringify(text)}`);
      checked++;
    }
    assert.ok(checked > 1900);
  });

  it('counts up to a bound: exact within it, above it once past it (both paths)', () => {
    const texts = [
      'one two three four five',
      '今日は良い天気です。\n明日は雨が降ります。\n来週は晴れるでしょう。',
      ...samples(200),
    ];
    for (const text of texts) {
      const all = countWords(text);
      for (const most of [0, 1, 3, all - 1, all, all + 5]) {
        if (most < 0) continue;
        const n = countWords(text, most);
        if (all <= most) assert.equal(n, all, `${JSON.stringify(text)} up to ${most}`);
        else assert.ok(n > most && n <= all, `${JSON.stringify(text)} up to ${most}: ${n}`);
      }
    }
  });
});

describe('lengthBucket', () => {
  const t = { short: 100, long: 500 };
  it('puts <100 in short, 100..500 in medium, >500 in long', () => {
    assert.deepEqual(
      [99, 100, 500, 501].map((n) => lengthBucket(n, t)),
      ['short', 'medium', 'medium', 'long'],
    );
  });
});
