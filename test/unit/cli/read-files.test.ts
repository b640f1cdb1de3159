/**
 * How the CLI reads a file: whole, once, within its size limit, and refusing what is not
 * text. Real files in a temporary folder.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTextFile, probeTextFile, readTextFile } from '../../../src/node/files';
import { tempDir } from './run-cli';

describe('reading .sft.yaml files', () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);

  it('reads every byte of files of any size, the BOM kept', () => {
    for (const size of [0, 1, 4095, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 3, 3_000_001]) {
      const text = '\ufeff' + 'é'.repeat(Math.floor(size / 2)) + 'x'.repeat(size % 2);
      const file = join(dir, `f${size}.sft.yaml`);
      writeFileSync(file, text);
      const read = readTextFile(file);
      assert.ok(read.ok, String(size));
      assert.equal(read.text, text, String(size));
      const probe = probeTextFile(file);
      assert.deepEqual(probe, { ok: true, size: Buffer.byteLength(text) });
    }
  });

  it('reads on past the size it was told when the file is longer (a file still being written)', () => {
    // /proc files report size 0 and have content: the same path as a file that grew.
    const read = checkTextFile('/proc/self/status');
    if (!read.ok) return assert.fail(read.reason);
    assert.match(read.bytes.toString('utf8'), /^Name:/);
    // Still bounded: the limit applies to what is read, not to the size told.
    const bounded = checkTextFile('/proc/self/status', 10);
    assert.deepEqual(bounded, {
      ok: false,
      reason: 'file is too large (over 0.0 MB; the limit is 0.0 MB)',
    });
  });

  it('probe and read refuse the same paths before reading; only the read looks at the content', () => {
    const big = join(dir, 'big.sft.yaml');
    writeFileSync(big, 'x'.repeat(100));
    const sub = join(dir, 'folder.sft.yaml');
    mkdirSync(sub);
    const binary = join(dir, 'binary.sft.yaml');
    writeFileSync(binary, Buffer.from([0x61, 0, 0x62]));
    const missing = join(dir, 'missing.sft.yaml');
    assert.deepEqual(probeTextFile(big, 50), checkTextFile(big, 50));
    assert.match((probeTextFile(big, 50) as { reason: string }).reason, /too large/);
    assert.deepEqual(probeTextFile(sub), checkTextFile(sub));
    assert.deepEqual(probeTextFile(missing), {
      ok: false,
      reason: 'no such file or directory',
    });
    assert.deepEqual(probeTextFile(binary), { ok: true, size: 3 });
    assert.deepEqual(readTextFile(binary), {
      ok: false,
      reason: 'not a text file (it contains NUL bytes)',
    });
  });
});
