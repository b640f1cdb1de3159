/** Which documents are SFT Studio's. */
import * as vscode from 'vscode';
import { GUIDELINES_FILE } from '../core/guidelines';
import { basename, SFT_EXTENSION, withSftExtension } from '../core/paths';

export const SFT_LANGUAGE = 'sft-yaml';
export const SFT_SELECTOR: vscode.DocumentSelector = { language: SFT_LANGUAGE };
export const SFT_GLOB = '**/*.sft.yaml';
export const GUIDELINES_GLOB = `**/${GUIDELINES_FILE}`;

/** A `.sft.yaml` document (by language, so untitled files set to sft-yaml count too). */
export function isSftDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === SFT_LANGUAGE;
}

/**
 * The open document of a URI, if any: the one lookup of `workspace.textDocuments` (which
 * may still hold a closed tab's document; see SftFiles.openDocument for `.sft.yaml` files).
 */
export function findOpenDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** A guidelines file, by name. */
export function isGuidelinesUri(uri: vscode.Uri): boolean {
  return basename(uri.path) === GUIDELINES_FILE;
}

/** A `.sft.yaml` file, by name. */
export function isSftUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(SFT_EXTENSION);
}

/** The URI with a name that ends in exactly one `.sft.yaml` (`x`, `x.yaml`, `x.sft.yaml.sft.yaml` → `x.sft.yaml`). */
export function withSftName(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: withSftExtension(uri.path) });
}
