import { strict as assert } from 'node:assert';
import { compareQuestions, questionSketch } from '../../../src/core/workspace/question-sketch';

// A movie plot as reading-comprehension templates quote it.
const PLOT =
  'Movie plot title: Mortal Kombat\nMovie plot: Shaolin monk Liu Kang and his comrades, movie star Johnny Cage and military officer Sonya Blade, were handpicked by Raiden. Despite Sonya’s warning, Cage comes to Tsung to request a fight with Goro. The sorcerer takes Sonya hostage to force Liu to fight.';
const movie = (question: string): string =>
  `Please answer the following question about this movie plot. If it's un-answerable, please output "No answer".\n\nQuestion: ${question}\n${PLOT}`;

const quoref = (question: string): string =>
  `The following article contains an answer for the question: ${question} , can you please find it?\n\nGlicken studied the 1980 eruption of Mount St. Helens. Art Brut toured.`;
const givenContext = (question: string): string =>
  `Given the following context:\n\nArt Brut toured.\n\nanswer the following question:\n\n${question}`;

// A passage line with a question inside and at its end, then the question and its options.
const cosmos = (question: string): string =>
  `I mean it : not one person said ANYTHING to me . They would have if I did something wrong , right ? But , this morning , I got a call from my guy at the temp agency and he said that I was no longer needed in that position , that I did n't need to come in any more , and that the company would call me if they needed me again for anything at all . So why did they let me go ?\n${question}\nPick the best answer from the following options:\n- None of the above choices .`;

const BAND = 'What is the name of the band that released the album Brilliant! Tragic!?';

/** [what the case shows, one prompt, the other, how their questions compare] */
const CASES: [string, string, string, 'same' | 'contained' | 'different'][] = [
  [
    'a Question: line, the plot around it the same',
    movie('Who does Tsung take hostage?'),
    movie('Who does Tsung take hostage?'),
    'same',
  ],
  [
    'two questions over one plot with one short answer (Sonya, Liu)',
    movie('Who does Tsung take hostage?'),
    movie('Who fights in the place of johnny when he got challanged by Tsung?'),
    'different',
  ],
  [
    'a Question: line without a question mark',
    movie('What is the problem with the miners'),
    movie('When does this story take place'),
    'different',
  ],
  [
    'function words and a possessive',
    movie("Who is Steve's best friend?"),
    movie('Who is the best friend of Steve?'),
    'same',
  ],
  ['whom as who', 'Whom did Liu fight?', 'Who did Liu fight?', 'same'],
  [
    'question words count: where and who ask different things',
    movie('Where is Melanie Ballard?'),
    movie('who is there with Melanie Ballard?'),
    'different',
  ],
  [
    'a question narrowed by words',
    movie('Who made Windows 8?'),
    movie('Who made Windows 8 available to students?'),
    'contained',
  ],
  [
    'an abbreviation inside (cut at "St.", both were "Helens?")',
    quoref(
      'What is the last name of the person who researched Mount St. Helens before and after its 1980 eruption?',
    ),
    quoref(
      'What is the last name of the person who wrote his doctoral dissertation based on his research at St. Helens?',
    ),
    'different',
  ],
  [
    'a title inside (cut at "Brilliant!", both were "Tragic!?")',
    BAND,
    'What is the name of the person who produced the album Brilliant! Tragic!?',
    'different',
  ],
  ['the same question in another template', givenContext(BAND), quoref(BAND), 'contained'],
  [
    'a kinship word narrows its broader one: a parent of He, his mother',
    movie('Who was the parent of Emperor He?'),
    movie("Who was He's mother?"),
    'contained',
  ],
  [
    'one kinship word in other places of the question',
    movie("Who was He's mother?"),
    movie('Who was the mother of He?'),
    'same',
  ],
  [
    'the same kinship word twice',
    'Why did my mom buy this DVD ?',
    'Why did my mom buy this DVD ?',
    'same',
  ],
  [
    'two kinship words of one kind ask for different people',
    movie("Who is Hamlet's mother?"),
    movie("Who is Hamlet's father?"),
    'different',
  ],
  [
    'kinship words of two kinds (child, husband) over one passage',
    movie("Who was Consort Liang's child?"),
    movie("Who was Deng Sui's husband?"),
    'different',
  ],
  [
    'a passage line ending in a question, the same question after it',
    cosmos('Why might have the temp agency tell me I am not needed ?'),
    cosmos('Why might have the temp agency tell me I am not needed ?'),
    'same',
  ],
  [
    // Read whole, the passage line holds every word of both questions (temp agency, company).
    'a passage line ending in a question: its last sentence is the question',
    cosmos('What will happen after the temp agency calls ?'),
    cosmos('What will happen after the company calls ?'),
    'different',
  ],
];

describe('question sketch (near-duplicate)', () => {
  for (const [what, a, b, expected] of CASES)
    it(`${what}: ${expected}`, () => {
      const qa = questionSketch(a);
      const qb = questionSketch(b);
      assert.ok(qa && qb, 'both prompts ask a question');
      assert.equal(compareQuestions(qa, qb), expected);
      assert.equal(compareQuestions(qb, qa), expected);
    });

  it('no question to read: no sketch; a question too long to be one: no sketch', () => {
    assert.equal(
      questionSketch('Summarize the following article.\n\nThe council met on Monday.'),
      undefined,
    );
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    assert.equal(questionSketch(`Question: ${long}`), undefined);
  });
});
