import { strict as assert } from 'node:assert';
import { cleanPair, lint, sftFile } from '../helpers';

const only = 'yaml-syntax';

describe('yaml-syntax', () => {
  it('reports an unclosed quote where the parser stopped, and other rules still run', () => {
    const text = sftFile(
      cleanPair('a'),
      cleanPair('b').replace(/prompt: .*/, 'prompt: "Why is the sky blue?'),
    );
    const problems = lint(text);
    const syntax = problems.filter((p) => p.rule === only);
    assert.ok(syntax.length >= 1);
    const line = text.slice(0, syntax[0].start).split('\n').length;
    assert.ok(
      line >= text.split('\n').findIndex((l) => l.includes('"Why is')) + 1,
      `reported at line ${line}`,
    );
    assert.ok(
      problems.some((p) => p.rule !== only),
      'the rest of the file is still linted',
    );
  });

  it('reports a tab used as indentation', () => {
    const text = 'sft: 1\npairs:\n  - id: a\n\tprompt: x\n';
    assert.ok(lint(text, { only }).length >= 1);
  });

  it('reports bad indentation inside a pair at the pair', () => {
    const text = sftFile(cleanPair('a')) + '   task: open_qa\n';
    const problems = lint(text, { only });
    assert.ok(problems.length >= 1);
    assert.ok(problems[0].start >= text.indexOf('   task: open_qa') - 1);
  });

  it('does not fire on valid files, LF or CRLF', () => {
    const text = sftFile(cleanPair('a'), cleanPair('b'));
    assert.deepEqual(lint(text, { only }), []);
    assert.deepEqual(lint(text.replace(/\n/g, '\r\n'), { only }), []);
  });
});
