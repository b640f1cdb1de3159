import { strict as assert } from 'node:assert';
import { phraseRemoval } from '../../../src/core/text/phrase-removal';

/** The text with `phrase` (its first occurrence) removed as phraseRemoval says. */
function removed(text: string, phrase: string): string {
  const a = text.indexOf(phrase);
  assert.ok(a >= 0, `${phrase} in ${text}`);
  const r = phraseRemoval(text, a, a + phrase.length);
  return text.slice(0, r.start) + r.insert + text.slice(r.end);
}

const AI = 'As an AI language model';

describe('phraseRemoval', () => {
  const cases: Array<[string, string, string]> = [
    [
      `${AI}, I think the mitochondria makes the energy a cell uses.`,
      AI,
      'I think the mitochondria makes the energy a cell uses.',
    ],
    [`${AI}, the answer is 4.`, AI, 'The answer is 4.'],
    [`${AI}  two spaces`, AI, 'Two spaces'],
    [`Sure. ${AI} I cannot feel.`, AI, 'Sure. I cannot feel.'],
    ["Well, as an AI language model, I can't.", 'as an AI language model', "Well, I can't."],
    ['X as an AI language model Y', 'as an AI language model', 'X Y'],
    ['I think, as an AI.', 'as an AI', 'I think.'],
    ['I think, as an AI', 'as an AI', 'I think'],
    ['The answer is 4. I hope this helps!', 'I hope this helps', 'The answer is 4.'],
    ['I hope this helps. The answer is 4.', 'I hope this helps', 'The answer is 4.'],
    ['The answer is 4.\nI hope this helps\n', 'I hope this helps', 'The answer is 4.\n'],
    ['I hope this helps.\nThe answer is 4.\n', 'I hope this helps', 'The answer is 4.\n'],
    ['I hope this helps\r\nThe answer.', 'I hope this helps', 'The answer.'],
    ['I hope this helps', 'I hope this helps', ''],
    ['"Quoted." As an AI, élan vital.', 'As an AI', '"Quoted." Élan vital.'],
    ['as an AI language model, i think', 'as an AI language model', 'i think'],
  ];
  for (const [text, phrase, want] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(want)}`, () =>
      assert.equal(removed(text, phrase), want));
  }
});
