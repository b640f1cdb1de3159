import * as assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { sft, tempDir } from './run-cli';

const PAIR = (id: string, response: string) => `  - id: ${id}
    task: open_qa
    prompt_type: instructive
    response_type: single_sentence
    domain: science
    language: en
    prompt: Why do cells need mitochondria?
    response: ${response}
`;

const BROKEN = `sft: 1
pairs:
${PAIR('a-0001', 'As an AI language model, I think the mitochondria makes the energy a cell uses.')}${PAIR('a-0002', 'Write to jane.doe@acme.io for the the details of how a cell makes energy.')}  - task: open-qa
    prompt: Hi
    response: Fine.
`;
const CLEAN = `sft: 1\npairs:\n${PAIR('c-0001', 'Mitochondria turn food into the energy a cell uses, through respiration.')}`;

describe('cli: sft lint --fix', function () {
  this.timeout(60_000);

  it('fixes to a fixed point, writes only the files that change (line endings and BOM kept), says what it fixed, then reports what is left', () => {
    const { dir, cleanup } = tempDir();
    try {
      const broken = join(dir, 'broken.sft.yaml');
      const clean = join(dir, 'clean.sft.yaml');
      writeFileSync(broken, `\ufeff${BROKEN.replace(/\n/g, '\r\n')}`);
      writeFileSync(clean, CLEAN);
      const old = new Date('2020-01-01T00:00:00Z');
      utimesSync(clean, old, old);
      const r = sft(['lint', '--fix', '.'], { cwd: dir });
      assert.equal(
        r.stdout.split('\n')[0],
        'broken.sft.yaml: fixed 5 problems: banned-phrase ×1, invalid-value ×1, missing-id ×1, pii ×1, repetition ×1',
      );
      const text = readFileSync(broken, 'utf8');
      assert.ok(text.startsWith('\ufeffsft: 1\r\n'), 'the BOM stays');
      assert.ok(!/[^\r]\n/.test(text), 'every line still ends in CRLF');
      assert.deepEqual(parseDocument(text).errors, []);
      assert.match(text, /response: I think the mitochondria makes the energy a cell uses\.\r\n/);
      assert.match(text, /response: Write to \[EMAIL\] for the details/);
      assert.match(text, /- id: a-0003\r\n {4}task: open_qa\r\n/);
      assert.equal(
        statSync(clean).mtimeMs,
        old.getTime(),
        'a file with nothing to fix is not written',
      );
      // What is left: the third pair's missing annotations (no fix), a warning: exit 0.
      assert.match(
        r.stdout,
        /broken\.sft\.yaml:\d+:\d+ +warning +Missing annotations prompt_type, response_type, domain, language .* missing-annotation/,
      );
      assert.match(r.stdout, /\n1 problem \(0 errors, 1 warning, 0 infos\) in 2 files\n$/);
      assert.equal(r.code, 0, r.stderr);
      // A second run has nothing left to fix.
      const again = sft(['lint', '--fix', '.'], { cwd: dir });
      assert.ok(!again.stdout.includes('fixed'), again.stdout);
    } finally {
      cleanup();
    }
  });

  it('the exit code comes from what is left; with --format json the summary goes to standard error', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(
        join(dir, 'x.sft.yaml'),
        'sft: 1\npairs:\n  - id: x\n    prompt: TODO\n    response: Sure. I hope this helps\n',
      );
      const r = sft(['lint', '--fix', '--format', 'json'], { cwd: dir });
      assert.equal(r.stderr, 'x.sft.yaml: fixed 1 problem: banned-phrase ×1\n');
      const problems = JSON.parse(r.stdout) as Array<{ rule: string }>;
      assert.ok(
        problems.some((p) => p.rule === 'placeholder'),
        'the placeholder error has no fix and is left',
      );
      assert.equal(r.code, 1);
      assert.equal(
        readFileSync(join(dir, 'x.sft.yaml'), 'utf8'),
        'sft: 1\npairs:\n  - id: x\n    prompt: TODO\n    response: Sure.\n',
      );
    } finally {
      cleanup();
    }
  });

  it('fixes the guidelines file first; --fix-dry-run says what it would fix and writes nothing', () => {
    const { dir, cleanup } = tempDir();
    try {
      const g = join(dir, 'sft.guidelines.yaml');
      writeFileSync(g, 'sft-guidelines: 1\nhandbok: docs/handbook.md\n');
      writeFileSync(join(dir, 'b.sft.yaml'), BROKEN);
      const dry = sft(['lint', '--fix-dry-run'], { cwd: dir });
      assert.match(
        dry.stdout,
        /^b\.sft\.yaml: would fix 5 problems: .*\nsft\.guidelines\.yaml: would fix 1 problem: unknown-key ×1\n\n/,
      );
      assert.equal(readFileSync(join(dir, 'b.sft.yaml'), 'utf8'), BROKEN);
      assert.match(dry.stdout, /banned-phrase/, 'the report is of the files as they are');
      const r = sft(['lint', '--fix'], { cwd: dir });
      assert.match(r.stdout, /sft\.guidelines\.yaml: fixed 1 problem: unknown-key ×1/);
      assert.equal(readFileSync(g, 'utf8'), 'sft-guidelines: 1\nhandbook: docs/handbook.md\n');
    } finally {
      cleanup();
    }
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    const r = sft(['lint', '--fix', '--fix-dry-run']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix and --fix-dry-run/);
  });
});
