/**
 * SECURITY.md's "never" list, enforced over what ships: the built bundles, dependencies
 * included. Each bundle may load only the Node modules listed for it (none for network,
 * processes or code loading), and none calls a network, telemetry or eval API.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, REPO_ROOT } from '../cli/run-cli';

/** The Node modules each shipped bundle may load (without `node:`), and why. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // The extension reads its own data files (tokenizer, language detector) from dist/data.
  'dist/extension.js': ['vscode', 'fs', 'path', 'buffer', 'process'],
  // The CLI reads and writes the files it is given and lints them in worker threads; it sets
  // V8's JIT flags for a one-shot process (src/cli/jit.ts).
  'dist/cli.js': ['fs', 'path', 'os', 'util', 'url', 'buffer', 'process', 'worker_threads', 'v8'],
  'dist/index-worker.js': ['fs', 'path', 'buffer', 'process', 'worker_threads'],
  // What some runs need, required from the bundles above on first use (esbuild.mjs, LAZY).
  'dist/lazy/linear-regex.js': [],
  'dist/lazy/token-counter.js': [],
  'dist/lazy/language-detector.js': [],
  // Globbing reads folders (fdir) and may resolve symbolic links.
  'dist/lazy/tinyglobby.js': ['fs', 'path', 'url'],
  // The browser bundles load nothing: core takes its services from the host.
  'dist/web/core.js': [],
  'dist/web/tokens.js': [],
  'dist/web/language.js': [],
};

/** The Node bundles may also require their own lazy chunks, and nothing else of ours. */
const OWN_CHUNK = /^\.\/lazy\/[\w-]+\.js$/;

/** Calls that would reach the network, report usage, run a process or evaluate text. */
const NEVER: readonly [string, RegExp][] = [
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['EventSource', /\bEventSource\b/],
  ['importScripts', /\bimportScripts\b/],
  ['openExternal', /\bopenExternal\b/],
  ['asExternalUri', /\basExternalUri\b/],
  ['a telemetry API', /\bcreateTelemetryLogger\b|\bTelemetryReporter\b|\btelemetry\w*\(/i],
  // The global eval only: not a method of that name, called (`.eval(`) or defined
  // (`eval(input, pos) {`), as re2js's prefilter has one.
  ['eval', /(?<![.\w$])eval\s*\((?![\w$,\s]*\)\s*\{)/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['a dynamic import', /\bimport\s*\(/],
];

/**
 * `fetch` is allowed only in the browser's data source (src/browser/data-source.ts): the
 * bundle's own data files, by a name relative to the bundle's folder.
 */
const FETCH = /\bfetch\s*\(/g;
const OWN_DATA_FETCH = /^fetch\(new URL\(\w+, ?\w+\)\)/;

function bundle(rel: string): string {
  const path = join(REPO_ROOT, rel);
  assert.ok(existsSync(path), `${rel} is built`);
  return readFileSync(path, 'utf8');
}

describe('security: what the shipped bundles can do', () => {
  before(function () {
    this.timeout(120000);
    ensureBuilt();
    // The browser bundles are not part of `npm run build`: build them here, whatever ran first.
    const web = spawnSync(process.execPath, ['esbuild.mjs', '--web'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(web.status, 0, web.stderr);
  });

  for (const [rel, allowed] of Object.entries(ALLOWED)) {
    it(
      allowed.length ? `${rel} loads only ${allowed.join(', ')}` : `${rel} loads no Node module`,
      () => {
        const loaded = new Set(
          [...bundle(rel).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) =>
            m[1].replace(/^node:/, ''),
          ),
        );
        assert.deepEqual(
          [...loaded].filter((m) => !allowed.includes(m) && !OWN_CHUNK.test(m)),
          [],
        );
        // Each chunk a bundle requires is one of the chunks checked here.
        for (const chunk of [...loaded].filter((m) => OWN_CHUNK.test(m)))
          assert.ok(`dist/${chunk.slice(2)}` in ALLOWED, `${chunk} is a checked chunk`);
      },
    );

    it(`${rel} calls no network, telemetry, process or eval API`, () => {
      const text = bundle(rel);
      assert.deepEqual(
        NEVER.filter(([, re]) => re.test(text)).map(([what]) => what),
        [],
      );
      const fetches = [...text.matchAll(FETCH)].map((m) => text.slice(m.index, m.index + 40));
      assert.ok(
        fetches.every((f) => OWN_DATA_FETCH.test(f)),
        `fetch only for the bundle's own data files: ${fetches.join(' ')}`,
      );
    });
  }

  it('in the sources, only the browser data source fetches', () => {
    const git = spawnSync('git', ['grep', '-lE', '\\bfetch\\s*\\(', '--', 'src'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.deepEqual(git.stdout.trim().split('\n'), ['src/browser/data-source.ts']);
  });

  it('the eval check sees the global eval, not a method named eval', () => {
    const evalCheck = NEVER.find(([what]) => what === 'eval')![1];
    for (const call of ['eval(code)', 'x=eval("1+1")', ';eval (s);', 'eval(a,b)'])
      assert.ok(evalCheck.test(call), call);
    for (const method of ['this.prefilter.eval(e,n)', '}eval(e,n){switch', 'eval(input, pos) {'])
      assert.ok(!evalCheck.test(method), method);
  });

  it('the allow-list is not empty-handed: it sees the modules the CLI does load', () => {
    // A pattern that matched nothing would pass everything; the CLI must show its workers.
    assert.match(bundle('dist/cli.js'), /require\(["']node:worker_threads["']\)/);
    assert.match(bundle('dist/extension.js'), /require\(["']vscode["']\)/);
  });
});
