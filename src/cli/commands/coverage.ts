/** `sft coverage`: how the pairs spread over each annotation, against the guidelines' targets. */
import { computeCoverage } from '../../core/coverage';
import type { IndexedPair } from '../../core/workspace/types';
import { stringOption } from '../args';
import { EXIT, type Command } from '../command';
import { displayPath, lintWorkspace } from '../load';
import { placeProblems } from '../report';
import {
  formatCoverageCsv,
  formatCoverageJson,
  formatCoverageMarkdown,
  formatCoverageTable,
  type CoverageGroup,
} from '../../core/coverage-format';

export const coverageCommand: Command = {
  name: 'coverage',
  summary: "Count pairs per annotation against the guidelines' targets",
  help: `Usage: sft coverage [options] [paths or globs...]

Count the pairs of .sft.yaml files (default: the current folder) per annotation value
(task, prompt type, response type, counted prompt length, domain, language, traits,
status, author) with each value's share, the guidelines' target share, the gap (pairs
still needed) and a mark (ok or MISS). Files under different guidelines files are
reported separately.

Options:
  -f, --format <name>     table (default), json, markdown or csv
  -g, --guidelines <file> use this guidelines file for every file
      --check             exit 1 when a target is missed, or the guidelines have errors
  -h, --help              show this help
`,
  options: {
    format: { type: 'string', short: 'f', choices: ['table', 'json', 'markdown', 'csv'] },
    guidelines: { type: 'string', short: 'g' },
    check: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const ws = await lintWorkspace(positionals, {
      cwd: io.cwd,
      guidelines: stringOption(values.guidelines),
      lint: false,
      counts: true,
    });
    for (const note of ws.notes) io.err(`sft: ${note}\n`);
    // What a guidelines file says wrong (a target of 250%) is dropped from the targets below:
    // say so at its place, or the report would show no target and "targets met" unexplained.
    let badGuidelines = false;
    for (const g of ws.guidelinesFiles) {
      const errors = g.problems.filter((p) => p.severity === 'error');
      badGuidelines ||= errors.length > 0;
      for (const p of placeProblems(displayPath(io.cwd, g.path), g.text, errors).problems)
        io.err(`sft: ${p.file}:${p.line}:${p.column}: ${p.message} (not applied)\n`);
    }
    for (const f of ws.files)
      if (!f.readable) io.err(`sft: ${f.path}: ${f.problems[0]?.message ?? 'cannot be read'}\n`);
    const groups = new Map<
      string,
      {
        files: string[];
        pairs: IndexedPair[];
        guidelines: CoverageGroup['guidelines'];
        g: (typeof ws.files)[number]['guidelines'];
      }
    >();
    for (const f of ws.files) {
      if (!f.readable) continue;
      const key = f.guidelinesFile ?? '';
      let group = groups.get(key);
      if (!group) {
        group = {
          files: [],
          pairs: [],
          guidelines: f.guidelinesFile ? displayPath(io.cwd, f.guidelinesFile) : undefined,
          g: f.guidelines,
        };
        groups.set(key, group);
      }
      group.files.push(f.path);
      group.pairs.push(...(ws.index.entry(f.path)?.pairs ?? []));
    }
    const report: CoverageGroup[] = [...groups.values()].map((g) => ({
      guidelines: g.guidelines,
      files: g.files,
      coverage: computeCoverage(g.pairs, g.g),
    }));
    const format = stringOption(values.format) ?? 'table';
    io.out(
      format === 'json'
        ? formatCoverageJson(report)
        : format === 'markdown'
          ? formatCoverageMarkdown(report)
          : format === 'csv'
            ? formatCoverageCsv(report)
            : formatCoverageTable(report),
    );
    return values.check && (badGuidelines || report.some((g) => !g.coverage.meetsTargets))
      ? EXIT.problems
      : EXIT.ok;
  },
};
