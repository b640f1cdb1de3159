import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { applyEdits, composeEdits } from '../../../src/core/edit/apply';
import { fixAll, MAX_FIX_PASSES, planFixes } from '../../../src/core/edit/fix-all';
import { FileLinter } from '../../../src/core/lint';
import { defaultGuidelines } from '../../../src/core/guidelines';
import type { Problem, TextEdit } from '../../../src/core/types';
import { services, sftFile } from '../helpers';

const linter = new FileLinter(defaultGuidelines(), services);
const lint = (text: string) => linter.lint(text).problems;

/** Random non-overlapping edits of a text. */
const editsOf = (length: number) =>
  fc
    .array(fc.tuple(fc.nat(length), fc.nat(4), fc.string({ maxLength: 3 })), { maxLength: 4 })
    .map((raw) => {
      const out: TextEdit[] = [];
      let floor = 0;
      for (const [at, len, newText] of [...raw].sort((a, b) => a[0] - b[0])) {
        const start = Math.max(at, floor);
        const end = Math.min(start + len, length);
        if (start > length) break;
        out.push({ start, end, newText });
        floor = end + 1;
      }
      return out;
    });

function problem(
  start: number,
  end: number,
  fix: { edits: TextEdit[]; scope?: { start: number; end: number } },
  rule = 'r',
): Problem {
  return {
    rule,
    severity: 'warning',
    message: 'm',
    start,
    end,
    fixes: [{ title: 't', preferred: true, ...fix }],
  };
}

describe('fix-all', () => {
  it('applyEdits refuses overlapping edits', () => {
    assert.throws(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, newText: '' },
        { start: 2, end: 4, newText: '' },
      ]),
    );
    assert.equal(
      applyEdits('abcdef', [
        { start: 4, end: 6, newText: 'X' },
        { start: 0, end: 0, newText: '>' },
      ]),
      '>abcdX',
    );
  });

  it('composeEdits gives the text of applying one set of edits, then the next', () => {
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 12 })
          .chain((t) => fc.tuple(fc.constant(t), editsOf(t.length)))
          .chain(([t, first]) => {
            const middle = applyEdits(t, first);
            return fc.tuple(fc.constant(t), fc.constant(first), editsOf(middle.length));
          }),
        ([t, first, then]) => {
          const composed = composeEdits(t, first, then);
          assert.equal(applyEdits(t, composed), applyEdits(applyEdits(t, first), then));
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it('applies one fix per scope in a pass; the others wait for the next', () => {
    const a = problem(0, 1, {
      edits: [{ start: 0, end: 1, newText: 'A' }],
      scope: { start: 0, end: 5 },
    });
    const b = problem(3, 4, {
      edits: [{ start: 3, end: 4, newText: 'B' }],
      scope: { start: 0, end: 5 },
    });
    const c = problem(8, 9, { edits: [{ start: 8, end: 9, newText: 'C' }] });
    const plan = planFixes([c, b, a]);
    assert.deepEqual(plan.fixed, [a, c]);
    assert.deepEqual(
      plan.edits.map((e) => e.newText),
      ['A', 'C'],
    );
  });

  it('two fixes in one plain scalar that are safe apart but not together: two passes, valid YAML', () => {
    // Each alone is fine; both at once in place would leave a plain scalar starting with "[".
    const text = sftFile('id: a\nprompt: Hi\nresponse: I hope this helps jane.doe@acme.io\n');
    const problems = lint(text).filter((p) => p.fixes?.some((f) => f.preferred));
    assert.deepEqual(
      problems.map((p) => p.rule),
      ['banned-phrase', 'pii'],
    );
    const result = fixAll(text, lint);
    assert.equal(result.passes, 2);
    assert.deepEqual(
      [...result.fixedByRule],
      [
        ['banned-phrase', 1],
        ['pii', 1],
      ],
    );
    assert.equal(result.text, sftFile('id: a\nprompt: Hi\nresponse: "[EMAIL]"\n'));
    assert.deepEqual(parseDocument(result.text).errors, []);
    assert.equal(applyEdits(text, result.edits), result.text);
  });

  it('stops after a bounded number of passes when fixes undo each other', () => {
    let n = 0;
    const flip = (text: string): Problem[] => {
      n++;
      return [
        problem(0, 1, { edits: [{ start: 0, end: 1, newText: text[0] === 'a' ? 'b' : 'a' }] }),
      ];
    };
    const result = fixAll('a', flip);
    assert.equal(result.passes, MAX_FIX_PASSES);
    assert.equal(n, MAX_FIX_PASSES + 1);
  });

  it('does not apply a pass that adds YAML errors', () => {
    const text = 'k: v\n';
    const breaking = (t: string): Problem[] =>
      t === text
        ? [problem(3, 4, { edits: [{ start: 3, end: 4, newText: ', v' }] })]
        : [{ rule: 'yaml-syntax', severity: 'error', message: 'broken', start: 3, end: 4 }];
    const result = fixAll(text, breaking);
    assert.equal(result.text, text);
    assert.equal(result.passes, 0);
    assert.deepEqual(result.edits, []);
  });
});
