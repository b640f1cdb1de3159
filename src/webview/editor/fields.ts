/**
 * A card's text area for one field, with the draft rule of the pair editor: what the writer
 * types is committed after a pause and on blur (each commit one undo step in VS Code); an
 * echo of the last committed value leaves the area alone (caret and selection stay); another
 * value (a text editor, a write on disk, undo) replaces the draft, keeping the caret where
 * it was as far as the new text allows.
 */
import { countWords } from '../../core/text/words';
import { el } from './dom';

const COMMIT_AFTER_MS = 400;

export class TextField {
  readonly root: HTMLElement;
  readonly area: HTMLTextAreaElement;
  private readonly count: HTMLElement;
  /** The last value this field committed (or was given by the host). */
  private committed: string;
  private timer?: ReturnType<typeof setTimeout>;
  /** When the first keystroke not yet committed was typed (epoch ms), for the benchmark. */
  private typedAt?: number;

  constructor(
    readonly key: string,
    value: string,
    private readonly commit: (key: string, value: string, typedAt?: number) => void,
    private readonly onWords: () => void,
    label = key,
  ) {
    this.committed = value;
    this.area = el('textarea', {
      attrs: { 'data-testid': `field-${key}`, 'aria-label': label, id: `field-${key}`, rows: '1' },
    });
    this.area.value = value;
    this.count = el('span', { class: 'words', attrs: { 'data-testid': `words-${key}` } });
    this.root = el('div', { class: 'field', attrs: { 'data-field': key } }, [
      el('label', { class: 'field-label', text: label, attrs: { for: `field-${key}` } }),
      this.area,
      this.count,
    ]);
    this.area.addEventListener('input', (e) => {
      this.typedAt ??= performance.timeOrigin + e.timeStamp;
      this.grow();
      this.showCount();
      this.onWords();
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), COMMIT_AFTER_MS);
    });
    this.area.addEventListener('blur', () => this.flush());
    this.showCount();
    queueMicrotask(() => this.grow());
  }

  /** Words in the field now (draft included). */
  get words(): number {
    return countWords(this.area.value);
  }

  /** Send the draft if it differs from what was last committed. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.area.value === this.committed) return;
    this.committed = this.area.value;
    const typedAt = this.typedAt;
    this.typedAt = undefined;
    this.commit(this.key, this.area.value, typedAt);
  }

  /** The document's value for this field. `force` (undo/redo): the document wins over a draft. */
  receive(value: string, force: boolean): void {
    if (value === this.area.value) {
      this.committed = value;
      return;
    }
    const drafting = this.timer !== undefined && document.activeElement === this.area;
    // An echo of an older commit while the writer keeps typing: the draft is newer.
    if (!force && drafting && value === this.committed) return;
    if (force) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const { selectionStart, selectionEnd } = this.area;
    this.committed = value;
    this.area.value = value;
    if (document.activeElement === this.area)
      this.area.setSelectionRange(
        Math.min(selectionStart, value.length),
        Math.min(selectionEnd, value.length),
      );
    this.grow();
    this.showCount();
  }

  private grow(): void {
    this.area.style.height = 'auto';
    this.area.style.height = `${this.area.scrollHeight + 2}px`;
  }

  private showCount(): void {
    const n = this.words;
    this.count.textContent = `${n} ${n === 1 ? 'word' : 'words'}`;
  }
}
