import * as assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { sft, tempDir } from './run-cli';

const PAIRS = 'sft: 1\npairs:\n  - id: a-1\n    prompt: Name a colour.\n    response: Blue.\n';

describe('cli: what export and import may write over, and unreadable folders', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
    writeFileSync(join(t.dir, 'a.sft.yaml'), PAIRS);
  });
  afterEach(() => t.cleanup());

  const run = (args: string[]): ReturnType<typeof sft> => sft(args, { cwd: t.dir });

  it('export never writes over its own source, even with --overwrite and --force', () => {
    for (const extra of [[], ['--overwrite', '--force']]) {
      const r = run([
        'export',
        '--format',
        'openai',
        'a.sft.yaml',
        '--out',
        'a.sft.yaml',
        ...extra,
      ]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(
        r.stderr,
        'sft: refusing to write over a.sft.yaml: it is an input of this command\n',
      );
      assert.equal(readFileSync(join(t.dir, 'a.sft.yaml'), 'utf8'), PAIRS);
    }
  });

  it('export refuses a link to one of its inputs and a source found by walking a folder', () => {
    symlinkSync(join(t.dir, 'a.sft.yaml'), join(t.dir, 'link.jsonl'));
    const r = run(['export', '--format', 'jsonl', '.', '--out', 'link.jsonl', '--overwrite']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^sft: refusing to write over link\.jsonl: it is an input/);
    assert.equal(readFileSync(join(t.dir, 'a.sft.yaml'), 'utf8'), PAIRS);
  });

  it('export writes over an existing file only with --overwrite', () => {
    writeFileSync(join(t.dir, 'train.jsonl'), 'mine');
    const refused = run(['export', '--format', 'openai', 'a.sft.yaml', '--out', 'train.jsonl']);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'sft: train.jsonl exists; pass --overwrite to overwrite it\n');
    assert.equal(readFileSync(join(t.dir, 'train.jsonl'), 'utf8'), 'mine');
    const done = run([
      'export',
      '--format',
      'openai',
      'a.sft.yaml',
      '--out',
      'train.jsonl',
      '--overwrite',
    ]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(readFileSync(join(t.dir, 'train.jsonl'), 'utf8'), /"Blue\."/);
  });

  it('export and import refuse a dangling symbolic link at --out (nothing is created)', () => {
    writeFileSync(join(t.dir, 'in.jsonl'), JSON.stringify({ prompt: 'p?', response: 'r.' }) + '\n');
    symlinkSync(join(t.dir, 'nowhere', 'x'), join(t.dir, 'out.sft.yaml'));
    mkdirSync(join(t.dir, 'nowhere'));
    for (const args of [
      ['import', '--format', 'jsonl', 'in.jsonl', '--out', 'out.sft.yaml'],
      ['import', '--format', 'jsonl', 'in.jsonl', '--out', 'out.sft.yaml', '--force'],
      ['export', '--format', 'jsonl', 'a.sft.yaml', '--out', 'out.sft.yaml', '--overwrite'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(
        r.stderr,
        'sft: refusing to write out.sft.yaml: it is a symbolic link to nothing\n',
      );
      assert.deepEqual(readdirSync(join(t.dir, 'nowhere')), []);
    }
  });

  it('import never writes over its input, even with --force', () => {
    const input = JSON.stringify({ prompt: 'p?', response: 'r.' }) + '\n';
    writeFileSync(join(t.dir, 'in.jsonl'), input);
    const r = run(['import', '--format', 'jsonl', 'in.jsonl', '--out', 'in.jsonl', '--force']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'sft: refusing to write over in.jsonl: it is an input of this command\n',
    );
    assert.equal(readFileSync(join(t.dir, 'in.jsonl'), 'utf8'), input);
  });

  describe('a folder that cannot be read', () => {
    // Root reads any folder: the CLI then runs as "nobody", who cannot list a mode 000 folder.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    beforeEach(function () {
      if (process.platform === 'win32') this.skip();
      chmodSync(t.dir, 0o755);
      chmodSync(join(t.dir, 'a.sft.yaml'), 0o644);
      mkdirSync(join(t.dir, 'locked'));
      writeFileSync(join(t.dir, 'locked', 'b.sft.yaml'), PAIRS.replace('a-1', 'b-1'));
      chmodSync(join(t.dir, 'locked'), 0o000);
    });
    afterEach(() => chmodSync(join(t.dir, 'locked'), 0o755));

    for (const args of [
      ['lint', '--format', 'json'],
      ['export', '--format', 'jsonl'],
      ['export', '--format', 'openai', '--out', 'train.jsonl'],
    ])
      it(`sft ${args.join(' ')}: exit 2 with one line, nothing written`, () => {
        const r = sft(args, { cwd: t.dir, uid });
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(
          r.stderr,
          `sft: cannot read folder ${join(t.dir, 'locked')}: permission denied\n`,
        );
        assert.equal(existsSync(join(t.dir, 'train.jsonl')), false);
      });
  });
});
