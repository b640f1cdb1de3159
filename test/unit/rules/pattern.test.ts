import { strict as assert } from 'node:assert';
import { FileLinter } from '../../../src/core/lint';
import { guidelinesFrom, lint, services, sftFile, spans } from '../helpers';

const GUIDELINES = `sft-guidelines: 1
handbook: docs/guidelines.md
patterns:
  - id: no-first-person-opinion
    regex: '\\bI (think|believe)\\b'
    fields: [response]
    severity: error
    message: State facts, not opinions.
    handbook: "#tone"
  - id: zero-length
    regex: '\\b'
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
    const empty = problems.filter((p) => p.rule === 'zero-length');
    assert.deepEqual(
      empty.map((p) => [p.start, p.end]),
      [
        [text.indexOf('axbx'), text.indexOf('axbx')],
        [text.indexOf('axbx') + 4, text.indexOf('axbx') + 4],
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

  describe('runs in linear time: backtracking patterns give their results instead of hanging', () => {
    const A = 'a'.repeat(1000);
    const RUN = 'a1'.repeat(500); // words and digits, not a YAML number
    /** Pattern matches of one response, as [start, end] offsets inside it. */
    function matches(regex: string, response: string, flags = ''): number[][] {
      const g = guidelinesFrom(
        `sft-guidelines: 1\npatterns:\n  - id: p\n    regex: '${regex}'\n${flags ? `    flags: ${flags}\n` : ''}    fields: [response]\n    message: m\n`,
      );
      assert.equal(g.patterns[0].regex?.source, regex);
      const text = sftFile(`id: a\nprompt: Hi\nresponse: ${response}\n`);
      const at = text.indexOf(response);
      return lint(text, { guidelines: g })
        .filter((p) => p.rule === 'p')
        .map((p) => [p.start - at, p.end - at]);
    }

    it('a*a*a*a*a*c', () => {
      assert.deepEqual(matches('a*a*a*a*a*c', A), []);
      assert.deepEqual(matches('a*a*a*a*a*c', `${A}c`), [[0, 1001]]);
    });

    it('^(a|a)*$', () => {
      assert.deepEqual(matches('^(a|a)*$', `${A}b`), []);
      assert.deepEqual(matches('^(a|a)*$', A), [[0, 1000]]);
    });

    it('(\\w|\\d)*$', () => {
      // Only the empty match at the very end: the run of word characters is followed by "!".
      assert.deepEqual(matches('(\\w|\\d)*$', `${RUN}!`), [[1001, 1001]]);
      // As in JavaScript, the end of the text after the whole run matches once more, empty.
      assert.deepEqual(matches('(\\w|\\d)*$', RUN), [
        [0, 1000],
        [1000, 1000],
      ]);
    });

    it('nested repetition, once refused, now runs', () => {
      assert.deepEqual(matches('(\\w+)+$', `${A}!`), []);
      assert.deepEqual(matches('(x+x+)+y', 'xxxy'), [[0, 4]]);
    });

    it('keeps the flags and UTF-16 offsets', () => {
      assert.deepEqual(matches('i THINK', '🎉 I think, i think', 'i'), [
        [3, 10],
        [12, 19],
      ]);
      assert.deepEqual(matches('^b', 'a\n  b', 'm'), []);
      assert.deepEqual(matches('a.b', '"a\\nb"', 's'), [[1, 5]]);
    });
  });

  it('does not run without a regex engine from the host', () => {
    const g = guidelinesFrom(GUIDELINES);
    const text = sftFile('id: a\nprompt: Hi\nresponse: I think so.\n');
    const withEngine = new FileLinter(g, services).lint(text).problems;
    const without = new FileLinter(g, { tokens: services.tokens }).lint(text).problems;
    assert.equal(withEngine.filter((p) => p.rule === 'no-first-person-opinion').length, 1);
    assert.deepEqual(
      without.filter((p) => p.rule === 'no-first-person-opinion'),
      [],
    );
  });
});
