/**
 * What an export reads: every `.sft.yaml` file in scope, linted the way the editor lints
 * it (an open document's current text and cached result, unsaved edits included; a closed
 * file from disk through `vscode.workspace.fs`), with the error-level problems that block
 * the export counted as `sft export` counts them.
 */
import * as vscode from 'vscode';
import type { SourceFile } from '../../core/export/index';
import { blocksExport } from '../../core/export/blocking';
import type { SftFileModel } from '../../core/parse/parse';
import { plural } from '../../core/plural';
import type { Problem } from '../../core/types';
import { findOpenDocument, isSftUri, SFT_GLOB } from '../documents';
import type { WorkspaceProblemSource } from '../lint/diagnostics';
import type { DocumentStore } from '../lint/document-store';
import type { GuidelinesStore } from '../lint/guidelines-store';

/** The services an export lints with. */
export interface ExportLinting {
  docs: DocumentStore;
  guidelines: GuidelinesStore;
  /** duplicate-id and near-duplicate, once the index is ready. */
  workspace: WorkspaceProblemSource & { ready(): Promise<void> };
}

/** The files of an export, linted. */
export interface ExportSources {
  sources: SourceFile[];
  /** Error-level problems in the pairs being exported and in the guidelines governing them. */
  errors: number;
  /** Files (and guidelines files) with those errors. */
  errorFiles: vscode.Uri[];
}

const decoder = new TextDecoder();

/** The `.sft.yaml` files in scope (a folder, one file, or the whole workspace), sorted. */
export async function filesInScope(
  scope: vscode.Uri | undefined,
  token: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  if (scope && isSftUri(scope)) return [scope];
  const pattern = scope ? new vscode.RelativePattern(scope, SFT_GLOB) : SFT_GLOB;
  const files = await vscode.workspace.findFiles(pattern, '**/node_modules/**', undefined, token);
  return files.sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** Lint each file and count what blocks; undefined when cancelled. */
export async function lintSources(
  files: readonly vscode.Uri[],
  statuses: readonly string[] | undefined,
  linting: ExportLinting,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ExportSources | undefined> {
  // Workspace rules (duplicate-id) need the index; its first build may still be running.
  progress.report({ message: 'indexing the workspace' });
  await linting.workspace.ready();
  const out: ExportSources = { sources: [], errors: 0, errorFiles: [] };
  const guidelinesSeen = new Set<string>();
  let done = 0;
  for (const uri of files) {
    if (token.isCancellationRequested) return undefined;
    const open = findOpenDocument(uri);
    let model: SftFileModel;
    let problems: readonly Problem[];
    const governedBy = await linting.guidelines.forUri(uri);
    const current = open ? await linting.docs.current(open).catch(() => undefined) : undefined;
    if (current) {
      ({ model, problems } = current.result);
    } else {
      let text: string;
      try {
        text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      } // deleted meanwhile
      ({ model, problems } = governedBy.linter.lint(text));
    }
    const path = vscode.workspace.asRelativePath(uri, false);
    out.sources.push({ path, model });
    const errors = [...problems, ...linting.workspace.problemsFor(uri)].filter((p) =>
      blocksExport(p, model, statuses),
    ).length;
    if (errors) {
      out.errors += errors;
      out.errorFiles.push(uri);
    }
    if (governedBy.key && governedBy.uri && !guidelinesSeen.has(governedBy.key)) {
      guidelinesSeen.add(governedBy.key);
      const own = governedBy.loaded.problems.filter((p) => p.severity === 'error').length;
      if (own) {
        out.errors += own;
        out.errorFiles.push(governedBy.uri);
      }
    }
    done++;
    progress.report({
      message: `${done}/${plural(files.length, 'file')}`,
      increment: 100 / files.length,
    });
  }
  return out;
}
