import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileLinter } from '../../../src/core/lint';
import { loadGuidelines } from '../../../src/core/guidelines';
import type { Problem } from '../../../src/core/types';
import { services as nodeServices } from '../helpers';

type Core = typeof import('../../../src/core/index');
type Tokens = typeof import('../../../src/browser/tokens');
type Language = typeof import('../../../src/browser/language');

const WEB = 'dist/web';
const BUNDLES = ['core.js', 'tokens.js', 'language.js'];
const ONE_MB = 1024 * 1024;

/** What a browser does not have: Node built-ins, `require`, `process`, `Buffer`. */
const NODE_REFERENCES: ReadonlyArray<readonly [string, RegExp]> = [
  ['require(', /\brequire\s*\(/],
  ['a node: import', /["']node:[a-z_/]+["']/],
  [
    'a Node built-in import',
    /\bfrom\s*["'](fs|path|os|child_process|worker_threads|url|util|module|crypto|stream|buffer)["']/,
  ],
  ['process.', /\bprocess\s*\./],
  ['Buffer', /\bBuffer\s*[.(]|typeof\s+Buffer\b/],
];

/** The Node references in a bundle's text (the strings of yaml's messages name Buffer but use it not). */
function nodeReferences(text: string): string[] {
  return NODE_REFERENCES.flatMap(([name, re]) => {
    const m = re.exec(text);
    return m
      ? [`${name} at ${m.index}: ${text.slice(Math.max(0, m.index - 40), m.index + 40)}`]
      : [];
  });
}

/** The same file's problems from two linters, in a form that compares across bundles. */
const summary = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.rule} ${p.severity} ${p.start}-${p.end} ${p.message}`);

// Every example file, and a file whose problems need both services: a response over its
// token limit, and answers that read as another language than the declared one.
const GUIDELINES = 'sft-guidelines: 1\nresponse:\n  max_tokens: 12\n';
const SERVICE_FILE = `sft: 1
pairs:
  - id: tokens-1
    task: open_qa
    prompt_type: instructive
    response_type: descriptive
    domain: science
    language: en
    prompt: Why is the sky blue?
    response: Sunlight is scattered by the molecules in the air, and blue light is scattered much more than red light because of its shorter wavelength.
  - id: language-1
    task: open_qa
    prompt_type: instructive
    response_type: descriptive
    domain: science
    language: de
    prompt: Pourquoi le ciel est-il bleu ?
    response: Le ciel est bleu parce que la lumière du soleil est diffusée par les molécules de l’air.
`;

describe('browser bundles (node esbuild.mjs --web)', function () {
  this.timeout(60000);
  let core: Core;
  let tokens: Tokens;
  let language: Language;

  before(async () => {
    const r = spawnSync(process.execPath, ['esbuild.mjs', '--web'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const load = (file: string) => import(pathToFileURL(resolve(WEB, file)).href);
    [core, tokens, language] = await Promise.all(BUNDLES.map(load));
  });

  it('build core and each text service as its own ES module, with no Node reference in any', () => {
    for (const file of BUNDLES)
      assert.deepEqual(nodeReferences(readFileSync(join(WEB, file), 'utf8')), [], file);
  });

  it('the Node-reference scan finds what it looks for', () => {
    const samples = [
      "const fs = require('fs');",
      "import { join } from 'node:path';",
      "import x from 'os';",
      'if (process.env.X) f();',
      'Buffer.from(s)',
      'typeof Buffer',
    ];
    assert.deepEqual(
      samples.map((s) => nodeReferences(s).length),
      [1, 1, 1, 1, 1, 1],
    );
    assert.deepEqual(
      nodeReferences(
        'throw new Error("either Buffer or atob is required"); const o = { node: n };',
      ),
      [],
    );
  });

  it('core is smaller than 1 MB, without tokenizer or language data (those load on demand)', () => {
    const size = statSync(join(WEB, 'core.js')).size;
    assert.ok(size < ONE_MB, `dist/web/core.js is ${size} bytes`);
    const text = readFileSync(join(WEB, 'core.js'), 'utf8');
    assert.ok(
      !text.includes('GptEncoding') && !text.includes('ngramsData'),
      'core.js carries the tokenizer or eld',
    );
    for (const data of readdirSync(join(WEB, 'data')))
      assert.ok(statSync(join(WEB, 'data', data)).size > 100_000, data);
  });

  it('core lints as the Node build does, with the browser text services reading their data only when loaded', async () => {
    const reads: string[] = [];
    const source = async (file: string) => {
      reads.push(file);
      return readFileSync(join(WEB, 'data', file));
    };
    const counter = await tokens.loadTokenCounter(source, ['o200k_base']);
    assert.deepEqual(reads, ['o200k_base.json']);
    const services = { tokens: counter, language: await language.loadLanguageDetector(source) };
    assert.deepEqual(reads, ['o200k_base.json', 'eld-small.bin']);

    const browserLint = new core.FileLinter(core.loadGuidelines(GUIDELINES).guidelines, services);
    const nodeLint = new FileLinter(loadGuidelines(GUIDELINES).guidelines, nodeServices);
    const serviceProblems = summary(browserLint.lint(SERVICE_FILE).problems);
    assert.deepEqual(serviceProblems, summary(nodeLint.lint(SERVICE_FILE).problems));
    assert.ok(
      serviceProblems.some((p) => p.startsWith('response-length')),
      serviceProblems.join('\n'),
    );
    assert.ok(
      serviceProblems.some((p) => p.startsWith('language-mismatch')),
      serviceProblems.join('\n'),
    );
    for (const name of readdirSync('examples').filter((f) => f.endsWith('.sft.yaml'))) {
      const text = readFileSync(join('examples', name), 'utf8');
      assert.deepEqual(
        summary(browserLint.lint(text).problems),
        summary(nodeLint.lint(text).problems),
        name,
      );
    }
    assert.throws(
      () => counter.countTokens('text', 'cl100k_base'),
      /cl100k_base tokenizer was not loaded/,
    );
  });

  describe('fetchDataSource', () => {
    let server: Server;
    let base: string;

    before(async () => {
      server = createServer((req, res) => {
        const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(
          /^\/data\//,
          '',
        );
        if (!/^[\w.-]+$/.test(name) || !readdirSync(join(WEB, 'data')).includes(name))
          return void res.writeHead(404).end();
        res.writeHead(200).end(readFileSync(join(WEB, 'data', name)));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
    });

    after(() => server.close());

    it('fetches each data file relative to its base, and counts as the Node services do', async () => {
      const counter = await tokens.loadTokenCounter(tokens.fetchDataSource(base), [
        'o200k_base',
        'cl100k_base',
      ]);
      for (const text of [
        'Sunlight is scattered by the molecules in the air.',
        '日本語の文章を数えます。',
        '🙂 emoji and\ttabs\n',
      ]) {
        assert.equal(
          counter.countTokens(text, 'o200k_base'),
          nodeServices.tokens.countTokens(text, 'o200k_base'),
          text,
        );
        assert.equal(
          counter.countTokens(text, 'cl100k_base'),
          nodeServices.tokens.countTokens(text, 'cl100k_base'),
          text,
        );
      }
      const detector = await language.loadLanguageDetector(language.fetchDataSource(base));
      assert.equal(
        detector.detect(
          'La lumière du soleil est diffusée par les molécules de l’air, et la lumière bleue est beaucoup plus diffusée que la rouge.',
        ),
        'fr',
      );
    });

    it('rejects with the file and status when a file is missing', async () => {
      await assert.rejects(
        tokens.fetchDataSource(`${base}missing/`)('o200k_base.json'),
        /could not load o200k_base\.json: 404/,
      );
    });
  });
});
