import { strict as assert } from 'node:assert';
import { cleanPair, lint, services, sftFile, spans } from '../helpers';

const only = 'no-aliases';

describe('no-aliases', () => {
  it('reports an anchor and an alias inside a pair at their exact text', () => {
    const text = sftFile(
      cleanPair('a').replace('domain: science', 'domain: &d science'),
      cleanPair('b').replace('domain: science', 'domain: *d'),
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['&d', '*d']);
  });

  it('reports anchors and merge keys in the header', () => {
    const text = 'sft: 1\ndefaults: &base\n  language: en\npairs:\n  - <<: *base\n    id: a\n';
    assert.deepEqual(spans(text, lint(text, { only })), ['&base', '<<', '*base']);
  });

  it('reports a "billion laughs" file without expanding it, quickly', () => {
    let text = 'sft: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++)
      text += `x${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    text += 'pairs: []\n';
    const started = Date.now();
    const problems = lint(text, { only });
    assert.ok(Date.now() - started < 1000);
    assert.equal(problems.filter((p) => p.message.startsWith('Aliases')).length, 81);
    assert.equal(problems.filter((p) => p.message.startsWith('Anchors')).length, 10);
  });

  it('does not fire on & and * in text, or on a plain file', () => {
    const text = sftFile(
      cleanPair('a').replace(/response: .*/, 'response: "Use **bold** & *italics* sparingly."'),
    );
    assert.deepEqual(lint(text, { only }), []);
  });

  it('finds an alias in a pair after an incremental re-lint', async () => {
    const { FileLinter } = await import('../../../src/core/lint');
    const { defaultGuidelines } = await import('../../../src/core/guidelines');
    const text = sftFile(
      cleanPair('a').replace('domain: science', 'domain: &d science'),
      cleanPair('b'),
    );
    const linter = new FileLinter(defaultGuidelines(), services);
    const prev = linter.lint(text);
    const at = text.lastIndexOf('domain: science') + 'domain: '.length;
    const next = text.slice(0, at) + '*d' + text.slice(at + 'science'.length);
    const result = linter.update(
      prev,
      [{ start: at, end: at + 'science'.length, newText: '*d' }],
      next,
    );
    assert.deepEqual(
      spans(
        next,
        result.problems.filter((p) => p.rule === only),
      ),
      ['&d', '*d'],
    );
  });
});
