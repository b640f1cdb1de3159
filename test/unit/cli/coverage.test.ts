import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sft, tempDir } from './run-cli';

describe('cli: sft coverage', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);
  it('table: one aligned block per annotation with count, share, target, gap and mark', () => {
    const r = sft(['coverage', 'examples']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^Coverage: 38 pairs of a target 40 \(2 to go\) in 4 files; guidelines: examples\/sft\.guidelines\.yaml\n/,
    );
    assert.match(r.stdout, /\nTasks covered: 10\/10;/);
    assert.match(r.stdout, /\ntask +count +share +target +gap\n/);
    assert.match(r.stdout, /\nsummarization +3 +7\.9% +10% +1 +MISS\n/);
    assert.match(r.stdout, /\nlanguage +count/);
  });

  it('json and markdown', () => {
    const json = sft(['coverage', '--format', 'json', 'examples']);
    const groups = JSON.parse(json.stdout) as {
      guidelines: string;
      total: number;
      annotations: Record<string, { buckets: { value: string; count: number }[] }>;
    }[];
    assert.equal(groups.length, 1);
    assert.equal(groups[0].guidelines, 'examples/sft.guidelines.yaml');
    assert.equal(groups[0].total, 38);
    assert.equal(groups[0].annotations.language.buckets.find((b) => b.value === 'hi')?.count, 8);
    const md = sft(['coverage', '--format', 'markdown', 'examples']);
    assert.match(
      md.stdout,
      /\n## prompt_type\n\n\| value \| count \| share \| target \| gap \| \|\n\|---\|--:\|--:\|--:\|--:\|---\|\n\| instructive \| /,
    );
  });

  it('csv: one row per annotation value with the numbers of the table', () => {
    const csv = sft(['coverage', '--format', 'csv', 'examples']);
    assert.equal(csv.code, 0, csv.stderr);
    const lines = csv.stdout.split('\r\n');
    assert.equal(lines[0], 'guidelines,annotation,value,count,share,target,gap,mark');
    assert.ok(
      lines.includes('examples/sft.guidelines.yaml,task,summarization,3,7.9%,10%,1,MISS'),
      csv.stdout,
    );
    assert.equal(lines.pop(), '', 'ends with a line break');
    const json = JSON.parse(sft(['coverage', '--format', 'json', 'examples']).stdout) as {
      annotations: Record<string, { buckets: unknown[] }>;
    }[];
    const buckets = Object.values(json[0].annotations).reduce((n, a) => n + a.buckets.length, 0);
    assert.equal(lines.length - 1, buckets);
  });

  it('markdown ends with the task x prompt type and progress tables and the work list', () => {
    const md = sft(['coverage', '--format', 'markdown', 'examples']).stdout;
    assert.match(
      md,
      /\n## task × prompt_type\n\n\| task \| instructive \| continuation \| in\\_context \|\n\|---\|--:\|--:\|--:\|\n\| generation \| \d+ \| /,
    );
    assert.match(md, /\n## progress: author × status\n\n\| author \| draft \| /);
    assert.match(md, /\n## To reach the targets\n\n- \d+ more /);
  });

  it('--check exits 1 when a target is missed', () => {
    assert.equal(sft(['coverage', '--check', 'examples']).code, 1);
  });

  it('a task outside the list counts as (invalid), not as an 11th task', () => {
    const t = tempDir();
    try {
      const pair = (id: string, task: string) =>
        `  - id: ${id}\n    task: ${task}\n    prompt: Say it better.\n    response: Here it is.\n`;
      writeFileSync(
        join(t.dir, 'a.sft.yaml'),
        `sft: 1\npairs:\n${pair('a1', 'rewriting')}${pair('a2', 'rewritting')}`,
      );
      const r = sft(['coverage', t.dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /\nTasks covered: 1\/10 /);
      const taskRows = r.stdout
        .split('\n\n')
        .find((block) => block.startsWith('task '))!
        .split('\n')
        .slice(1)
        .map((l) => l.split(/ +/).slice(0, 2).join(' '));
      assert.deepEqual(taskRows.slice(-2), ['chain_of_thought 0', '(invalid) 1']);
      assert.equal(taskRows.length, 11);
      assert.doesNotMatch(r.stdout, /rewritting/);
    } finally {
      t.cleanup();
    }
  });

  it('one pair in one file reads "1 pair in 1 file"', () => {
    const t = tempDir();
    try {
      writeFileSync(
        join(t.dir, 'a.sft.yaml'),
        'sft: 1\npairs:\n  - id: a1\n    task: open_qa\n    prompt: Why?\n    response: Because.\n',
      );
      const r = sft(['coverage', t.dir]);
      assert.match(r.stdout, /^Coverage: 1 pair in 1 file;/);
    } finally {
      t.cleanup();
    }
  });
});
