import { strict as assert } from 'node:assert';
import { FileLinter } from '../../../src/core/lint';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { LINT_RULES, ALL_RULE_IDS } from '../../../src/core/rules/index';
import type { LintRule } from '../../../src/core/rule';
import type { Problem } from '../../../src/core/types';
import { cleanPair, guidelinesFrom, services, sftFile, spans } from '../helpers';

/** A rule that reports once on every pair, then throws on the pairs `fails` picks. */
function throwingRule(
  fails: (id: string | undefined) => boolean,
  error: unknown = new Error('boom\nsecond line'),
): LintRule {
  return {
    meta: {
      id: 'explodes',
      category: 'hhh',
      defaultSeverity: 'warning',
      fixable: false,
      description: 'Throws on purpose.',
    },
    checkPair(ctx) {
      ctx.report({ start: 0, end: 1, message: 'reported before the throw' });
      if (fails(ctx.pair.id)) throw error;
    },
  };
}

// Pair b has a doubled word (repetition) and a TODO (placeholder): real rules that must still report.
const text = sftFile(
  cleanPair('a'),
  cleanPair('b').replace(
    /response: .*/,
    'response: The the answer is TODO, and it is long enough to be a descriptive answer of many words here.',
  ),
  cleanPair('c'),
);
const withoutInternal = (ps: readonly Problem[]) =>
  ps.filter((p) => p.rule !== 'internal' && p.rule !== 'explodes');

describe('a rule that throws', () => {
  it('becomes one internal problem at the pair it was checking; the other rules still report; the log is told', () => {
    const logged: Array<[string, unknown]> = [];
    const rules = [...LINT_RULES, throwingRule((id) => id === 'b')];
    const problems = new FileLinter(defaultGuidelines(), services, {
      rules,
      log: (m, e) => logged.push([m, e]),
    }).lint(text).problems;
    const clean = new FileLinter(defaultGuidelines(), services).lint(text).problems;
    assert.ok(
      clean.some((p) => p.rule === 'repetition' && p.pairId === 'b'),
      'the fixture has real problems on pair b',
    );
    assert.deepEqual(withoutInternal(problems), clean);
    const internal = problems.filter((p) => p.rule === 'internal');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 'error');
    assert.equal(internal[0].pairId, 'b');
    assert.deepEqual(spans(text, internal), ['- id']);
    assert.match(
      internal[0].message,
      /^The explodes rule failed on this pair and was skipped \(boom\)\./,
    );
    // What the rule reported before it threw is dropped with it; its other pairs keep theirs.
    assert.deepEqual(
      problems.filter((p) => p.rule === 'explodes').map((p) => p.pairId),
      ['a', 'c'],
    );
    assert.equal(logged.length, 1);
    assert.match(logged[0][0], /explodes rule failed on pair b/);
    assert.equal((logged[0][1] as Error).message, 'boom\nsecond line');
  });

  it('fails alone on every pair, logged once per error; a throw of a non-Error is reported too', () => {
    const logged: string[] = [];
    const rules = [...LINT_RULES, throwingRule(() => true, 'not an Error')];
    const problems = new FileLinter(defaultGuidelines(), services, {
      rules,
      log: (m) => logged.push(m),
    }).lint(text).problems;
    assert.deepEqual(
      problems.filter((p) => p.rule === 'internal').map((p) => p.pairId),
      ['a', 'b', 'c'],
    );
    assert.match(problems.find((p) => p.rule === 'internal')!.message, /\(not an Error\)/);
    assert.equal(logged.length, 1);
  });

  it("a file rule that throws is reported at the file's first line", () => {
    const fileRule: LintRule = {
      meta: {
        id: 'file-explodes',
        category: 'structure',
        defaultSeverity: 'error',
        fixable: false,
        description: 'Throws on purpose.',
      },
      checkFile() {
        throw new TypeError('cannot read x of undefined');
      },
    };
    let calls = 0;
    const problems = new FileLinter(defaultGuidelines(), services, {
      rules: [...LINT_RULES, fileRule],
      log: () => calls++,
    }).lint(text).problems;
    const internal = problems.filter((p) => p.rule === 'internal');
    assert.deepEqual(spans(text, internal), ['sft: 1']);
    assert.equal(internal[0].pairId, undefined);
    assert.match(internal[0].message, /file-explodes rule failed on this file/);
    assert.equal(calls, 1);
    assert.deepEqual(
      withoutInternal(problems),
      new FileLinter(defaultGuidelines(), services).lint(text).problems,
    );
  });

  it('after an edit in the failing pair, the pair is checked again and still fails alone', () => {
    const linter = new FileLinter(defaultGuidelines(), services, {
      rules: [...LINT_RULES, throwingRule((id) => id === 'b')],
    });
    const first = linter.lint(text);
    const at = text.indexOf('The the answer');
    const next = linter.update(
      first,
      [{ start: at, end: at + 3, newText: 'An' }],
      `${text.slice(0, at)}An${text.slice(at + 3)}`,
    );
    assert.deepEqual(
      next.problems.filter((p) => p.rule === 'internal').map((p) => p.pairId),
      ['b'],
    );
    assert.ok(!next.problems.some((p) => p.rule === 'repetition' && p.pairId === 'b'));
  });

  it('is a known rule id: severity from the guidelines, and a reasoned silence applies', () => {
    assert.ok(ALL_RULE_IDS.has('internal'));
    const g = guidelinesFrom('sft-guidelines: 1\nrules:\n  internal: warning\n');
    const rules = [...LINT_RULES, throwingRule((id) => id !== 'c')];
    const silenced = text.replace(
      '  - id: a\n',
      '  - id: a\n    # sft-ignore internal: known bug, fixed in the next release\n',
    );
    const problems = new FileLinter(g, services, { rules }).lint(silenced).problems;
    assert.deepEqual(
      problems.filter((p) => p.rule === 'internal').map((p) => `${p.pairId} ${p.severity}`),
      ['b warning'],
    );
    assert.deepEqual(
      problems.filter((p) => p.rule === 'silence'),
      [],
    );
  });
});
