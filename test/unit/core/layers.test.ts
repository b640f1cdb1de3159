import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'util',
  'crypto',
  'url',
  'stream',
  'events',
  'process',
  'buffer',
  'zlib',
  'http',
  'https',
  'net',
  'assert',
  'module',
  'readline',
  'v8',
  'perf_hooks',
  'timers',
  'tty',
]);

describe('layers', () => {
  const files = sources('src/core');

  it('finds the core sources', () => {
    assert.ok(files.length > 10, `only ${files.length} files under src/core`);
  });

  it('src/core imports no vscode and no node:* module (it also runs in the CLI and a browser)', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec === 'vscode' || spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]))
          offenders.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('src/core never calls require: the host hands it services instead', () => {
    const offenders = files.filter((file) => /\brequire\s*\(/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('the import scan catches the forms it looks for', () => {
    const sample =
      "import * as fs from 'node:fs';\nimport type { X } from 'vscode';\nconst p = require('path');\n";
    const specs = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
    assert.deepEqual(specs, ['node:fs', 'vscode', 'path']);
  });
});
