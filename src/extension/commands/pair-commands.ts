/**
 * Commands on the pair under the cursor: next/previous pair, set annotation (quick pick
 * with meanings), insert pair, generate missing ids, silence a rule for a pair. Every
 * change is an intent planned by core's edit layer and applied as one WorkspaceEdit.
 */
import * as vscode from 'vscode';
import { ANNOTATION_KEYS } from '../../core/annotations';
import { pairRef, type EditIntent } from '../../core/edit/intent';
import { generateId } from '../../core/edit/map-edit';
import { plan, planAllEdits, planEdits } from '../../core/edit/plan';
import { defaultIdPrefix } from '../../core/export/guess';
import { insertPairIntent, type GivenValues } from '../../core/pair-template';
import type { PairModel } from '../../core/parse/model';
import { scalarText, stringList } from '../../core/parse/model';
import { Disposable } from '../dispose';
import { isSftDocument } from '../documents';
import type { DocumentStore } from '../lint/document-store';
import { applyPlanned, toWorkspaceEdit } from '../workspace-edit';
import { KEY_DESCRIPTIONS, valuesFor } from '../language/vocabulary';
import { pairAtOffset, pairSpan } from '../../core/pair-geometry';
import { basename } from '../../core/paths';

/** Known ids of the workspace (from the index, when there is one). */
export type IdSource = () => Iterable<string>;

export class PairCommands extends Disposable {
  static register(docs: DocumentStore, workspaceIds: IdSource): PairCommands {
    return new PairCommands(docs, workspaceIds);
  }

  private constructor(
    private readonly docs: DocumentStore,
    private readonly workspaceIds: IdSource,
  ) {
    super();
    this._register(vscode.commands.registerCommand('sft.nextPair', () => this.move(1)));
    this._register(vscode.commands.registerCommand('sft.previousPair', () => this.move(-1)));
    this._register(
      vscode.commands.registerCommand(
        'sft.setAnnotation',
        (uri?: vscode.Uri, pairIndex?: number, key?: string, value?: string | string[]) =>
          this.setAnnotation(uri, pairIndex, key, value),
      ),
    );
    this._register(vscode.commands.registerCommand('sft.insertPair', () => this.insertPair()));
    this._register(
      vscode.commands.registerCommand('sft.generateMissingIds', (uri?: vscode.Uri) =>
        this.generateMissingIds(uri),
      ),
    );
    this._register(
      vscode.commands.registerCommand(
        'sft.silenceRule',
        (uri: vscode.Uri, offset: number, rule: string, reason?: string) =>
          this.silence(uri, offset, rule, reason),
      ),
    );
  }

  private async editorFor(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    if (uri) return vscode.workspace.openTextDocument(uri);
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isSftDocument(doc) ? doc : undefined;
  }

  /** Move the cursor to the next (+1) or previous (-1) pair's `-`. */
  private async move(direction: 1 | -1): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isSftDocument(editor.document)) return;
    const { result } = await this.docs.current(editor.document);
    const offset = editor.document.offsetAt(editor.selection.active);
    const starts = result.model.pairs.map((p) => pairSpan(p).dash);
    const target =
      direction > 0
        ? starts.find((s) => s > offset)
        : [...starts].reverse().find((s) => s < offset);
    if (target === undefined) return;
    const pos = editor.document.positionAt(target);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }

  private async pairFor(
    doc: vscode.TextDocument,
    pairIndex?: number,
  ): Promise<PairModel | undefined> {
    const { result } = await this.docs.current(doc);
    if (pairIndex !== undefined) return result.model.pairs[pairIndex];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    return editor ? pairAtOffset(result.model, doc.offsetAt(editor.selection.active)) : undefined;
  }

  /** Set an annotation of a pair; asks for what it does not get. */
  async setAnnotation(
    uri?: vscode.Uri,
    pairIndex?: number,
    key?: string,
    value?: string | string[],
  ): Promise<boolean> {
    const doc = await this.editorFor(uri);
    if (!doc) return false;
    const pair = await this.pairFor(doc, pairIndex);
    if (!pair) {
      void vscode.window.showInformationMessage('Put the cursor in a pair to set its annotations.');
      return false;
    }
    const g = (await this.docs.current(doc)).governedBy.loaded.guidelines;
    const k =
      key ??
      (
        await vscode.window.showQuickPick(
          ANNOTATION_KEYS.map((a) => ({ label: a, detail: KEY_DESCRIPTIONS[a] })),
          { title: `Set annotation of ${pair.id ?? 'pair'}` },
        )
      )?.label;
    if (!k) return false;
    let chosen = value;
    if (chosen === undefined) {
      const values = valuesFor(k, g);
      if (!values) {
        chosen = await vscode.window.showInputBox({
          title: `${k} of ${pair.id ?? 'pair'}`,
          value: scalarText(pair.fields.get(k)?.value) ?? '',
        });
      } else if (k === 'traits') {
        const have = new Set(stringList(pair.fields.get(k)?.value) ?? []);
        const picked = await vscode.window.showQuickPick(
          values.map((v) => ({ label: v.value, detail: v.description, picked: have.has(v.value) })),
          { canPickMany: true, title: `traits of ${pair.id ?? 'pair'}` },
        );
        chosen = picked?.map((p) => p.label);
      } else {
        const now = scalarText(pair.fields.get(k)?.value);
        const picked = await vscode.window.showQuickPick(
          values.map((v) => ({
            label: v.value,
            detail: v.description,
            description: v.value === now ? 'current' : undefined,
          })),
          { title: `${k} of ${pair.id ?? 'pair'}`, matchOnDetail: true },
        );
        chosen = picked?.label;
      }
    }
    if (chosen === undefined) return false;
    // The document may have changed while the picker was open: plan on the text as it is now.
    const { model } = (await this.docs.current(doc)).result;
    const ref = pairRef(model, pair);
    return applyPlanned(
      doc,
      planEdits(model, { kind: 'setAnnotation', pair: ref, key: k, value: chosen }),
    );
  }

  /**
   * Insert a new pair after the one under the cursor (else after the last), as one edit
   * (one undo step) whose snippet's tab stops run through the annotations, then prompt, then response.
   */
  async insertPair(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isSftDocument(editor.document)) return false;
    return this.insertPairIn(editor.document, editor.document.offsetAt(editor.selection.active));
  }

  /**
   * Insert Pair into `doc` (shown in the active editor, which runs the snippet) after the pair
   * at `offset` (else last), with `values` written rather than asked for (a work-list item's).
   */
  async insertPairIn(
    doc: vscode.TextDocument,
    offset: number | undefined,
    values?: GivenValues,
  ): Promise<boolean> {
    let current = await this.docs.current(doc);
    // Typing while the file was linted: plan on the text as it is now.
    while (current.version !== doc.version && !doc.isClosed) current = await this.docs.current(doc);
    const { result, governedBy } = current;
    const model = result.model;
    const g = governedBy.loaded.guidelines;
    const ids = new Set([
      ...model.pairs.map((p) => p.id).filter((x): x is string => !!x),
      ...this.workspaceIds(),
    ]);
    const near =
      (offset === undefined ? undefined : pairAtOffset(model, offset)) ??
      model.pairs[model.pairs.length - 1];
    const id = generateId(ids, near?.id ?? filePrefix(doc.uri));
    const planned = plan(
      model,
      insertPairIntent(model, {
        offset,
        guidelines: g,
        id,
        choicesOf: (key) => valuesFor(key, g)?.map((v) => v.value),
        values,
      }),
    );
    if (planned.refused) {
      void vscode.window.showInformationMessage(`Insert Pair: ${planned.refused}`);
      return false;
    }
    return vscode.workspace.applyEdit(toWorkspaceEdit(doc, planned.edits));
  }

  /** Give every pair without an id a new, unique one. */
  async generateMissingIds(uri?: vscode.Uri): Promise<number> {
    const doc = await this.editorFor(uri);
    if (!doc) return 0;
    const { result } = await this.docs.current(doc);
    const ids = new Set([
      ...result.model.pairs.map((p) => p.id).filter((x): x is string => !!x),
      ...this.workspaceIds(),
    ]);
    const intents: EditIntent[] = [];
    let hint: string | undefined = filePrefix(doc.uri);
    // The highest number per prefix, so thousands of new ids take one pass over the ids.
    const highest = new Map<string, number>();
    for (const pair of result.model.pairs) {
      if (pair.id) {
        hint = pair.id;
        continue;
      }
      const id = generateId(ids, hint, highest);
      ids.add(id);
      hint = id;
      intents.push({ kind: 'setField', pair: { index: pair.index }, key: 'id', value: id });
    }
    const edits = planAllEdits(result.model, intents);
    if (edits.length) await applyPlanned(doc, edits);
    else void vscode.window.showInformationMessage('Every pair has an id.');
    return edits.length;
  }

  /** Silence a rule for the pair at `offset`, with a reason (asked for when not given). */
  async silence(uri: vscode.Uri, offset: number, rule: string, reason?: string): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const why =
      reason ??
      (await vscode.window.showInputBox({
        title: `Silence ${rule} for this pair`,
        prompt: 'Why is this right here? The reason is kept in the file for reviewers.',
        placeHolder: 'e.g. the phrase is quoted from the source text',
        validateInput: (v) => (v.trim() ? undefined : 'A silence needs a reason.'),
      }));
    if (!why?.trim()) return false;
    const { model } = (await this.docs.current(doc)).result;
    const pair = pairAtOffset(model, offset);
    if (!pair) return false;
    return applyPlanned(
      doc,
      planEdits(model, { kind: 'silence', pair: pairRef(model, pair), rules: rule, reason: why }),
    );
  }
}

/** An id prefix from the file name: `health-batch.sft.yaml` → `health-batch-` (`pair-` for an untitled document). */
export function filePrefix(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? 'pair-' : `${defaultIdPrefix(basename(uri.path))}-`;
}
