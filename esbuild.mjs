// One build script for every bundle SFT Studio ships or tests.
//   node esbuild.mjs            extension + CLI (production bundles in dist/, minified, no source maps)
//   node esbuild.mjs --dev      the same unminified, with source maps (for debugging)
//   node esbuild.mjs --watch    the same, rebuilt on change
//   node esbuild.mjs --tests    unit and integration test bundles in dist-test/
//   node esbuild.mjs --bench    the benchmark bundle in dist-test/bench/
//   node esbuild.mjs --bench-vscode  the extension host benchmark (runner + suite)
//   node esbuild.mjs --schemas  regenerate schemas/*.json from the zod schemas
//   node esbuild.mjs --web      the browser bundles in dist/web/: core, and the token counter and
//                               language detector, each its own bundle with its data in dist/web/data
import * as esbuild from 'esbuild';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  rmSync,
  statSync,
  mkdirSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  const imports = testFiles(dir)
    .map((f) => `import './${relative(dir, f).replace(/\\/g, '/')}';`)
    .join('\n');
  return { contents: imports, resolveDir: dir, sourcefile: name, loader: 'ts' };
}

const require = createRequire(import.meta.url);
const ELD_SRC = fileURLToPath(new URL('./node_modules/eld/src/', import.meta.url));

/**
 * eld's package exports only entries with an n-gram database built in; src/node/text-services.ts
 * takes the detector module itself and hands it the database as JSON.
 */
const eldDetector = {
  name: 'eld-detector',
  setup(build) {
    build.onResolve({ filter: /^eld\/src\/languageDetector\.js$/ }, () => ({
      path: join(ELD_SRC, 'languageDetector.js'),
    }));
  },
};

/** A TypeScript module of the repo, bundled and imported here (for the build's own use). */
async function importTs(entry) {
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(
    `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
  );
}

/**
 * The data the Node text services read on first use (src/node/text-services.ts, DATA_FILES),
 * written from the packages into the `data/` folder next to each bundle that lints: the
 * tokenizers' rank tables as JSON, eld's small n-gram database in the binary form of
 * src/text-services/eld-tables.ts.
 */
const DATA = {
  'o200k_base.json': {
    source: require.resolve('gpt-tokenizer/bpeRanks/o200k_base'),
    load: (f) => require(f).default,
  },
  'cl100k_base.json': {
    source: require.resolve('gpt-tokenizer/bpeRanks/cl100k_base'),
    load: (f) => require(f).default,
  },
  'eld-small.bin': {
    source: join(ELD_SRC, 'ngrams/small.js'),
    load: async (f) =>
      (await importTs('src/text-services/eld-tables.ts')).encodeEldTables(
        (await import(pathToFileURL(f).href)).ngramsData,
      ),
  },
};

/** Write (or refresh, when a package is newer) the data files into dir/data, and drop others. */
async function writeData(dir) {
  mkdirSync(join(dir, 'data'), { recursive: true });
  for (const name of readdirSync(join(dir, 'data')))
    if (!(name in DATA)) rmSync(join(dir, 'data', name));
  for (const [name, { source, load }] of Object.entries(DATA)) {
    const out = join(dir, 'data', name);
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs) continue;
    const data = await load(source);
    writeFileSync(out, data instanceof Uint8Array ? data : JSON.stringify(data));
  }
}

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [eldDetector],
};

/**
 * Code that only some runs need, required on first use (src/node/text-services.ts,
 * src/node/files.ts): in the shipped Node bundles each is its own file in `dist/lazy/`, so a
 * start compiles only what every run needs. re2js alone was a quarter of the CLI bundle,
 * parsed on every start although only guidelines with patterns run it.
 */
const LAZY = {
  '../text-services/linear-regex': 'src/text-services/linear-regex.ts',
  '../text-services/token-counter': 'src/text-services/token-counter.ts',
  '../text-services/language-detector': 'src/text-services/language-detector.ts',
  tinyglobby: require.resolve('tinyglobby'),
};
const lazyName = (spec) => spec.split('/').pop();

/** Resolves each LAZY module to its file next to the bundle, `./lazy/<name>.js`. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const specs = Object.keys(LAZY).map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${specs.join('|')})$`) }, (a) => ({
      path: `./lazy/${lazyName(a.path)}.js`,
      external: true,
    }));
  },
};

/** ES modules for a browser host: no Node built-ins, no `process`, no `require`. */
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'esm',
  logLevel: 'warning',
  plugins: [eldDetector],
  minify: production,
  sourcemap: !production,
};

/** The shipped Node bundles: LAZY modules are required from dist/lazy/. */
const lazy = { ...node, plugins: [...node.plugins, lazyChunks] };

const configs = [];
if (args.has('--tests')) {
  configs.push(
    { ...node, stdin: suiteEntry('test/unit', 'unit-suite.ts'), outfile: 'dist-test/unit.js' },
    // The fuzz suites' bounded worker (test/unit/fuzz/bounded-runner.ts), next to unit.js.
    {
      ...node,
      entryPoints: ['test/unit/fuzz/core-worker.ts'],
      outfile: 'dist-test/fuzz-worker.js',
    },
    {
      ...node,
      stdin: suiteEntry('test/integration', 'integration-suite.ts'),
      outfile: 'dist-test/integration/suite.js',
      external: ['vscode'],
    },
    {
      ...node,
      entryPoints: ['test/integration/index.ts'],
      outfile: 'dist-test/integration/index.js',
      external: ['vscode', 'mocha'],
    },
  );
} else if (args.has('--bench')) {
  // The index worker sits next to bench.js, as dist/index-worker.js sits next to dist/cli.js,
  // so runWorkspacePass finds it by __dirname in both.
  configs.push(
    { ...node, entryPoints: ['bench/bench.ts'], outfile: 'dist-test/bench/bench.js' },
    {
      ...node,
      entryPoints: ['src/node/index-worker.ts'],
      outfile: 'dist-test/bench/index-worker.js',
    },
    { ...node, entryPoints: ['bench/lead-prof/prof.ts'], outfile: 'dist-test/bench/prof.js' },
    {
      ...node,
      entryPoints: ['bench/parse-only.ts'],
      outfile: 'dist-test/bench/parse-only.js',
      minify: true,
    },
    {
      ...node,
      entryPoints: ['bench/usage-hook.ts'],
      outfile: 'dist-test/bench/usage-hook.js',
      minify: true,
    },
  );
} else if (args.has('--bench-vscode')) {
  configs.push(
    { ...node, entryPoints: ['bench/vscode.ts'], outfile: 'dist-test/bench/vscode.js' },
    {
      ...node,
      stdin: suiteEntry('test/bench-host', 'bench-host-suite.ts'),
      outfile: 'dist-test/bench-host/suite.js',
      external: ['vscode'],
    },
    {
      ...node,
      entryPoints: ['test/bench-host/index.ts'],
      outfile: 'dist-test/bench-host/index.js',
      external: ['vscode', 'mocha'],
    },
  );
} else if (args.has('--web')) {
  // Core alone (below 1 MB: no tokenizer, no language data), and each text service in its own
  // bundle, which a web host loads when it first needs counts or detection.
  configs.push(
    { ...browser, entryPoints: ['src/core/index.ts'], outfile: 'dist/web/core.js' },
    { ...browser, entryPoints: ['src/browser/tokens.ts'], outfile: 'dist/web/tokens.js' },
    { ...browser, entryPoints: ['src/browser/language.ts'], outfile: 'dist/web/language.js' },
  );
} else if (args.has('--schemas')) {
  configs.push({
    ...node,
    entryPoints: ['scripts/write-schemas.ts'],
    outfile: 'dist-test/write-schemas.js',
  });
} else {
  configs.push(
    // The tokenizers' and eld's tables are not in the bundles: they are files in dist/data,
    // read on first use (writeData). Production bundles carry no source maps: nothing loads
    // them at run time, and they were three times the size of the code they map.
    ...[
      ...Object.entries(LAZY).map(([spec, entry]) => ({
        ...node,
        entryPoints: [entry],
        outfile: `dist/lazy/${lazyName(spec)}.js`,
        noData: true,
      })),
      {
        ...lazy,
        entryPoints: ['src/extension/main.ts'],
        outfile: 'dist/extension.js',
        external: ['vscode'],
      },
      {
        ...lazy,
        entryPoints: ['src/cli/main.ts'],
        outfile: 'dist/cli.js',
        banner: { js: '#!/usr/bin/env node' },
      },
      { ...lazy, entryPoints: ['src/node/index-worker.ts'], outfile: 'dist/index-worker.js' },
    ].map((c) => ({ ...c, minify: production, sourcemap: !production })),
    // The webviews (the pair editor, the annotations view, the coverage report): one browser
    // bundle each (JS, and the CSS it imports), always minified (the 300 KB budgets), with no
    // data files of their own.
    ...['editor', 'annotations', 'coverage'].map((name) => ({
      ...browser,
      format: 'iife',
      entryPoints: [`src/webview/${name}/main.ts`],
      outfile: `dist/webview/${name}.js`,
      minify: true,
      noData: true,
    })),
  );
}

/** Codicons for the webviews, copied from the package (dist ships without node_modules). */
function copyCodicons() {
  const from = dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  mkdirSync('dist/codicons', { recursive: true });
  for (const name of ['codicon.css', 'codicon.ttf'])
    copyFileSync(join(from, name), join('dist/codicons', name));
}

mkdirSync('dist', { recursive: true });
// Data goes next to the bundles that read it (not next to the lazy chunks or the webviews).
const outDirs = new Set(configs.filter((c) => !c.noData).map((c) => dirname(c.outfile)));
for (const c of configs) delete c.noData;
if (configs.some((c) => c.outfile === 'dist/webview/editor.js')) copyCodicons();
if (watch) {
  for (const dir of outDirs) await writeData(dir);
  for (const c of configs) await (await esbuild.context(c)).watch();
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
  if (!args.has('--schemas')) for (const dir of outDirs) await writeData(dir);
  // The web bundles are ES modules; this says so to Node too (the unit test imports them).
  if (args.has('--web')) writeFileSync('dist/web/package.json', '{ "type": "module" }\n');
  if (args.has('--schemas'))
    await import(new URL('./dist-test/write-schemas.js', import.meta.url).href);
}
