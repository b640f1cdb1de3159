/**
 * Core's planned edits (document offsets in the document's current text) as ONE
 * `WorkspaceEdit`: one change, one undo step, whatever the intent. An edit that carries a
 * snippet (Insert Pair's tab stops) goes in as a snippet edit, which VS Code runs as a
 * snippet in the editor that shows the document.
 */
import * as vscode from 'vscode';
import type { DocumentEdit } from '../core/edit/document-edit';

/** The edits as one WorkspaceEdit of `doc`. */
export function toWorkspaceEdit(
  doc: vscode.TextDocument,
  edits: readonly DocumentEdit[],
): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  const range = (e: DocumentEdit) =>
    new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end));
  we.set(
    doc.uri,
    edits.map((e) =>
      e.snippet !== undefined
        ? vscode.SnippetTextEdit.replace(range(e), new vscode.SnippetString(e.snippet))
        : vscode.TextEdit.replace(range(e), e.newText),
    ),
  );
  return we;
}

/** Apply planned edits to `doc` in one step; true when there was nothing to do. */
export async function applyPlanned(
  doc: vscode.TextDocument,
  edits: readonly DocumentEdit[],
): Promise<boolean> {
  if (!edits.length) return true;
  return vscode.workspace.applyEdit(toWorkspaceEdit(doc, edits));
}
