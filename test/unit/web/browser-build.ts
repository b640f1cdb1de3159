/** A browser build of a webview or host module, for the bundles' budget and no-Node tests. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

/** Each webview's budget: its JS, its CSS and the codicons stylesheet. */
export const BUDGET = 300 * 1024;

/**
 * A minified browser build of an entry (esbuild's command line: its API cannot run from the
 * test bundle), as its output files' texts by extension.
 */
function browserBuild(entry: string, external: string[] = []): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'sft-webview-bundle-'));
  const r = spawnSync(
    'node_modules/esbuild/bin/esbuild',
    [
      entry,
      '--bundle',
      '--platform=browser',
      '--format=esm',
      '--minify',
      `--outdir=${out}`,
      '--log-level=error',
      ...external.map((e) => `--external:${e}`),
    ],
    { encoding: 'utf8' },
  );
  // esbuild fails a browser build that imports a Node built-in.
  assert.equal(r.status, 0, `${entry} builds for a browser: ${r.stderr}`);
  return new Map(readdirSync(out).map((f) => [extname(f), readFileSync(join(out, f), 'utf8')]));
}

/** A webview's bundle (its entry built for a browser) and its size with the codicons stylesheet it loads. */
export function webviewBundle(entry: string): { files: Map<string, string>; size: number } {
  const files = browserBuild(entry);
  const codicons = statSync('node_modules/@vscode/codicons/dist/codicon.css').size;
  const size = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) + codicons;
  assert.ok(files.has('.js') && files.has('.css'), `${entry}: a script and a stylesheet`);
  return { files, size };
}

/** No Node built-in in a browser build of a host module. */
export function assertNoNodeApi(entry: string): void {
  const js = browserBuild(entry, ['vscode']).get('.js') ?? '';
  assert.doesNotMatch(js, /["']node:|\brequire\(["'](fs|path|os|crypto)["']\)/, entry);
}
