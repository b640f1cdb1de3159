/**
 * `sft lint --fix`: apply the same preferred fixes as the editor's "Fix all" (core's
 * `applyFixes` intent: lint, fix, lint again, up to its pass limit) to each file on disk, before the
 * report. Guidelines files first, so the pairs are fixed under the guidelines as they will
 * be read. A file is written only when its text changed; the text keeps its BOM and line
 * endings because fixes are minimal edits of it.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applyEdits } from '../core/edit/apply';
import { planFixesCounted } from '../core/edit/plan';
import { GUIDELINES_FILE, loadGuidelines, type Guidelines } from '../core/guidelines';
import { FileLinter } from '../core/lint';
import { RULE_METAS } from '../core/rules/index';
import { toSlash } from '../core/paths';
import type { Problem } from '../core/types';
import { discoverFiles, readTextFile } from '../node/files';
import { nodeTextServices } from '../node/text-services';
import { stderrLintLog } from '../node/lint-log';
import { GuidelinesResolver } from '../node/guidelines';
import { displayPath } from './load';

/** What fixing did to one file. */
export interface FileFix {
  /** Display path (relative to the working folder). */
  path: string;
  /** Problems fixed per rule id. */
  fixedByRule: Map<string, number>;
  /** Whether the file was written (false in a dry run, or when writing failed: see `error`). */
  written: boolean;
  error?: string;
}

/** `fixed 3 problems: banned-phrase ×2, pii ×1` (rules by name), or `would fix …` for a dry run. */
export function describeFix(f: FileFix, dryRun: boolean): string {
  const total = [...f.fixedByRule.values()].reduce((a, b) => a + b, 0);
  const rules = [...f.fixedByRule]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([rule, n]) => `${rule} ×${n}`)
    .join(', ');
  return `${f.path}: ${dryRun ? 'would fix' : 'fixed'} ${total} problem${total === 1 ? '' : 's'}: ${rules}${f.error ? ` (not written: ${f.error})` : ''}`;
}

/** Fix one text on disk with `lint`; returns what changed, writing unless `dryRun`. */
function fixFile(
  abs: string,
  path: string,
  lint: (text: string) => readonly Problem[],
  dryRun: boolean,
): FileFix | undefined {
  const read = readTextFile(abs);
  if (!read.ok) return undefined;
  const planned = planFixesCounted(read.text, {
    kind: 'applyFixes',
    problems: lint(read.text),
    lint,
  });
  const text = applyEdits(read.text, planned.edits);
  if (text === read.text) return undefined;
  const out: FileFix = { path, fixedByRule: planned.fixedByRule, written: false };
  if (dryRun) return out;
  try {
    writeFileSync(abs, text, 'utf8');
    out.written = true;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  return out;
}

/**
 * Fix the `.sft.yaml` files that `inputs` name, and the guidelines files that apply to them.
 * Files that cannot be read are left to the report.
 */
export async function fixFiles(
  inputs: readonly string[],
  opts: { cwd: string; guidelines?: string; dryRun: boolean },
): Promise<FileFix[]> {
  const discovery = await discoverFiles(inputs.length ? inputs : ['.'], opts.cwd);
  const files = discovery.files.filter((abs) => basename(abs) !== GUIDELINES_FILE);
  const out: FileFix[] = [];
  // Guidelines first: the pairs are then fixed (and reported) under the fixed guidelines.
  const first = new GuidelinesResolver(opts.guidelines);
  const guidelinesPaths = new Set<string>(
    discovery.files.filter((abs) => basename(abs) === GUIDELINES_FILE),
  );
  for (const abs of files) {
    const g = first.fileFor(abs);
    if (g) guidelinesPaths.add(g.path);
  }
  for (const abs of [...guidelinesPaths].sort()) {
    const fixed = fixFile(
      abs,
      displayPath(opts.cwd, abs),
      (text) => loadGuidelines(text, toSlash(abs), RULE_METAS).problems,
      opts.dryRun,
    );
    if (fixed) out.push(fixed);
  }
  const resolver = opts.dryRun ? first : new GuidelinesResolver(opts.guidelines);
  const services = nodeTextServices();
  const linters = new Map<Guidelines, FileLinter>();
  for (const abs of files) {
    const g = resolver.forFile(abs);
    let linter = linters.get(g);
    if (!linter) {
      linter = new FileLinter(g, services, { log: stderrLintLog });
      linters.set(g, linter);
    }
    const l = linter;
    const fixed = fixFile(
      abs,
      displayPath(opts.cwd, abs),
      (text) => l.lint(text).problems,
      opts.dryRun,
    );
    if (fixed) out.push(fixed);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
