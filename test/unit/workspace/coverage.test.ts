import { strict as assert } from 'node:assert';
import { parseSft } from '../../../src/core/parse/parse';
import { TASKS } from '../../../src/core/annotations';
import {
  addCounts,
  computeCoverage,
  countCoverage,
  coverageFromCounts,
  newCoverageCounts,
  pairsIn,
  pairsInCell,
  valuesOf,
  INVALID,
  NONE,
  type CoverageKey,
} from '../../../src/core/coverage';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { WorkspaceIndex, indexFile } from '../../../src/core/workspace/index';
import { cleanPair, guidelinesFrom, lint, sftFile } from '../helpers';

const G = guidelinesFrom(`sft-guidelines: 1
annotations:
  tasks: [generation, open_qa, closed_qa]
length: { short: 5, long: 10 }
targets:
  total: 10
  task: { generation: 50%, open_qa: 20% }
  prompt_length: { long: 10% }
  traits: { persona: 30% }
`);

function pair(
  id: string,
  task: string | undefined,
  promptType: string,
  words: number,
  extra = '',
): string {
  const prompt = Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
  return `  - id: ${id}\n${task ? `    task: ${task}\n` : ''}    prompt_type: ${promptType}\n    prompt: ${prompt}\n    response: Yes.\n${extra}`;
}

const TEXT = `sft: 1
defaults:
  author: priya
pairs:
${pair('p1', 'generation', 'instructive', 3, '    traits: [persona, constraints]\n    status: approved\n')}${pair('p2', 'generation', 'continuation', 7)}${pair('p3', 'open_qa', 'instructive', 12, '    author: sam\n    status: approved\n')}${pair('p4', undefined, 'instructive', 2, '    traits: [persona]\n')}`;

describe('coverage', () => {
  const ix = new WorkspaceIndex();
  ix.setFile('a.sft.yaml', parseSft(TEXT), G);
  const cov = computeCoverage(ix.pairs(), G);
  const bucket = (key: 'task' | 'prompt_length' | 'traits' | 'author' | 'status', value: string) =>
    cov.annotations[key].buckets.find((b) => b.value === value)!;

  it('counts, shares and (none)', () => {
    assert.equal(cov.total, 4);
    assert.deepEqual(
      cov.annotations.task.buckets.map((b) => [b.value, b.count]),
      [
        ['generation', 2],
        ['open_qa', 1],
        ['closed_qa', 0],
        [NONE, 1],
      ],
    );
    assert.equal(bucket('task', 'generation').share, 0.5);
    assert.deepEqual(
      cov.annotations.prompt_length.buckets.map((b) => [b.value, b.count]),
      [
        ['short', 2],
        ['medium', 1],
        ['long', 1],
      ],
    );
    assert.equal(bucket('author', 'priya').count, 3);
    assert.equal(bucket('author', 'sam').count, 1);
    assert.equal(bucket('status', NONE).count, 2);
  });

  it('a pair counts in each of its traits', () => {
    assert.equal(bucket('traits', 'persona').count, 2);
    assert.equal(bucket('traits', 'constraints').count, 1);
    assert.equal(bucket('traits', NONE).count, 2);
  });

  it('targets and gaps against max(total, targets.total)', () => {
    assert.equal(cov.targetTotal, 10);
    assert.equal(cov.totalGap, 6);
    const gen = bucket('task', 'generation');
    assert.deepEqual([gen.target, gen.gap, gen.meets], [0.5, 3, false]);
    const oq = bucket('task', 'open_qa');
    assert.deepEqual([oq.target, oq.gap, oq.meets], [0.2, 1, false]);
    assert.deepEqual(
      [bucket('prompt_length', 'long').gap, bucket('prompt_length', 'long').meets],
      [0, true],
    );
    assert.deepEqual(
      [bucket('traits', 'persona').gap, bucket('traits', 'persona').meets],
      [1, false],
    );
    assert.equal(bucket('task', 'closed_qa').target, undefined);
    assert.equal(cov.annotations.task.missed, 2);
    assert.equal(cov.meetsTargets, false);
  });

  it('task x prompt type matrix, progress and tasks covered', () => {
    const m = cov.matrix;
    assert.deepEqual(m.rows, ['generation', 'open_qa', 'closed_qa', NONE]);
    assert.deepEqual(m.cols, ['instructive', 'continuation', 'in_context']);
    assert.deepEqual(m.counts, [
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    // Both present tasks miss their targets: covered, but not on target.
    assert.deepEqual(cov.tasks, { covered: 2, onTarget: 0, total: 3, missing: ['closed_qa'] });
    const pi = cov.progress.rows.indexOf('priya');
    assert.equal(cov.progress.counts[pi][cov.progress.cols.indexOf('approved')], 1);
  });

  it('lists the pairs behind a number', () => {
    assert.deepEqual(
      pairsIn(ix.pairs(), 'task', 'generation').map((p) => p.id),
      ['p1', 'p2'],
    );
    assert.deepEqual(
      pairsIn(ix.pairs(), 'task', NONE).map((p) => p.id),
      ['p4'],
    );
    assert.deepEqual(
      pairsIn(ix.pairs(), 'traits', 'persona').map((p) => p.id),
      ['p1', 'p4'],
    );
    assert.deepEqual(
      pairsInCell(ix.pairs(), 'task', 'generation', 'prompt_type', 'continuation').map((p) => p.id),
      ['p2'],
    );
  });

  it('an empty workspace has zero shares and the whole target as gap', () => {
    const empty = computeCoverage([], G);
    assert.equal(empty.total, 0);
    assert.equal(empty.annotations.task.buckets[0].share, 0);
    assert.equal(empty.annotations.task.buckets[0].gap, 5);
    assert.deepEqual(empty.tasks, {
      covered: 0,
      onTarget: 0,
      total: 3,
      missing: ['generation', 'open_qa', 'closed_qa'],
    });
  });
});

describe('tasks on target', () => {
  it('a task is on target when it meets its target, or is present where none is set', () => {
    const g = guidelinesFrom(`sft-guidelines: 1
annotations:
  tasks: [generation, open_qa, closed_qa, extraction]
targets:
  task: { generation: 50%, open_qa: 50% }
`);
    const ix = new WorkspaceIndex();
    ix.setFile(
      'a.sft.yaml',
      parseSft(
        `sft: 1\npairs:\n${pair('p1', 'generation', 'instructive', 3)}${pair('p2', 'generation', 'instructive', 3)}${pair('p3', 'closed_qa', 'instructive', 3)}${pair('p4', 'open_qa', 'instructive', 3)}`,
      ),
      g,
    );
    const c = computeCoverage(ix.pairs(), g);
    // generation 2/4 meets 50%; open_qa 1/4 misses it; closed_qa has no target and a pair;
    // extraction has neither.
    assert.deepEqual(c.tasks, { covered: 3, onTarget: 2, total: 4, missing: ['extraction'] });
  });
});

describe('coverage tallies', () => {
  it("adding and taking away one file's tally gives the same coverage as recounting", async () => {
    const { countCoverage, addCounts, newCoverageCounts, coverageFromCounts, computeCoverage } =
      await import('../../../src/core/coverage');
    const { indexFile } = await import('../../../src/core/workspace/index');
    const { parseSft } = await import('../../../src/core/parse/parse');
    const { defaultGuidelines } = await import('../../../src/core/guidelines');
    const { cleanPair, sftFile } = await import('../helpers');
    const g = defaultGuidelines();
    g.targets.shares.task = { open_qa: 0.5, summarization: 0.25 };
    const a = indexFile(
      'a',
      parseSft(
        sftFile(cleanPair('a1'), cleanPair('a2').replace('task: open_qa', 'task: summarization')),
      ),
      g,
    );
    const b1 = indexFile('b', parseSft(sftFile(cleanPair('b1'))), g);
    const b2 = indexFile(
      'b',
      parseSft(
        sftFile(
          cleanPair('b1').replace('author', 'x').replace('task: open_qa', 'task: extraction'),
          cleanPair('b2'),
        ),
      ),
      g,
    );
    const total = newCoverageCounts();
    addCounts(total, countCoverage(a.pairs), 1);
    addCounts(total, countCoverage(b1.pairs), 1);
    addCounts(total, countCoverage(b1.pairs), -1);
    addCounts(total, countCoverage(b2.pairs), 1);
    assert.deepEqual(coverageFromCounts(total, g), computeCoverage([...a.pairs, ...b2.pairs], g));
    addCounts(total, countCoverage(b2.pairs), -1);
    addCounts(total, countCoverage(a.pairs), -1);
    assert.equal(total.total, 0);
    assert.deepEqual(coverageFromCounts(total, g), computeCoverage([], g));
  });
});

describe('coverage of values an annotation cannot take', () => {
  const g = defaultGuidelines();
  const text = sftFile(
    cleanPair('ok'),
    cleanPair('bad-task').replace('task: open_qa', 'task: rewritting'),
    cleanPair('bad-all')
      .replace('task: open_qa', 'task: rewritting')
      .replace('prompt_type: instructive', 'prompt_type: instruktive')
      .replace('response_type: descriptive', 'response_type: essay')
      .replace('status: draft', 'status: aproved')
      .replace('language: en', 'language: english')
      .replace('domain: science', 'domain: astrology\ntraits: [persona, bogus, bogus2]'),
  );
  const pairs = indexFile('a.sft.yaml', parseSft(text), g).pairs;
  const cov = computeCoverage(pairs, g);
  const rows = (key: CoverageKey) =>
    cov.annotations[key].buckets.filter((b) => b.count).map((b) => [b.value, b.count]);

  it('counts them in (invalid), not as values of their own', () => {
    assert.deepEqual(
      cov.annotations.task.buckets.map((b) => b.value),
      [...TASKS.map((t) => t.value), INVALID],
    );
    assert.deepEqual(rows('task'), [
      ['open_qa', 1],
      [INVALID, 2],
    ]);
    assert.deepEqual(rows('prompt_type'), [
      ['instructive', 2],
      [INVALID, 1],
    ]);
    assert.deepEqual(rows('response_type'), [
      ['descriptive', 2],
      [INVALID, 1],
    ]);
    assert.deepEqual(rows('status'), [
      ['draft', 2],
      [INVALID, 1],
    ]);
    assert.deepEqual(rows('language'), [
      ['en', 2],
      [INVALID, 1],
    ]);
    // A pair counts once in (invalid) however many of its traits are invalid; its valid trait still counts.
    assert.deepEqual(rows('traits'), [
      ['persona', 1],
      [INVALID, 1],
      [NONE, 2],
    ]);
    // Domains are an open set: a domain outside the list is a value of its own (disallowed-domain's finding).
    assert.deepEqual(rows('domain'), [
      ['science', 2],
      ['astrology', 1],
    ]);
    assert.deepEqual(cov.tasks.covered, 1);
    assert.deepEqual(cov.tasks.total, 10);
    assert.deepEqual(cov.matrix.rows.slice(-1), [INVALID]);
    assert.deepEqual(
      pairsIn(pairs, 'task', INVALID).map((p) => p.id),
      ['bad-task', 'bad-all'],
    );
    assert.deepEqual(pairsIn(pairs, 'task', 'rewritting'), []);
  });

  it('a per-file tally gives the same coverage as counting the pairs', () => {
    const total = newCoverageCounts();
    addCounts(total, countCoverage(pairs), 1);
    assert.deepEqual(coverageFromCounts(total, g), cov);
    assert.equal(total.values.task.get('rewritting'), undefined);
  });

  it('(invalid) holds exactly the values invalid-value reports', () => {
    const cases: Array<[key: string, value: string]> = [
      ['task', 'rewriting'],
      ['task', 'rewritting'],
      ['task', 'constructor'],
      ['prompt_type', 'in_context'],
      ['prompt_type', 'In_Context'],
      ['response_type', 'one_word'],
      ['response_type', 'one word'],
      ['status', 'approved'],
      ['status', 'done'],
      ['language', 'en'],
      ['language', 'pt-BR'],
      ['language', 'english'],
      ['language', 'pt_BR'],
      ['traits', '[persona]'],
      ['traits', '[personas]'],
    ];
    for (const [key, value] of cases) {
      const t = sftFile(
        cleanPair('x').replace(
          new RegExp(`^${key}: .*$|^(?=prompt:)`, 'm'),
          (m) => `${key}: ${value}${m ? '' : '\n'}`,
        ),
      );
      const reported = lint(t, { only: 'invalid-value' }).length > 0;
      const p = indexFile('x.sft.yaml', parseSft(t), g).pairs[0];
      const counted = valuesOf(p, key as CoverageKey).includes(INVALID);
      assert.equal(
        counted,
        reported,
        `${key}: ${value}: invalid-value ${reported ? 'reports it' : 'does not report it'}, coverage ${counted ? 'counts it invalid' : 'counts it valid'}`,
      );
    }
  });
});
