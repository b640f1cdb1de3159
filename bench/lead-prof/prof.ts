// Where a cold lint's time goes: each rule's own time (and the shared counts), as a share
// of yaml.parseDocument on the same text. Median over interleaved runs.
//   node esbuild.mjs --bench && node --expose-gc dist-test/bench/prof.js [--rules a,b,c] [--file path]
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { FileLinter } from '../../src/core/lint';
import { LINT_RULES } from '../../src/core/rules/index';
import { loadGuidelines } from '../../src/core/guidelines';
import { BENCH_GUIDELINES, CORPUS_DIR, lintFileIn } from '../corpus';
import { nodeTextServices } from '../../src/node/text-services';

declare const gc: () => void;
const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// The bench's 4 MiB cold-lint file (run `npm run bench` once to generate it).
const path = arg('--file') ?? lintFileIn(CORPUS_DIR);
const text = readFileSync(path, 'utf8');
const g = loadGuidelines(BENCH_GUIDELINES).guidelines;
const only = arg('--rules')?.split(',');
const rules = only ? LINT_RULES.filter((r) => only.includes(r.meta.id)) : LINT_RULES;
const N = Number(arg('--runs') ?? 7);
const services = nodeTextServices();
const parse: number[] = [];
const total: number[] = [];
const per = new Map<string, number[]>();
new FileLinter(g, services, { rules }).lint(text);
for (let i = 0; i < N; i++) {
  gc();
  let t = performance.now();
  parseDocument(text);
  parse.push(performance.now() - t);
  const profile = new Map<string, number>();
  gc();
  t = performance.now();
  new FileLinter(g, services, { rules, profile }).lint(text);
  total.push(performance.now() - t);
  for (const [k, v] of profile) per.set(k, [...(per.get(k) ?? []), v]);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const p = med(parse);
const counts = new FileLinter(g, services, { rules }).lint(text).problems;
const ruleSum = [...per.entries()]
  .filter(([k]) => k !== '(counts)')
  .reduce((s, [, v]) => s + med(v), 0);
console.log(
  `${(text.length / 1048576).toFixed(1)} MB; parseDocument ${p.toFixed(0)} ms; lint with ${only ? 'these' : 'all'} rules ${(med(total) / p).toFixed(2)}x; rules' own time ${((ruleSum / p) * 100).toFixed(1)}% of parse; shared counts ${((med(per.get('(counts)') ?? [0]) / p) * 100).toFixed(1)}%`,
);
const rows = [...per.entries()].map(([k, v]) => [k, med(v)] as const).sort((a, b) => b[1] - a[1]);
for (const [id, ms] of rows)
  console.log(
    `${id.padEnd(26)} ${ms.toFixed(1).padStart(7)} ms  ${((ms / p) * 100).toFixed(1).padStart(5)}% of parse  ${String(counts.filter((x) => x.rule === id).length).padStart(6)} problems`,
  );
