import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintJson as lintJsonIn, sft, tempDir } from './run-cli';

const PAIR = 'sft: 1\npairs:\n  - id: a\n    prompt: hi\n    response: ok\n';

describe('cli: hostile files', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  const lintJson = (args: string[]): ReturnType<typeof lintJsonIn> => lintJsonIn(t.dir, args);

  it('10,000 levels of block and flow nesting: one problem at the place each, no crash', () => {
    writeFileSync(
      join(t.dir, 'block.sft.yaml'),
      `${PAIR}    deep:\n      ${'- '.repeat(10_000)}x\n`,
    );
    writeFileSync(
      join(t.dir, 'flow.sft.yaml'),
      `${PAIR}    deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    );
    writeFileSync(join(t.dir, 'ok.sft.yaml'), PAIR.replace('id: a', 'id: b'));
    const r = lintJson([]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const deep = r.problems.filter((p) => p.rule === 'yaml-syntax');
    assert.deepEqual(
      deep.map((p) => [p.file, p.line, p.column, p.message]),
      [
        [
          'block.sft.yaml',
          7,
          201,
          'Nesting deeper than 100 levels; SFT Studio reads values nested at most 100 levels deep',
        ],
        [
          'flow.sft.yaml',
          6,
          108,
          'Nesting deeper than 100 levels; SFT Studio reads values nested at most 100 levels deep',
        ],
      ],
    );
    // The rest of each file is still linted (its pair has no annotations).
    for (const file of ['block.sft.yaml', 'flow.sft.yaml'])
      assert.ok(
        r.problems.some((p) => p.file === file && p.rule === 'missing-annotation'),
        file,
      );
  });

  it('a second YAML document: says that a file holds one, not what a library call to use', () => {
    writeFileSync(join(t.dir, 'two.sft.yaml'), `${PAIR}---\n${PAIR.replace('id: a', 'id: b')}`);
    const r = lintJson([]);
    const syntax = r.problems.filter((p) => p.rule === 'yaml-syntax');
    assert.deepEqual(
      syntax.map((p) => [p.line, p.column, p.message]),
      [
        [
          6,
          1,
          'A file holds one YAML document: this second one, after a `---` line, is not read. Keep every pair in the first document, or move these lines to a file of their own',
        ],
      ],
    );
    assert.doesNotMatch(JSON.stringify(r.problems), /parseAllDocuments/);
  });

  it('a link to /dev/zero and a FIFO, by glob, by folder and by name: one line each, nothing read', function () {
    if (process.platform === 'win32') this.skip();
    writeFileSync(join(t.dir, 'ok.sft.yaml'), PAIR);
    symlinkSync('/dev/zero', join(t.dir, 'zero.sft.yaml'));
    execFileSync('mkfifo', [join(t.dir, 'fifo.sft.yaml')]);
    const device = 'Cannot lint this file: it is a character device, not a regular file.';
    const fifo = 'Cannot lint this file: it is a named pipe (FIFO), not a regular file.';
    const byGlob = lintJson(['*.sft.yaml']);
    assert.deepEqual(
      byGlob.problems
        .map((p) => [p.file, p.line, p.column, p.rule, p.message])
        .filter((p) => p[3] === 'unreadable-file'),
      [['zero.sft.yaml', 1, 1, 'unreadable-file', device]],
    );
    const byName = lintJson(['zero.sft.yaml', 'fifo.sft.yaml', 'ok.sft.yaml']);
    assert.deepEqual(
      byName.problems.filter((p) => p.rule === 'unreadable-file').map((p) => [p.file, p.message]),
      [
        ['fifo.sft.yaml', fifo],
        ['zero.sft.yaml', device],
      ],
    );
    // A folder walk follows links to regular files only.
    assert.deepEqual(
      lintJson(['.']).problems.filter((p) => p.rule === 'unreadable-file'),
      [],
    );
  });

  it('targets of 250% and 1000000%: reported at their place by lint, and by coverage on stderr', () => {
    writeFileSync(
      join(t.dir, 'sft.guidelines.yaml'),
      'sft-guidelines: 1\ntargets:\n  task: { generation: 250%, summarization: 1000000% }\n  prompt_type: { instructive: 250 }\n',
    );
    writeFileSync(join(t.dir, 'a.sft.yaml'), PAIR);
    const expected = [
      [
        3,
        23,
        'targets.task.generation: expected a share from 0% to 100%, like 15% or 0.15, got "250%"',
      ],
      [
        3,
        44,
        'targets.task.summarization: expected a share from 0% to 100%, like 15% or 0.15, got "1000000%"',
      ],
      [
        4,
        31,
        'targets.prompt_type.instructive: expected a share from 0% to 100%, like 15% or 0.15, got 250',
      ],
    ];
    const lint = lintJson([]);
    assert.deepEqual(
      lint.problems
        .filter((p) => p.file === 'sft.guidelines.yaml')
        .map((p) => [p.line, p.column, p.message]),
      expected,
    );
    const coverage = sft(['coverage', '--format', 'json'], { cwd: t.dir });
    assert.equal(coverage.code, 0);
    JSON.parse(coverage.stdout); // standard output stays the report
    assert.equal(
      coverage.stderr,
      expected
        .map(([l, c, m]) => `sft: sft.guidelines.yaml:${l}:${c}: ${m} (not applied)\n`)
        .join(''),
    );
    // --check cannot say the targets are met when the guidelines could not be read.
    assert.equal(sft(['coverage', '--check'], { cwd: t.dir }).code, 1);
  });
});
