import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const BUDGET = 300 * 1024;

/**
 * A minified browser build of an entry (esbuild's command line: its API cannot run from the
 * test bundle), as its output files' texts by extension.
 */
function browserBuild(entry: string, external: string[] = []): Map<string, string> {
  const out = mkdtempSync(join(tmpdir(), 'sft-pe-bundle-'));
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

describe('pair editor bundles', function () {
  this.timeout(60000);

  it('the webview (JS, its CSS and the codicons stylesheet) stays within 300 KB', () => {
    const files = browserBuild('src/webview/editor/main.ts');
    const codicons = statSync('node_modules/@vscode/codicons/dist/codicon.css').size;
    const size = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0) + codicons;
    assert.ok(files.has('.js') && files.has('.css'), 'a script and a stylesheet');
    assert.ok(size <= BUDGET, `${Math.round(size / 1024)} KB`);
  });

  it('the provider and the protocol build for a browser: no Node API', () => {
    for (const entry of [
      'src/extension/editor/pair-editor-provider.ts',
      'src/shared/editor-protocol.ts',
      'src/shared/editor-intents.ts',
    ]) {
      const js = browserBuild(entry, ['vscode']).get('.js') ?? '';
      assert.doesNotMatch(js, /["']node:|\brequire\(["'](fs|path|os|crypto)["']\)/, entry);
    }
  });
});
