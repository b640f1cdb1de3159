import { strict as assert } from 'node:assert';
import { guidelinesFrom, lint, sftFile, spans } from '../helpers';

const GUIDELINES = `sft-guidelines: 1
handbook: docs/guidelines.md
patterns:
  - id: no-first-person-opinion
    regex: '\\bI (think|believe)\\b'
    fields: [response]
    severity: error
    message: State facts, not opinions.
    handbook: "#tone"
  - id: no-empty-lookahead
    regex: '(?=x)'
    fields: [prompt]
    message: Zero-length.
  - id: every-char
    regex: '.'
    fields: [context]
    message: Too many.
`;

describe('pattern', () => {
  it('reports each match under the pattern id, with its severity and handbook link', () => {
    const g = guidelinesFrom(GUIDELINES);
    const text = sftFile(
      'id: a\nprompt: Hi\nresponse: >\n  Well, I think\n  so. 🎉 مرحبا I believe it.\n',
    );
    const problems = lint(text, { guidelines: g }).filter(
      (p) => p.rule === 'no-first-person-opinion',
    );
    assert.deepEqual(spans(text, problems), ['I think', 'I believe']);
    assert.equal(problems[0].severity, 'error');
    assert.equal(
      problems[0].message,
      'State facts, not opinions. (handbook: docs/guidelines.md#tone)',
    );
  });

  it('exact ranges in double-quoted and CRLF text', () => {
    const g = guidelinesFrom(GUIDELINES);
    const text = sftFile('id: a\nprompt: Hi\nresponse: "\\"Yes\\",\\nI think so"\n').replace(
      /\n/g,
      '\r\n',
    );
    assert.deepEqual(
      spans(
        text,
        lint(text, { guidelines: g }).filter((p) => p.rule === 'no-first-person-opinion'),
      ),
      ['I think'],
    );
  });

  it('steps over zero-length matches and caps matches per field', () => {
    const g = guidelinesFrom(GUIDELINES);
    const text = sftFile(`id: a\ncontext: ${'y'.repeat(300)}\nprompt: axbx\nresponse: ok\n`);
    const problems = lint(text, { guidelines: g });
    const empty = problems.filter((p) => p.rule === 'no-empty-lookahead');
    assert.deepEqual(
      empty.map((p) => [p.start, p.end]),
      [
        [text.indexOf('axbx') + 1, text.indexOf('axbx') + 1],
        [text.indexOf('axbx') + 3, text.indexOf('axbx') + 3],
      ],
    );
    assert.equal(problems.filter((p) => p.rule === 'every-char').length, 100);
  });

  it('does not run in untrusted workspaces', () => {
    const g = guidelinesFrom(GUIDELINES);
    g.trusted = false;
    const text = sftFile('id: a\nprompt: Hi\nresponse: I think so.\n');
    assert.deepEqual(
      lint(text, { guidelines: g }).filter((p) => p.rule === 'no-first-person-opinion'),
      [],
    );
  });

  it('does not fire outside its fields, or when its severity is off', () => {
    const g = guidelinesFrom(`${GUIDELINES}rules:\n  every-char: off\n`);
    const text = sftFile('id: a\ncontext: abc\nprompt: I think so.\nresponse: Yes.\n');
    const problems = lint(text, { guidelines: g });
    assert.deepEqual(
      problems.filter((p) => p.rule === 'no-first-person-opinion' || p.rule === 'every-char'),
      [],
    );
  });

  it('a pattern id can be silenced for a pair', () => {
    const g = guidelinesFrom(GUIDELINES);
    const text = sftFile(
      'id: a # sft-ignore no-first-person-opinion: quoted speech\nprompt: Hi\nresponse: I think so.\n',
    );
    assert.deepEqual(
      lint(text, { guidelines: g }).filter(
        (p) => p.rule === 'no-first-person-opinion' || p.rule === 'silence',
      ),
      [],
    );
  });
});
