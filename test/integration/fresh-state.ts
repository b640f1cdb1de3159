/**
 * What SFT Studio should show for the workspace as it is now, worked out from scratch with
 * the core and nothing of the extension's state: every `.sft.yaml` file of the workspace (an
 * open document as the editor has it, any other file from disk, a document with unsaved
 * edits even when its file is gone), linted under its nearest guidelines, indexed into a new
 * WorkspaceIndex for the workspace rules, and counted for coverage and the status bar.
 */
import * as vscode from 'vscode';
import { computeCoverage, type Coverage } from '../../src/core/coverage';
import { defaultGuidelines, GUIDELINES_FILE, loadGuidelines } from '../../src/core/guidelines';
import type { Guidelines } from '../../src/core/guidelines';
import { FileLinter } from '../../src/core/lint';
import { RULE_METAS } from '../../src/core/rules/index';
import { LineIndex } from '../../src/core/text/lines';
import type { Problem } from '../../src/core/types';
import { WorkspaceIndex, type IndexedPair } from '../../src/core/workspace/index';
import { findOpenDocument, isSftUri, SFT_GLOB } from '../../src/extension/documents';
import { statusText } from '../../src/extension/workspace/status-bar';
import { nodeTextServices } from '../../src/node/text-services';
import { ruleOf, sftDiagnostics, workspaceRoot } from './helpers';

const decoder = new TextDecoder();
const services = nodeTextServices();

/** The workspace as a fresh lint and index see it. */
export interface FreshState {
  /** Each file of the workspace (URI string) and its problems, as {@link diagnosticLines} writes them. */
  diagnostics: Map<string, string[]>;
  /** Every pair a fresh index holds, by file and position. */
  pairs: IndexedPair[];
  coverage: Coverage;
  /** The status bar text those counts give. */
  status: string;
}

const SEVERITY = ['error', 'warning', 'info', 'info'];

/** A file's diagnostics as sorted lines `severity rule l:c-l:c message` (what a comparison needs). */
export function diagnosticLines(uri: vscode.Uri): string[] {
  return sftDiagnostics(uri)
    .map(
      (d) =>
        `${SEVERITY[d.severity]} ${ruleOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
    )
    .sort();
}

function problemLines(problems: readonly Problem[], text: string): string[] {
  const lines = new LineIndex(text);
  return problems
    .map((p) => {
      const s = lines.positionAt(p.start);
      const e = lines.positionAt(p.end);
      return `${p.severity} ${p.rule} ${s.line}:${s.character}-${e.line}:${e.character} ${p.message}`;
    })
    .sort();
}

/** The text of a file: its open document's, else what is on disk (undefined: no such file). */
async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  const doc = findOpenDocument(uri);
  if (doc && !doc.isClosed) return doc.getText();
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The guidelines of a file: the nearest `sft.guidelines.yaml` from its folder up to the workspace root. */
async function guidelinesFor(uri: vscode.Uri, cache: Map<string, Guidelines>): Promise<Guidelines> {
  const root = workspaceRoot().path;
  let dir = uri.path.slice(0, uri.path.lastIndexOf('/'));
  for (;;) {
    const candidate = uri.with({ path: `${dir}/${GUIDELINES_FILE}` });
    const key = candidate.toString();
    let g = cache.get(key);
    if (!g) {
      const text = await textOf(candidate);
      if (text !== undefined) {
        g = loadGuidelines(text, candidate.fsPath, RULE_METAS).guidelines;
        g.trusted = vscode.workspace.isTrusted;
        cache.set(key, g);
      }
    }
    if (g) return g;
    if (dir === root || !dir.startsWith(root)) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  const g = defaultGuidelines();
  g.trusted = vscode.workspace.isTrusted;
  return g;
}

/** Lint and index the workspace from scratch. */
export async function freshState(): Promise<FreshState> {
  const uris = new Map<string, vscode.Uri>();
  for (const u of await vscode.workspace.findFiles(SFT_GLOB, '**/node_modules/**'))
    uris.set(u.toString(), u);
  // A document with unsaved edits counts even when its file is gone.
  for (const d of vscode.workspace.textDocuments)
    if (d.isDirty && isSftUri(d.uri) && vscode.workspace.getWorkspaceFolder(d.uri))
      uris.set(d.uri.toString(), d.uri);
  const cache = new Map<string, Guidelines>();
  const linters = new Map<Guidelines, FileLinter>();
  const index = new WorkspaceIndex((key) =>
    vscode.workspace.asRelativePath(vscode.Uri.parse(key), true),
  );
  const files: { key: string; text: string; problems: Problem[]; guidelines: Guidelines }[] = [];
  for (const [key, uri] of uris) {
    const text = await textOf(uri);
    if (text === undefined) continue;
    const guidelines = await guidelinesFor(uri, cache);
    let linter = linters.get(guidelines);
    if (!linter) linters.set(guidelines, (linter = new FileLinter(guidelines, services)));
    const result = linter.lint(text);
    index.setFile(key, result.model, guidelines);
    files.push({ key, text, problems: result.problems, guidelines });
  }
  const byKey = new Map(files.map((f) => [f.key, f.guidelines]));
  const diagnostics = new Map<string, string[]>();
  for (const f of files) {
    const workspaceProblems = index.problemsFor(f.key, (k) => byKey.get(k)!);
    diagnostics.set(f.key, problemLines([...f.problems, ...workspaceProblems], f.text));
  }
  const pairs = sortPairs([...index.pairs()]);
  const rootGuidelines = await guidelinesFor(
    vscode.Uri.joinPath(workspaceRoot(), 'coverage.sft.yaml'),
    cache,
  );
  const coverage = computeCoverage(pairs, rootGuidelines);
  return { diagnostics, pairs, coverage, status: statusText(coverage) };
}

/** Pairs by file, then by place in the file. */
export function sortPairs(pairs: IndexedPair[]): IndexedPair[] {
  return pairs.sort((a, b) => a.file.localeCompare(b.file) || a.index - b.index);
}
