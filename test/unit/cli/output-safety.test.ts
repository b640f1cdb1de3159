import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatStylish } from '../../../src/cli/format/stylish';
import { sft, tempDir } from './run-cli';

/** Any character a terminal acts on or that reorders a line, except the line break between lines. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A file name, id, value, key and author that try to clear the screen, colour, reorder and break tables. */
const HOSTILE_NAME = 'f\x1b[2J\u202e.sft.yaml';
const HOSTILE_FILE = `sft: 1
pairs:
  - id: "x\\e[2J"
    task: "\\e[2Jwipe\\u202egnp"
    "k\\e[31m": 1
    author: "a\\nb|c *d* \\u2066"
    prompt: Say it better.
    response: Here it is.
`;

/** Run `check` on a fresh folder holding the hostile file. */
function withHostileDir(check: (dir: string) => void): void {
  const t = tempDir();
  try {
    writeFileSync(join(t.dir, HOSTILE_NAME), HOSTILE_FILE);
    check(t.dir);
  } finally {
    t.cleanup();
  }
}

describe('cli: output is safe for terminals and Markdown', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);

  it('stylish shows control and bidi characters in ids, values, keys and file names visibly', () => {
    withHostileDir((dir) => {
      const r = sft(['lint', dir]);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(!UNSAFE.test(r.stdout), JSON.stringify(r.stdout));
      assert.match(r.stdout, /f\\x1b\[2J\\u202e\.sft\.yaml:3:9 +error +id "x\\x1b\[2J" may only/);
      assert.match(r.stdout, /"\\x1b\[2Jwipe\\u202egnp" is not a task/);
      assert.match(r.stdout, /Unknown key "k\\x1b\[31m"/);
    });
  });

  it('JSON, SARIF and coverage JSON keep the text exact, with bidi and C1 written as \\u escapes', () => {
    withHostileDir((dir) => {
      const raw = sft(['lint', '--format', 'json', dir]).stdout;
      assert.ok(!UNSAFE.test(raw), raw);
      assert.ok(raw.includes('\\u202e'));
      const json = JSON.parse(raw) as { file: string; message: string }[];
      assert.ok(json.every((p) => p.file.endsWith(HOSTILE_NAME)));
      assert.ok(
        json.some(
          (p) => p.message === 'id "x\x1b[2J" may only use letters, digits, ".", "_" and "-".',
        ),
      );
      const sarif = sft(['lint', '--format', 'sarif', dir]).stdout;
      assert.ok(!UNSAFE.test(sarif), sarif);
      assert.ok(JSON.stringify(JSON.parse(sarif)).includes('\\u001b[2Jwipe\u202egnp'));
      const coverage = sft(['coverage', '--format', 'json', dir]).stdout;
      assert.ok(!UNSAFE.test(coverage), coverage);
      const groups = JSON.parse(coverage) as {
        annotations: { author: { buckets: { value: string }[] } };
      }[];
      assert.equal(groups[0].annotations.author.buckets[0].value, 'a\nb|c *d* \u2066');
    });
  });

  it('colours of our own still work around escaped user text', () => {
    const out = formatStylish(
      [
        {
          file: 'a\x1b[2J.sft.yaml',
          problems: [
            {
              file: 'a\x1b[2J.sft.yaml',
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 2,
              severity: 'error',
              rule: 'my\x1b[8m-pattern',
              message: 'id "\u202ex" is bad',
              fixable: false,
            },
          ],
        },
      ],
      { color: true, fileCount: 1 },
    );
    assert.ok(out.startsWith('\x1b[1ma\\x1b[2J.sft.yaml\x1b[0m\n'), JSON.stringify(out));
    assert.ok(out.includes('\x1b[31merror\x1b[0m  id "\\u202ex" is bad'), JSON.stringify(out));
    assert.ok(out.includes('\x1b[2mmy\\x1b[8m-pattern\x1b[0m'), JSON.stringify(out));
    // The only escape sequences left are our colours.
    assert.ok(!/\x1b(?!\[(?:[0-3]?[0-9])?m)/.test(out), JSON.stringify(out));
  });

  it('the coverage table shows values visibly', () => {
    withHostileDir((dir) => {
      const r = sft(['coverage', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!UNSAFE.test(r.stdout), JSON.stringify(r.stdout));
      assert.match(
        r.stdout,
        /\nauthor +count +share +target +gap\na\\nb\|c \*d\* \\u2066 +1 +100\.0%\n/,
      );
    });
  });

  it('the Markdown coverage report keeps a newline, a pipe and emphasis in one literal cell', () => {
    withHostileDir((dir) => {
      const r = sft(['coverage', '--format', 'markdown', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!UNSAFE.test(r.stdout), JSON.stringify(r.stdout));
      const table = r.stdout.split('\n## author\n\n')[1].split('\n\n')[0].trimEnd().split('\n');
      assert.deepEqual(table.slice(2), ['| a\\\\nb\\|c \\*d\\* \\\\u2066 | 1 | 100.0% |  |  |  |']);
      // Every row of every table has its header's cells (unescaped pipes only between cells):
      // six in an annotation's table, one more than the columns in a cross table.
      for (const block of r.stdout.split('\n\n').filter((b) => b.startsWith('|'))) {
        const [header, ...rows] = block.split('\n').filter((l) => l.startsWith('|'));
        const cells = (row: string) => row.split(/(?<!\\)\|/).length;
        if (header.startsWith('| value |')) assert.equal(cells(header), 8, header);
        for (const row of rows) assert.equal(cells(row), cells(header), row);
      }
      // The hostile author is one literal row of the progress table too.
      assert.match(r.stdout, /\n\| a\\\\nb\\\|c \\\*d\\\* \\\\u2066 \| 0 \| /);
    });
  });

  it('messages on standard error quote user text visibly', () => {
    const r = sft(['lint', 'nope\x1b[2J\u202e']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^sft: no \.sft\.yaml files match nope\\x1b\[2J\\u202e\n$/);
    const unknown = sft(['li\x1bnt']);
    assert.match(unknown.stderr, /^sft: unknown command "li\\x1bnt"/);
  });
});
