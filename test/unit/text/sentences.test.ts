import { strict as assert } from 'node:assert';
import { countSentences } from '../../../src/core/text/sentences';

describe('countSentences', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['   \n ', 0],
    ['Paris', 1],
    ['Paris.', 1],
    ['The capital of France is Paris.', 1],
    ['It is Paris. It has been since 987.', 2],
    ['Really? Yes! Of course.', 3],
    ['Use a solvent, e.g. ethanol, for this.', 1],
    ['Use a solvent, e.g. Ethanol, for this.', 1],
    ['Dr. Smith met Mr. Jones at 3.30 p.m. on Monday.', 1],
    ['Pi is about 3.14159 and e is about 2.718.', 1],
    ['J. K. Rowling wrote it.', 1],
    ['She moved to the U.S. in 1990.', 1],
    ['It costs approx. ten dollars.', 1],
    ['Wait... then what happened?', 1],
    // An attribution after the sentence credits it; it says nothing of its own.
    [
      "The universe and human stupidity; and I'm not sure about the universe. (attributed to Albert Einstein)",
      1,
    ],
    ['Two things are infinite. — Albert Einstein', 1],
    ['It rained. (It often does.) Then it stopped.', 3],
    ['(See the table.)', 1],
    ['He said "Stop." Then he left.', 2],
    ['(A short aside.) Then more.', 2],
    ['今日は晴れです。明日は雨です。', 2],
    ['本当ですか？はい！', 2],
    ['यह एक वाक्य है। यह दूसरा है।', 2],
    ['هل أنت بخير؟ نعم', 2],
    ['Line one without a stop\n\nSecond paragraph', 2],
    ['Steps:\n- mix\n- bake\n- serve', 4],
    ['1. Mix the flour.\n2. Bake it.', 2],
    ['A line that wraps\nonto the next line.', 1],
    ['Great job 🎉. Keep going 🚀!', 2],
  ];
  for (const [text, n] of cases)
    it(`${JSON.stringify(text)} → ${n}`, () => assert.equal(countSentences(text), n));

  it('stops early when asked', () => {
    assert.equal(countSentences('One. Two. Three. Four.', 1), 2);
  });

  it('is linear on long text', () => {
    const long = 'This is one sentence. '.repeat(50_000) + '\n'.repeat(50_000);
    const t = Date.now();
    assert.equal(countSentences(long), 50_000);
    assert.ok(Date.now() - t < 1000);
  });
});
