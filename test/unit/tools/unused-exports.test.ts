import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type UnusedExports = (
  root: string,
  options?: { strict?: boolean; entries?: Set<string>; pending?: Record<string, string[]> },
) => string[];

// A small project with every kind of use the check must see, and every kind of finding.
const PROJECT: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      target: 'ES2022',
      lib: ['ES2022'],
      types: [],
      noEmit: true,
    },
    include: ['src', 'test'],
  }),
  'src/lib.ts': `
/** Imported by src/use.ts. */
export function imported(): number { return 1; }
/** A type used in an import type. */
export interface Shape { n: number }
/** Re-exported by src/barrel.ts and used through it. */
export const viaBarrel = 2;
/** Used by nobody. */
export function dead(): void {}
/** Used in this file only. */
export function local(): number { return imported(); }
const total = local();
void total;
/** Used by a test alone, untagged. */
export function testOnly(): void {}
/**
 * Used by a test alone, tagged.
 * @usedBy tests
 */
export function taggedForTests(): void {}
/**
 * Tagged, but no test uses it.
 * @usedBy tests
 */
export function staleTag(): void {}
/**
 * Used by a build script the program does not see.
 * @usedBy build.mjs
 */
export function forTheBuild(): void {}
/** Left for another change. */
export function pendingDead(): void {}
/** Required on demand. */
export class Lazy {}
`,
  'src/barrel.ts': "export { viaBarrel } from './lib';\n",
  'src/use.ts': `
import { imported, type Shape } from './lib';
import { viaBarrel } from './barrel';
declare const require: (id: string) => unknown;
const { Lazy } = require('./lib') as typeof import('./lib');
export const all: Shape = { n: imported() + viaBarrel };
export const made = new Lazy();
`,
  'test/lib.test.ts':
    "import { testOnly, taggedForTests } from '../src/lib';\ntestOnly(); taggedForTests();\n",
};

describe('unused exports check (scripts/unused-exports.mjs)', function () {
  this.timeout(60000);
  let root: string;
  let unusedExports: UnusedExports;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'sft-unused-exports-'));
    for (const [file, text] of Object.entries(PROJECT)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    ({ unusedExports } = (await import(
      pathToFileURL(resolve('scripts/unused-exports.mjs')).href
    )) as { unusedExports: UnusedExports });
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const names = (lines: string[]) =>
    lines.map((l) =>
      l
        .split(/\s{2,}/)
        .slice(1)
        .join(': '),
    );

  it('reports dead exports, test-only ones without a tag and stale tags; sees imports, re-exports, import types and destructured requires', () => {
    const found = unusedExports(root, {
      entries: new Set(['src/use.ts']),
      pending: { 'src/lib.ts': ['pendingDead', 'imported'] },
    });
    assert.deepEqual(names(found).sort(), [
      'dead: unused: remove it, or the export keyword',
      'imported: in PENDING, but no longer an unused export: take it out of the list',
      'staleTag: tagged @usedBy tests, but nothing under test/ uses it',
      'testOnly: used only outside src/ (test/lib.test.ts): tag it @usedBy tests|bench, or remove it',
    ]);
    assert.ok(
      found.every((l) => /^src\/lib\.ts(:\d+)? {2}/.test(l)),
      found.join('\n'),
    );
  });

  it('with --strict, also reports exports used only in their own file', () => {
    const strict = names(
      unusedExports(root, { strict: true, entries: new Set(['src/use.ts']), pending: {} }),
    );
    assert.ok(
      strict.includes('local: unused: remove it, or the export keyword'),
      strict.join('\n'),
    );
    assert.ok(
      strict.includes('pendingDead: unused: remove it, or the export keyword'),
      strict.join('\n'),
    );
    assert.ok(
      !strict.some((l) =>
        /^(imported|viaBarrel|Shape|Lazy|forTheBuild|taggedForTests|all|made):/.test(l),
      ),
      strict.join('\n'),
    );
  });
});
