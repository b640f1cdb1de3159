import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const doubled = (id: string, comment: string) =>
  cleanPair(id).replace(
    /response: .*/,
    `${comment}response: Sunlight is scattered by the the air, so the sky looks blue to us on a clear day.`,
  );

describe('silence', () => {
  it('a reasoned silence removes the named rule for that pair only', () => {
    const text = sftFile(
      doubled('a', '# sft-ignore repetition: quoted from the source as written\n'),
      doubled('b', ''),
    );
    const problems = lint(text);
    assert.deepEqual(
      problems.filter((p) => p.rule === 'repetition').map((p) => p.pairId),
      ['b'],
    );
    assert.deepEqual(
      problems.filter((p) => p.rule === 'silence'),
      [],
    );
  });

  it('a silence without a reason is reported and does not apply', () => {
    const text = sftFile(doubled('a', '# sft-ignore repetition\n'));
    const problems = lint(text);
    assert.deepEqual(
      spans(
        text,
        problems.filter((p) => p.rule === 'silence'),
      ),
      ['# sft-ignore repetition'],
    );
    assert.equal(problems.filter((p) => p.rule === 'repetition').length, 1);
  });

  it('an unknown rule id is reported at the id, with a did-you-mean and a fix that corrects it', () => {
    const text = sftFile(doubled('a', '# sft-ignore repetiton: typo\n'));
    const [p] = lint(text, { only: 'silence' });
    assert.deepEqual(spans(text, [p]), ['repetiton']);
    assert.equal(
      p.message,
      'Unknown rule "repetiton" in a silence comment; did you mean "repetition"?',
    );
    assert.equal(p.fixes?.[0].title, 'Change to repetition');
    assert.equal(p.fixes?.[0].preferred, true);
    const fixed = applyEdits(text, p.fixes![0].edits);
    assert.equal(fixed, text.replace('repetiton', 'repetition'));
    // The corrected silence applies: neither the silence problem nor the repetition remains.
    assert.deepEqual(
      lint(fixed).filter((q) => q.rule === 'silence' || q.rule === 'repetition'),
      [],
    );
  });

  it("suggests kebab-case rule ids and the guidelines' own pattern ids; none for a word far from every id", () => {
    const g = guidelinesFrom(
      "sft-guidelines: 1\npatterns:\n  - id: no-first-person\n    regex: 'xyz'\n    message: m\n",
    );
    const text = sftFile(
      doubled('a', '# sft-ignore banned_phrase, no-first-persn, zzzzzz: reasons\n'),
    );
    const problems = lint(text, { only: 'silence', guidelines: g });
    assert.deepEqual(
      problems.map((p) => p.fixes?.[0].edits[0].newText),
      ['banned-phrase', 'no-first-person', undefined],
    );
    assert.equal(problems[2].message, 'Unknown rule "zzzzzz" in a silence comment.');
  });

  it('"# sft-ignore" inside a block text is the writer\'s text, not a silence', () => {
    const text = sftFile(
      cleanPair('a').replace(
        /response: .*/,
        'response: |\n  Write "# sft-ignore repetition" in the file to silence it.',
      ),
    );
    assert.deepEqual(lint(text, { only: 'silence' }), []);
  });
});
