import { strict as assert } from 'node:assert';
import {
  countWords,
  countWordsSegmented,
  needsSegmenter,
  segmentPieces,
} from '../../../src/core/text/words';
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

describe('countWords over long runs without spaces', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const words = (text: string): number =>
    [...segmenter.segment(text)].filter((s) => s.isWordLike).length;
  const RUN = 200_000;

  it('a 200k-character Chinese run of sentences: the count of one sentence times their number', () => {
    const sentence = '我们今天去公园散步然后在湖边吃午饭天气非常好。';
    const text = sentence.repeat(Math.ceil(RUN / sentence.length));
    assert.ok(text.length >= RUN && !/[\s]/.test(text));
    // Each sentence segmented alone, the oracle: a full stop breaks words in any context.
    assert.equal(countWords(text), words(sentence) * (text.length / sentence.length));
  });

  it('a 200k-character run without spaces or punctuation: the sum over pieces cut at word boundaries', () => {
    const base = '日本語の文章を書くときは単語の間に空白を入れない東京大学图书馆';
    const text = base.repeat(Math.ceil(RUN / base.length)).slice(0, RUN);
    const pieces = segmentPieces(text);
    assert.equal(pieces.map(([s, e]) => text.slice(s, e)).join(''), text);
    assert.ok(pieces.length > 150, `${pieces.length} pieces`);
    for (const [s, e] of pieces) {
      assert.ok(e - s <= 1024 + 32 && e > s, `piece ${s}..${e}`);
      // Each cut is a boundary the segmenter itself draws around it.
      if (s > 0) {
        const around = text.slice(s - 32, s + 32);
        const breaks = [...segmenter.segment(around)].map((x) => x.index);
        assert.ok(breaks.includes(32), `cut at ${s} is a word boundary`);
      }
    }
    const sum = pieces.reduce((n, [s, e]) => n + words(text.slice(s, e)), 0);
    assert.equal(countWords(text), sum);
    // Close to the segmenter over the whole run (which takes a minute past 65,536 characters):
    // at most one word per cut drawn differently, checked on the first 16k characters.
    const head = text.slice(0, 16_384);
    const cuts = segmentPieces(head).length - 1;
    assert.ok(Math.abs(countWords(head) - words(head)) <= cuts);
  });

  it('a run of one letter repeated (no boundary at all): cut anyway, surrogate pairs kept whole', () => {
    const text = '𠀀'.repeat(RUN / 2);
    const pieces = segmentPieces(text);
    assert.equal(pieces.map(([s, e]) => text.slice(s, e)).join(''), text);
    for (const [s] of pieces) assert.ok(s === 0 || !/[\udc00-\udfff]/.test(text[s]), `cut at ${s}`);
    assert.equal(
      countWords(text),
      pieces.reduce((n, [s, e]) => n + words(text.slice(s, e)), 0),
    );
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
