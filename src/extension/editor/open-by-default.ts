/**
 * `sft.pairEditor.openByDefault`: VS Code picks a file's editor from
 * `workbench.editorAssociations`, so the setting is kept in step with an entry there for
 * `*.sft.yaml`, written where the setting itself is set (user or workspace). An association a
 * writer made by hand for another editor is left alone.
 */
import * as vscode from 'vscode';
import { PAIR_EDITOR_VIEW_TYPE } from './pair-editor-provider';

const PATTERN = '*.sft.yaml';

/** Bring the association in line with the setting now and whenever the setting changes. */
export function syncOpenByDefault(): vscode.Disposable {
  void apply();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('sft.pairEditor.openByDefault')) void apply();
  });
}

async function apply(): Promise<void> {
  const inspected = vscode.workspace
    .getConfiguration('sft')
    .inspect<boolean>('pairEditor.openByDefault');
  const target =
    inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  const on =
    (target === vscode.ConfigurationTarget.Workspace
      ? inspected?.workspaceValue
      : inspected?.globalValue) ?? false;
  const config = vscode.workspace.getConfiguration('workbench');
  const at = config.inspect<Record<string, string>>('editorAssociations');
  const current =
    (target === vscode.ConfigurationTarget.Workspace ? at?.workspaceValue : at?.globalValue) ?? {};
  const now = current[PATTERN];
  if (on && now === PAIR_EDITOR_VIEW_TYPE) return;
  if (!on && now !== PAIR_EDITOR_VIEW_TYPE) return;
  const next = { ...current };
  if (on) next[PATTERN] = PAIR_EDITOR_VIEW_TYPE;
  else delete next[PATTERN];
  await config.update('editorAssociations', next, target);
}
