/**
 * SARIF 2.1.0 output, for code-scanning UIs. Rules come from the core's rule descriptions;
 * ids not among them (project patterns, file-level problems) get an entry of their own so
 * every result's ruleIndex points somewhere.
 */
import type { ReportedSeverity, RuleMeta } from '../../core/types';
import type { FileProblems } from '../report';
import { jsonForTerminal } from '../../core/text/escape';

/** What the SARIF writer needs to know about the tool. */
export interface SarifTool {
  version: string;
  /** Base URL that `docs/rules/<id>.md` is appended to. */
  docsBase: string;
  rules: readonly RuleMeta[];
  /** Descriptions for rule ids outside `rules` (project patterns, `unreadable-file`). */
  extraRules: ReadonlyMap<string, string>;
}

const LEVEL: Record<ReportedSeverity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function levelOf(severity: string): string {
  return LEVEL[severity as ReportedSeverity] ?? 'none';
}

/** A relative path as a URI reference (spaces and the like percent-encoded). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Render problems as a SARIF 2.1.0 log with one run. */
export function formatSarif(files: readonly FileProblems[], tool: SarifTool): string {
  const used = new Set(files.flatMap((f) => f.problems.map((p) => p.rule)));
  const rules = tool.rules.map((m) => ({
    id: m.id,
    shortDescription: { text: m.description },
    helpUri: `${tool.docsBase}docs/rules/${m.id}.md`,
    defaultConfiguration: {
      level: levelOf(m.defaultSeverity),
      enabled: m.defaultSeverity !== 'off',
    },
    properties: { category: m.category },
  }));
  const known = new Set(rules.map((r) => r.id));
  for (const id of [...used].sort()) {
    if (known.has(id)) continue;
    rules.push({
      id,
      shortDescription: { text: tool.extraRules.get(id) ?? id },
      helpUri: `${tool.docsBase}docs/rules/${id}.md`,
      defaultConfiguration: { level: 'warning', enabled: true },
      properties: { category: 'qa' },
    });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) =>
    f.problems.map((p) => ({
      ruleId: p.rule,
      ruleIndex: index.get(p.rule),
      level: levelOf(p.severity),
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(p.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: p.line,
              startColumn: p.column,
              endLine: p.endLine,
              endColumn: p.endColumn,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'SFT Studio',
            version: tool.version,
            informationUri: tool.docsBase,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder sft ran in.' } } },
        results,
      },
    ],
  };
  return jsonForTerminal(JSON.stringify(log, null, 2)) + '\n';
}
