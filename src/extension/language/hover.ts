/**
 * Hover: an annotation value shows its meaning; a key shows what it is for; the pair's id
 * or `-` line shows its counts (prompt words, bucket, response words, tokens). The Markdown
 * is untrusted (no commands, no HTML) and every piece of the writer's text in it (key,
 * value, id, tokenizer name) is escaped, so an id like `[x](command:...)` reads as typed.
 */
import * as vscode from 'vscode';
import { describeValue } from '../../core/annotations';
import { fieldSpec } from '../../core/fields';
import {
  defaultFieldViews,
  pairViewAt,
  type PairView,
  type ValueItem,
} from '../../core/parse/pair-view';
import { plural } from '../../core/plural';
import { escapeMarkdown } from '../../core/text/escape';
import type { TokenCounter } from '../../core/services';
import { Disposable } from '../dispose';
import { settings } from '../config';
import { SFT_SELECTOR } from '../documents';
import type { CurrentLint, DocumentStore } from '../lint/document-store';

export class HoverProvider extends Disposable implements vscode.HoverProvider {
  static register(docs: DocumentStore, tokens: TokenCounter): vscode.Disposable {
    const p = new HoverProvider(docs, tokens);
    p._register(vscode.languages.registerHoverProvider(SFT_SELECTOR, p));
    return p;
  }

  private constructor(
    private readonly docs: DocumentStore,
    private readonly tokens: TokenCounter,
  ) {
    super();
  }

  async provideHover(
    doc: vscode.TextDocument,
    pos: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const current = await this.docs.current(doc);
    const offset = doc.offsetAt(pos);
    const model = current.result.model;
    const pair = pairViewAt(model, offset);
    const range = (s: { start: number; end: number }) =>
      new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    const within = (s: { start: number; end: number } | undefined) =>
      s !== undefined && offset >= s.start && offset <= s.end;
    // Values and keys of a pair's entries, or of the file's defaults.
    for (const f of pair ? pair.fields : defaultFieldViews(model)) {
      if (within(f.valueRange)) {
        const meaning = valueMeaning(f.key, f.items, offset);
        if (meaning)
          return new vscode.Hover(
            new vscode.MarkdownString(
              `**${escapeMarkdown(f.key)}: ${escapeMarkdown(meaning.text)}**\n\n${meaning.description}`,
            ),
            range(meaning.range),
          );
        if (f.key === 'id' && pair) return this.countsHover(pair, current, range(f.valueRange!));
      }
      if (within(f.keyRange)) {
        const text = fieldSpec(f.key, 'pair')?.meaning;
        if ((f.key === 'prompt' || f.key === 'response' || f.key === 'id') && pair)
          return this.countsHover(pair, current, range(f.keyRange), text);
        if (text)
          return new vscode.Hover(
            new vscode.MarkdownString(`**${escapeMarkdown(f.key)}**: ${text}`),
            range(f.keyRange),
          );
      }
    }
    if (pair && offset >= pair.range.start && offset <= pair.dash + 1)
      return this.countsHover(pair, current, range({ start: pair.dash, end: pair.dash + 1 }));
    return undefined;
  }

  private countsHover(
    pair: PairView,
    current: CurrentLint,
    range: vscode.Range,
    lead?: string,
  ): vscode.Hover {
    const g = current.governedBy.loaded.guidelines;
    const counts = pair.counts(g);
    const tokenizer = g.source ? g.response.tokenizer : settings().tokenizer;
    const tokens = pair.tokens(this.tokens, tokenizer);
    const md = new vscode.MarkdownString();
    if (lead) md.appendMarkdown(`${lead}\n\n`);
    md.appendMarkdown(
      `**Pair ${pair.id === undefined ? `#${pair.index + 1}` : escapeMarkdown(pair.id)}**\n\n`,
    );
    md.appendMarkdown('| | words | tokens |\n|---|---:|---:|\n');
    md.appendMarkdown(
      `| prompt (all the model reads first) | ${counts.promptWords} | ${tokens.prompt} |\n`,
    );
    md.appendMarkdown(`| response | ${counts.responseWords} | ${tokens.response} |\n\n`);
    md.appendMarkdown(
      `Length bucket: **${counts.bucket}** (short < ${plural(g.length.short, 'word')}, long > ${g.length.long}); tokens by ${escapeMarkdown(tokenizer)}.`,
    );
    return new vscode.Hover(md, range);
  }
}

/** The annotation value under a document offset (the value itself, or the list item there), with its meaning. */
function valueMeaning(
  key: string,
  items: readonly ValueItem[],
  at: number,
): (ValueItem & { description: string }) | undefined {
  const item = items.find((i) => at >= i.range.start && at <= i.range.end);
  const description = item && describeValue(key, item.text);
  return description ? { ...item, description } : undefined;
}
