// The lint quality harness: lints a corpus of real pairs with the built-in defaults, counts the
// problems per rule, samples up to SAMPLE problems per rule with a fixed seed, writes a review
// sheet, and compares the problems with the judged samples committed in test/quality/judged.jsonl.
//
//   npm run quality -- [CORPUS_DIR] [--out REVIEW_DIR] [--sample N] [--cli CLI_JS]
//
// CORPUS_DIR defaults to $SFT_QUALITY_CORPUS, else ../quality-corpus next to the repository
// (scripts/quality-corpus.mjs builds it). The review sheet (review.md, samples.jsonl) goes to
// REVIEW_DIR, by default CORPUS_DIR.review, never into the repository.
//
// A problem's key is a hash of its rule, file name, pair id, the exact text it points at and
// its rank among problems with the same four; the sample is the SAMPLE keys that sort first
// after hashing with the seed, so a change that drops problems keeps the rest of the sample in
// place. Per rule it prints problems / sampled / judged true / judged false / unjudged / the
// false-alarm rate over the judged samples; then the judged true positives the change lost and
// the judged false positives that remain. Info problems are notes, not alarms: they are counted
// in their own column and never sampled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JUDGED = join(ROOT, 'test/quality/judged.jsonl');
const SEED = 'sft-quality-1';

function options(argv) {
  const o = { corpus: process.env.SFT_QUALITY_CORPUS ?? resolve(ROOT, '../quality-corpus') };
  o.sample = 30;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') o.out = argv[++i];
    else if (argv[i] === '--sample') o.sample = Number(argv[++i]);
    else if (argv[i] === '--cli') o.cli = resolve(argv[++i]);
    else o.corpus = argv[i];
  }
  o.corpus = resolve(o.corpus);
  o.out = resolve(o.out ?? `${o.corpus}.review`);
  // Another build's CLI (say, the code before a change) to measure it against the same judgments.
  o.cli ??= join(ROOT, 'dist/cli.js');
  return o;
}

function hash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The built CLI's JSON problems for the corpus. */
function lint(corpus, cli) {
  const run = spawnSync(process.execPath, [cli, 'lint', corpus, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0 && run.status !== 1) {
    console.error(run.stderr);
    process.exit(2);
  }
  return JSON.parse(run.stdout);
}

/** Each problem with its pair id, the text it points at, some lines around it, and its key. */
function place(problems, corpus) {
  const files = new Map();
  const lines = (file) => {
    if (!files.has(file)) files.set(file, readFileSync(resolve(file), 'utf8').split('\n'));
    return files.get(file);
  };
  const seen = new Map();
  return problems.map((p) => {
    const ls = lines(p.file);
    let start = p.line - 1;
    while (start > 0 && !/^ {2}- id: /.test(ls[start])) start--;
    const pair = /^ {2}- id: (.*)$/.exec(ls[start])?.[1] ?? '';
    let end = p.line;
    while (end < ls.length && !/^ {2}- id: /.test(ls[end])) end++;
    const span = ls.slice(p.line - 1, p.endLine);
    const text =
      span.length === 1
        ? span[0].slice(p.column - 1, p.endColumn - 1)
        : [
            span[0].slice(p.column - 1),
            ...span.slice(1, -1),
            span.at(-1).slice(0, p.endColumn - 1),
          ].join('\n');
    const file = basename(p.file);
    const base = [p.rule, file, pair, text].join('\0');
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    const key = hash(`${base}\0${rank}`);
    const around = ls.slice(Math.max(start, p.line - 4), Math.min(end, p.endLine + 3)).join('\n');
    const pairText = ls.slice(start, Math.min(end, start + 60)).join('\n');
    return {
      key,
      rule: p.rule,
      severity: p.severity,
      file,
      line: p.line,
      column: p.column,
      pair,
      text,
      message: p.message,
      around,
      pairText,
      corpus,
    };
  });
}

function readJudged() {
  if (!existsSync(JUDGED)) return [];
  return readFileSync(JUDGED, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function sampleOf(placed, size) {
  const byRule = new Map();
  for (const p of placed) byRule.set(p.rule, [...(byRule.get(p.rule) ?? []), p]);
  const out = new Map();
  for (const [rule, ps] of byRule) {
    const ranked = ps
      .map((p) => [hash(`${SEED}\0${p.key}`), p])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    out.set(
      rule,
      ranked.slice(0, size).map(([, p]) => p),
    );
  }
  return out;
}

function sheet(samples) {
  const md = [
    '# Lint review sheet',
    '',
    'Judge each sample: true (a careful QA lead would act on it) or false.',
    '',
  ];
  const jsonl = [];
  for (const [rule, ps] of [...samples].sort()) {
    md.push(`## ${rule} (${ps.length} sampled)`, '');
    for (const p of ps) {
      md.push(
        `### ${p.key} ${p.file}:${p.line} ${p.pair}`,
        '',
        `> ${p.message}`,
        '',
        `Points at: \`${JSON.stringify(p.text)}\``,
        '',
        '```yaml',
        p.pairText,
        '```',
        '',
      );
      jsonl.push(
        JSON.stringify({
          key: p.key,
          rule,
          file: p.file,
          line: p.line,
          column: p.column,
          pair: p.pair,
          text: p.text,
          message: p.message,
        }),
      );
    }
  }
  return { md: md.join('\n'), jsonl: jsonl.join('\n') + '\n' };
}

function table(placed, samples, judged, infos) {
  const verdict = new Map(judged.map((j) => [j.key, j.verdict]));
  const present = new Set(placed.map((p) => p.key));
  const rules = [
    ...new Set([
      ...placed.map((p) => p.rule),
      ...infos.map((p) => p.rule),
      ...judged.map((j) => j.rule),
    ]),
  ].sort();
  const rows = [
    [
      'rule',
      'problems',
      'sampled',
      'true',
      'false',
      'unjudged',
      'false-rate',
      'lost-true',
      'left-false',
      'info',
    ],
  ];
  for (const rule of rules) {
    const ps = samples.get(rule) ?? [];
    const t = ps.filter((p) => verdict.get(p.key) === true).length;
    const f = ps.filter((p) => verdict.get(p.key) === false).length;
    const mine = judged.filter((j) => j.rule === rule);
    const lost = mine.filter((j) => j.verdict && !present.has(j.key)).length;
    const left = mine.filter((j) => !j.verdict && present.has(j.key)).length;
    const rate = t + f ? `${((100 * f) / (t + f)).toFixed(0)}%` : '-';
    rows.push(
      [
        rule,
        placed.filter((p) => p.rule === rule).length,
        ps.length,
        t,
        f,
        ps.length - t - f,
        rate,
        lost,
        left,
        infos.filter((p) => p.rule === rule).length,
      ].map(String),
    );
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '))
    .join('\n');
}

function main() {
  const o = options(process.argv.slice(2));
  if (!existsSync(o.corpus)) {
    console.error(`quality: no corpus at ${o.corpus}; build one with scripts/quality-corpus.mjs`);
    process.exit(2);
  }
  if (o.out.startsWith(ROOT + '/')) {
    console.error('quality: write the review sheet outside the repository');
    process.exit(2);
  }
  // Info problems are notes, not alarms: counted apart, never sampled or judged.
  const all = place(lint(o.corpus, o.cli), o.corpus);
  const placed = all.filter((p) => p.severity !== 'info');
  const infos = all.filter((p) => p.severity === 'info');
  const samples = sampleOf(placed, o.sample);
  const judged = readJudged();
  mkdirSync(o.out, { recursive: true });
  const { md, jsonl } = sheet(samples);
  writeFileSync(join(o.out, 'review.md'), md);
  writeFileSync(join(o.out, 'samples.jsonl'), jsonl);
  const lost = judged.filter((j) => j.verdict && !placed.some((p) => p.key === j.key)).length;
  const left = judged.filter((j) => !j.verdict && placed.some((p) => p.key === j.key)).length;
  console.log(table(placed, samples, judged, infos));
  console.log(
    `\n${placed.length} problems; judged: ${judged.length}; judged true positives lost: ${lost}; judged false positives left: ${left}`,
  );
  console.log(`review sheet: ${join(o.out, 'review.md')}`);
}

main();
