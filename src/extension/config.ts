/** Typed access to the `sft.*` settings (package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import type { TokenizerName } from '../core/text/tokens';

/** The settings SFT Studio reads, with their defaults. */
export interface SftSettings {
  guidelinesPath: string;
  lintOnType: boolean;
  lintOnSave: boolean;
  debounceMs: number;
  lintWorkspace: boolean;
  maxProblemsPerFile: number;
  statusBar: boolean;
  tokenizer: TokenizerName;
  codeLens: boolean;
}

/** Settings for a resource (guidelines path is per folder) or the window. */
export function settings(scope?: vscode.Uri): SftSettings {
  const c = vscode.workspace.getConfiguration('sft', scope);
  return {
    guidelinesPath: c.get<string>('guidelines.path', ''),
    lintOnType: c.get<boolean>('lint.onType', true),
    lintOnSave: c.get<boolean>('lint.onSave', true),
    debounceMs: Math.max(0, c.get<number>('lint.debounceMs', 250)),
    lintWorkspace: c.get<boolean>('lint.workspace', true),
    maxProblemsPerFile: Math.max(1, c.get<number>('lint.maxProblemsPerFile', 500)),
    statusBar: c.get<boolean>('statusBar.enabled', true),
    tokenizer: c.get<TokenizerName>('tokenizer', 'o200k_base'),
    codeLens: c.get<boolean>('codeLens.enabled', true),
  };
}
