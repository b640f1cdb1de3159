import { strict as assert } from 'node:assert';
import { computeCoverage } from '../../../src/core/coverage';
import { parseSft } from '../../../src/core/parse/parse';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import { workList } from '../../../src/core/work-list';
import { guidelinesFrom } from '../helpers';

/** Coverage of one file of pairs (task, prompt words, traits) under guidelines with targets. */
function coverageOf(targets: string, pairs: [string, number, string?][]) {
  const g = guidelinesFrom(`sft-guidelines: 1
annotations:
  tasks: [generation, open_qa, summarization]
length: { short: 5, long: 10 }
targets:
${targets}`);
  const text = `sft: 1\npairs:\n${pairs
    .map(
      ([task, words, traits], i) =>
        `  - id: p${i}\n    task: ${task}\n    prompt: ${Array.from({ length: words }, (_, w) => `w${w}`).join(' ')}\n    response: Yes.\n${traits ? `    traits: [${traits}]\n` : ''}`,
    )
    .join('')}`;
  const ix = new WorkspaceIndex();
  ix.setFile('a.sft.yaml', parseSft(text), g);
  return computeCoverage(ix.pairs(), g);
}

describe('work list', () => {
  it('combines the largest gap of each annotation, as many pairs as the smaller gap', () => {
    // 10 pairs, all short generation: summarization needs 3 (30%), long prompts 2 (20%).
    const c = coverageOf(
      '  task: { summarization: 30% }\n  prompt_length: { long: 20% }\n',
      Array.from({ length: 10 }, (): [string, number] => ['generation', 2]),
    );
    assert.deepEqual(
      workList(c).map((w) => [w.count, w.values, w.label]),
      [
        [2, { task: 'summarization', prompt_length: 'long' }, '2 more long summarization prompts'],
        [1, { task: 'summarization' }, '1 more summarization pair'],
      ],
    );
  });

  it('the items add up to every gap the report shows, and the target total to any kind', () => {
    const c = coverageOf(
      '  total: 20\n  task: { generation: 50%, open_qa: 20% }\n  traits: { persona: 30% }\n',
      [
        ['generation', 2, 'persona'],
        ['generation', 7],
        ['open_qa', 12, 'persona'],
        ['summarization', 2],
      ],
    );
    const items = workList(c);
    // Gaps of 20 pairs: generation 8, open_qa 3, persona 4; 16 more pairs to reach 20.
    for (const key of ['task', 'traits'] as const)
      for (const b of c.annotations[key].buckets) {
        const planned = items
          .filter((w) => w.values[key] === b.value)
          .reduce((n, w) => n + w.count, 0);
        assert.equal(planned, b.gap, `${key} ${b.value}`);
      }
    assert.equal(
      items.reduce((n, w) => n + w.count, 0),
      c.totalGap,
    );
    assert.deepEqual(items[0], {
      count: 4,
      values: { task: 'generation', traits: 'persona' },
      label: '4 more generation pairs · persona',
    });
    assert.equal(items[items.length - 1].label, '5 more pairs of any kind');
  });

  it('is empty when every target is met, and ignores (none) and (invalid)', () => {
    const c = coverageOf('  task: { generation: 50% }\n', [
      ['generation', 2],
      ['rewritting', 2],
    ]);
    assert.deepEqual(workList(c), []);
  });
});
