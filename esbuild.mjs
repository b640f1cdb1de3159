// One build script for every bundle SFT Studio ships or tests.
//   node esbuild.mjs            extension + CLI (production bundles in dist/)
//   node esbuild.mjs --watch    the same, rebuilt on change
//   node esbuild.mjs --tests    unit and integration test bundles in dist-test/
//   node esbuild.mjs --bench    the benchmark bundle in dist-test/bench/
//   node esbuild.mjs --bench-vscode  the extension host benchmark (runner + suite)
//   node esbuild.mjs --schemas  regenerate schemas/*.json from the zod schemas
import * as esbuild from 'esbuild';
import { readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = !watch && !args.has('--dev');

/** Every *.test.ts below dir, sorted so bundles are deterministic. */
function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** A virtual entry that imports every test file of a folder, so mocha loads one bundle. */
function suiteEntry(dir, name) {
  const imports = testFiles(dir).map((f) => `import './${relative(dir, f).replace(/\\/g, '/')}';`).join('\n');
  return { contents: imports, resolveDir: dir, sourcefile: name, loader: 'ts' };
}

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

const configs = [];
if (args.has('--tests')) {
  configs.push(
    { ...node, stdin: suiteEntry('test/unit', 'unit-suite.ts'), outfile: 'dist-test/unit.js' },
    { ...node, stdin: suiteEntry('test/integration', 'integration-suite.ts'), outfile: 'dist-test/integration/suite.js', external: ['vscode'] },
    { ...node, entryPoints: ['test/integration/index.ts'], outfile: 'dist-test/integration/index.js', external: ['vscode', 'mocha'] },
  );
} else if (args.has('--bench')) {
  // The index worker sits next to bench.js, as dist/index-worker.js sits next to dist/cli.js,
  // so runWorkspacePass finds it by __dirname in both.
  configs.push(
    { ...node, entryPoints: ['bench/bench.ts'], outfile: 'dist-test/bench/bench.js' },
    // gpt-tokenizer stays external: its rank tables are 7 MB of source that every worker
    // isolate would parse at start (~35 MB RSS each) though indexing never counts tokens.
    // (Recommended for dist/index-worker.js too; it resolves from node_modules at run time.)
    { ...node, entryPoints: ['src/node/index-worker.ts'], outfile: 'dist-test/bench/index-worker.js', external: ['gpt-tokenizer'] },
  );
} else if (args.has('--bench-vscode')) {
  configs.push(
    { ...node, entryPoints: ['bench/vscode.ts'], outfile: 'dist-test/bench/vscode.js' },
    { ...node, stdin: suiteEntry('test/bench-host', 'bench-host-suite.ts'), outfile: 'dist-test/bench-host/suite.js', external: ['vscode'] },
    { ...node, entryPoints: ['test/bench-host/index.ts'], outfile: 'dist-test/bench-host/index.js', external: ['vscode', 'mocha'] },
  );
} else if (args.has('--schemas')) {
  configs.push({ ...node, entryPoints: ['scripts/write-schemas.ts'], outfile: 'dist-test/write-schemas.js' });
} else {
  configs.push(
    // gpt-tokenizer stays a runtime dependency (resolved from node_modules on the first token
    // count): bundled, its 7 MB of rank tables would be parsed at every start of the
    // extension, the CLI and each index worker, though most runs never count a token.
    { ...node, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode', 'gpt-tokenizer'], minify: production },
    { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['gpt-tokenizer'], minify: production },
    { ...node, entryPoints: ['src/node/index-worker.ts'], outfile: 'dist/index-worker.js', external: ['gpt-tokenizer'], minify: production },
  );
}

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  if (args.has('--schemas')) await import(new URL('./dist-test/write-schemas.js', import.meta.url).href);
}
