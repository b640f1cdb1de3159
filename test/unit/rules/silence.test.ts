import { strict as assert } from 'node:assert';
import { cleanPair, lint, sftFile, spans } from '../helpers';

const doubled = (id: string, comment: string) =>
  cleanPair(id).replace(/response: .*/, `${comment}response: Sunlight is scattered by the the air, so the sky looks blue to us on a clear day.`);

describe('silence', () => {
  it('a reasoned silence removes the named rule for that pair only', () => {
    const text = sftFile(doubled('a', '# sft-ignore repetition: quoted from the source as written\n'), doubled('b', ''));
    const problems = lint(text);
    assert.deepEqual(problems.filter((p) => p.rule === 'repetition').map((p) => p.pairId), ['b']);
    assert.deepEqual(problems.filter((p) => p.rule === 'silence'), []);
  });

  it('a silence without a reason is reported and does not apply', () => {
    const text = sftFile(doubled('a', '# sft-ignore repetition\n'));
    const problems = lint(text);
    assert.deepEqual(spans(text, problems.filter((p) => p.rule === 'silence')), ['# sft-ignore repetition']);
    assert.equal(problems.filter((p) => p.rule === 'repetition').length, 1);
  });

  it('an unknown rule id is reported at the id', () => {
    const text = sftFile(doubled('a', '# sft-ignore repetiton: typo\n'));
    assert.deepEqual(spans(text, lint(text, { only: 'silence' })), ['repetiton']);
  });

  it('"# sft-ignore" inside a block text is the writer\'s text, not a silence', () => {
    const text = sftFile(cleanPair('a').replace(/response: .*/, 'response: |\n  Write "# sft-ignore repetition" in the file to silence it.'));
    assert.deepEqual(lint(text, { only: 'silence' }), []);
  });
});
