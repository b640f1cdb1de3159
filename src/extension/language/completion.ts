/**
 * Completion of keys (at a key position, with what each key means) and of annotation
 * values (after `key: ` or inside `traits: [...]`, with each value's meaning).
 */
import * as vscode from 'vscode';
import { DEFAULT_KEYS, FILE_KEYS, PAIR_KEYS } from '../../core/annotations';
import { fieldSpec, keysAt } from '../../core/fields';
import { defaultGuidelines } from '../../core/guidelines';
import { escapeMarkdown } from '../../core/text/escape';
import { Disposable } from '../dispose';
import { SFT_SELECTOR } from '../documents';
import type { DocumentStore } from '../lint/document-store';
import { valuesFor } from './vocabulary';

const KEY_AT = /^(\s*)(-\s+)?([A-Za-z_]*)$/;
const VALUE_AT = /^\s*(?:-\s+)?([A-Za-z_]+):\s*([A-Za-z0-9_.-]*)$/;
const FLOW_ITEM_AT = /^\s*(?:-\s+)?([A-Za-z_]+):\s*\[(?:[^\]]*,)?\s*([A-Za-z0-9_.-]*)$/;

export class CompletionProvider extends Disposable implements vscode.CompletionItemProvider {
  static register(docs: DocumentStore): vscode.Disposable {
    const p = new CompletionProvider(docs);
    p._register(
      vscode.languages.registerCompletionItemProvider(SFT_SELECTOR, p, ':', ' ', '[', ','),
    );
    return p;
  }

  private constructor(private readonly docs: DocumentStore) {
    super();
  }

  async provideCompletionItems(
    doc: vscode.TextDocument,
    pos: vscode.Position,
  ): Promise<vscode.CompletionItem[]> {
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const value = FLOW_ITEM_AT.exec(before) ?? VALUE_AT.exec(before);
    if (value) {
      const { governedBy } = await this.docs.current(doc);
      const values = valuesFor(value[1], governedBy.loaded.guidelines);
      if (!values) return [];
      const range = new vscode.Range(pos.translate(0, -value[2].length), pos);
      return values.map((v, i) => {
        const item = new vscode.CompletionItem(
          { label: v.value, description: value[1] },
          vscode.CompletionItemKind.EnumMember,
        );
        // The key typed and the guidelines' values are the writer's text; meanings are ours.
        item.documentation = new vscode.MarkdownString(
          `**${escapeMarkdown(value[1])}: ${escapeMarkdown(v.value)}**\n\n${v.description}`,
        );
        item.detail = v.description;
        item.range = range;
        item.sortText = String(i).padStart(3, '0');
        return item;
      });
    }
    const key = KEY_AT.exec(before);
    if (!key) return [];
    const keys = this.keysAt(doc, pos, key[1].length + (key[2]?.length ?? 0));
    const range = new vscode.Range(pos.translate(0, -key[3].length), pos);
    return keys.map((k, i) => {
      const meaning = fieldSpec(k)?.meaning;
      const item = new vscode.CompletionItem(
        { label: k, description: meaning },
        vscode.CompletionItemKind.Property,
      );
      item.insertText = new vscode.SnippetString(`${k}: $0`);
      item.documentation = new vscode.MarkdownString(meaning ?? '');
      item.range = range;
      item.sortText = String(i).padStart(3, '0');
      if (
        valuesFor(k, this.docs.peek(doc.uri)?.governedBy.loaded.guidelines ?? DEFAULT_GUIDELINES)
      ) {
        item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      }
      return item;
    });
  }

  /** Which keys fit at this column: top-level, under `defaults`, in a pair, or in an item of a pair's list of maps (examples, review). */
  private keysAt(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    column: number,
  ): readonly string[] {
    if (column === 0) return FILE_KEYS;
    for (let line = pos.line - 1; line >= 0; line--) {
      const text = doc.lineAt(line).text;
      const m = /^(\s*)(-\s+)?([A-Za-z_]+):/.exec(text);
      if (!m || text.trim().startsWith('#')) continue;
      const indent = m[1].length;
      if (indent === 0) return m[3] === 'defaults' ? DEFAULT_KEYS : PAIR_KEYS;
      const entry = fieldSpec(m[3], 'pair')?.entry;
      if (entry && indent < column) return keysAt(entry);
      if (indent < column - 2) continue;
    }
    return PAIR_KEYS;
  }
}

const DEFAULT_GUIDELINES = defaultGuidelines();
