import * as assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  openSync,
  closeSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { FileLinter } from '../../../src/core/lint';
import { defaultGuidelines, loadGuidelines } from '../../../src/core/guidelines';
import { FIXTURES, lintJson as lintJsonIn, sft, tempDir, type JsonProblem } from './run-cli';
import { services } from '../helpers';

const clean = join(FIXTURES, 'clean');
const mixed = join(FIXTURES, 'mixed');

describe('cli: sft lint', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);
  it('a clean folder: summary line, exit 0', () => {
    const r = sft(['lint', '.'], { cwd: clean });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '0 problems (0 errors, 0 warnings, 0 infos) in 1 file\n');
  });

  it('stylish: grouped per file, file:line:col  severity  message  rule, summary; exit 1 on errors', () => {
    const r = sft(['lint'], { cwd: mixed });
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'errors.sft.yaml');
    assert.match(
      lines[1],
      /^ {2}errors\.sft\.yaml:11:15 {2}error {2}Placeholder "TODO".* {2}placeholder$/,
    );
    assert.ok(lines.includes('warnings.sft.yaml'));
    assert.match(
      r.stdout,
      /warnings\.sft\.yaml:12:15 {2}warning {2}Banned phrase.* {2}banned-phrase\n/,
    );
    assert.match(r.stdout, /\n2 problems \(1 error, 1 warning, 0 infos\) in 2 files\n$/);
  });

  it('json: an array of {file, line, column, endLine, endColumn, severity, rule, message, fixable}, 1-based', () => {
    const r = sft(['lint', '--format', 'json', 'errors.sft.yaml'], { cwd: mixed });
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.stdout) as JsonProblem[];
    assert.deepEqual(
      problems.map((p) => Object.keys(p)),
      [
        [
          'file',
          'line',
          'column',
          'endLine',
          'endColumn',
          'severity',
          'rule',
          'message',
          'fixable',
        ],
      ],
    );
    assert.deepEqual(
      { ...problems[0], message: '' },
      {
        file: 'errors.sft.yaml',
        line: 11,
        column: 15,
        endLine: 11,
        endColumn: 19,
        severity: 'error',
        rule: 'placeholder',
        message: '',
        fixable: problems[0].fixable,
      },
    );
  });

  it('sarif: 2.1.0 with rule descriptions, help links, levels and 1-based regions', () => {
    const r = sft(['lint', '--format', 'sarif'], { cwd: mixed });
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: {
          driver: {
            name: string;
            rules: { id: string; shortDescription: { text: string }; helpUri: string }[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }[];
        }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'SFT Studio');
    const placeholder = run.tool.driver.rules.find((x) => x.id === 'placeholder');
    assert.ok(placeholder && placeholder.shortDescription.text.length > 10);
    assert.match(placeholder.helpUri, /docs\/rules\/placeholder\.md$/);
    const result = run.results.find((x) => x.ruleId === 'placeholder')!;
    assert.equal(result.level, 'error');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'placeholder');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'errors.sft.yaml');
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: 11,
      startColumn: 15,
      endLine: 11,
      endColumn: 19,
    });
    assert.equal(run.results.find((x) => x.ruleId === 'banned-phrase')?.level, 'warning');
  });

  it('--max-warnings: exit 1 only when warnings exceed it', () => {
    assert.equal(sft(['lint', 'warnings.sft.yaml'], { cwd: mixed }).code, 0);
    assert.equal(sft(['lint', '--max-warnings', '1', 'warnings.sft.yaml'], { cwd: mixed }).code, 0);
    const over = sft(['lint', '--max-warnings', '0', 'warnings.sft.yaml'], { cwd: mixed });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /^sft: 1 warning, more than --max-warnings 0$/m);
  });

  it('--quiet: errors only', () => {
    const r = sft(['lint', '--quiet', '--format', 'json'], { cwd: mixed });
    assert.equal(r.code, 1);
    assert.deepEqual(
      (JSON.parse(r.stdout) as JsonProblem[]).map((p) => p.severity),
      ['error'],
    );
  });

  it('globs keep *.sft.yaml matches', () => {
    const r = sft(['lint', '--format', 'json', 'mixed/*'], { cwd: FIXTURES });
    assert.deepEqual(
      [...new Set((JSON.parse(r.stdout) as JsonProblem[]).map((p) => p.file))],
      ['mixed/errors.sft.yaml', 'mixed/warnings.sft.yaml'],
    );
  });

  it("reports a guidelines file's own problems under its path", () => {
    const t = tempDir();
    try {
      copyFileSync(join(clean, 'clean.sft.yaml'), join(t.dir, 'a.sft.yaml'));
      writeFileSync(
        join(t.dir, 'sft.guidelines.yaml'),
        'sft-guidelines: 1\nlenght: { short: 50 }\n',
      );
      const r = sft(['lint', '--format', 'json'], { cwd: t.dir });
      const problems = JSON.parse(r.stdout) as JsonProblem[];
      assert.ok(
        problems.some(
          (p) => p.file === 'sft.guidelines.yaml' && p.rule === 'unknown-key' && p.line === 2,
        ),
        r.stdout,
      );
    } finally {
      t.cleanup();
    }
  });

  it('prints the guidelines messages the editor shows, at the same place', () => {
    const t = tempDir();
    try {
      copyFileSync(join(clean, 'clean.sft.yaml'), join(t.dir, 'a.sft.yaml'));
      const text = 'sft-guidelines: 1\nrules:\n  repetition: bogus\n';
      writeFileSync(join(t.dir, 'sft.guidelines.yaml'), text);
      const problems = (
        JSON.parse(sft(['lint', '--format', 'json'], { cwd: t.dir }).stdout) as JsonProblem[]
      ).filter((p) => p.file === 'sft.guidelines.yaml');
      const [core] = loadGuidelines(text).problems;
      assert.equal(
        core.message,
        'rules.repetition: expected off, info, warning or error, or { severity, ... }, got "bogus"',
      );
      assert.deepEqual(
        problems.map((p) => [p.rule, p.message, p.line, p.column, p.endColumn]),
        [['schema', core.message, 3, 15, 20]],
      );
      const stylish = sft(['lint'], { cwd: t.dir }).stdout;
      assert.ok(stylish.includes(core.message), stylish);
    } finally {
      t.cleanup();
    }
  });

  describe('robust input', () => {
    let t: ReturnType<typeof tempDir>;
    beforeEach(() => {
      t = tempDir();
    });
    afterEach(() => t.cleanup());

    const lintJson = (args: string[]): ReturnType<typeof lintJsonIn> => lintJsonIn(t.dir, args);

    it('a 50 MB file is refused as too large, without reading it, and the rest is linted', () => {
      const fd = openSync(join(t.dir, 'big.sft.yaml'), 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      copyFileSync(join(clean, 'clean.sft.yaml'), join(t.dir, 'ok.sft.yaml'));
      const r = lintJson([]);
      assert.equal(r.code, 1);
      assert.deepEqual(
        r.problems.map((p) => [p.file, p.line, p.column, p.rule]),
        [['big.sft.yaml', 1, 1, 'unreadable-file']],
      );
      assert.match(r.problems[0].message, /too large \(50\.0 MB; the limit is 32\.0 MB\)/);
    });

    it('binary junk and invalid UTF-8: "not a text file"', () => {
      const junk = Buffer.alloc(4096);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) & 0xff;
      writeFileSync(join(t.dir, 'junk.sft.yaml'), junk);
      writeFileSync(
        join(t.dir, 'latin1.sft.yaml'),
        Buffer.from('sft: 1\npairs: []\n# caf\xe9\n', 'latin1'),
      );
      const r = lintJson([]);
      assert.equal(r.code, 1);
      assert.deepEqual(
        r.problems.map((p) => p.file),
        ['junk.sft.yaml', 'latin1.sft.yaml'],
      );
      for (const p of r.problems) assert.match(p.message, /not a text file/);
    });

    it('an empty file: a schema problem, not a crash', () => {
      writeFileSync(join(t.dir, 'empty.sft.yaml'), '');
      const r = lintJson([]);
      assert.equal(r.code, 1);
      assert.deepEqual(
        r.problems.map((p) => [p.file, p.rule, p.severity]),
        [['empty.sft.yaml', 'schema', 'error']],
      );
    });

    it('a directory named x.sft.yaml: skipped with a note when named, walked when found', () => {
      mkdirSync(join(t.dir, 'x.sft.yaml'));
      copyFileSync(
        join(FIXTURES, 'mixed', 'errors.sft.yaml'),
        join(t.dir, 'x.sft.yaml', 'inner.sft.yaml'),
      );
      const named = lintJson(['x.sft.yaml']);
      assert.equal(named.code, 0);
      assert.match(
        named.stderr,
        /^sft: skipped x\.sft\.yaml: it is a directory, not a \.sft\.yaml file\n$/,
      );
      const walked = lintJson([]);
      assert.deepEqual(
        walked.problems.map((p) => p.file),
        ['x.sft.yaml/inner.sft.yaml'],
      );
    });

    it('node_modules and .git are not searched', () => {
      for (const d of ['node_modules/pkg', '.git/x']) {
        mkdirSync(join(t.dir, d), { recursive: true });
        copyFileSync(join(FIXTURES, 'mixed', 'errors.sft.yaml'), join(t.dir, d, 'e.sft.yaml'));
      }
      const r = lintJson([]);
      assert.equal(r.code, 0);
      assert.deepEqual(r.problems, []);
    });

    it('an unreadable file: "permission denied"', function () {
      if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
      const path = join(t.dir, 'locked.sft.yaml');
      copyFileSync(join(clean, 'clean.sft.yaml'), path);
      chmodSync(path, 0o000);
      const r = lintJson([]);
      assert.equal(r.code, 1);
      assert.match(r.problems[0].message, /permission denied/);
    });

    it('a "billion laughs" file is reported (no-aliases) within a second', () => {
      let text =
        'sft: 1\npairs:\n  - id: lol\n    tags: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const name of 'bcdefghi') {
        text += `    x${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
        prev = name;
      }
      text += `    prompt: *${prev}\n    response: *${prev}\n`;
      writeFileSync(join(t.dir, 'laughs.sft.yaml'), text);
      const started = Date.now();
      const problems = new FileLinter(defaultGuidelines(), services).lint(text).problems;
      assert.ok(Date.now() - started < 1000, `lint took ${Date.now() - started} ms`);
      assert.ok(problems.some((p) => p.rule === 'no-aliases'));
      // The binary: no slower than starting the CLI at all, plus a second (machines under load start node slowly).
      const baseline = sft(['--version']).ms;
      const r = sft(['lint', '--format', 'json', 'laughs.sft.yaml'], { cwd: t.dir });
      assert.equal(r.code, 1);
      assert.ok(r.ms < baseline + 1000, `took ${r.ms} ms (starting the CLI: ${baseline} ms)`);
      const rules = new Set((JSON.parse(r.stdout) as JsonProblem[]).map((p) => p.rule));
      assert.ok(rules.has('no-aliases'));
    });
  });
});
