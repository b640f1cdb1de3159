/**
 * A card's text area for one field, with the commit rule of the pair editor: every keystroke
 * is committed at once (the host turns it into a minimal edit, and groups a run of typing in
 * one field into one undo step), except one that would change how the scalar is written for
 * good: a space at the end of a plain scalar (it would be quoted), or a line break at the end
 * of any (a block's chomping would change). Such a keystroke waits for the next one, a pause
 * or the blur; a space at the end of a block or a quoted scalar, which keeps it as written,
 * goes at once. The echo of a value this field sent leaves the area alone
 * (caret and selection stay, and keystrokes typed since are kept); another value (a text
 * editor, a write on disk, undo) replaces the area, keeping the caret where it was as far
 * as the new text allows.
 */
import { countWords } from '../../core/text/words';
import { el } from './dom';

/** Runs of typing, numbered across the page: a new run starts on focus or after a foreign value. */
let runs = 0;

/** How long a keystroke that leaves trailing white space waits for the next one. */
const TRAILING_SPACE_WAITS_MS = 400;

/** What a field sends: its key, the whole value, the keystroke's time (epoch ms), the run it belongs to. */
export type Commit = (key: string, value: string, typedAt?: number, run?: number) => void;

/** The white space that ends `text`: how many characters, how many of them line breaks. */
function trailingSpace(text: string): { chars: number; breaks: number } {
  const tail = text.slice(text.trimEnd().length);
  return { chars: tail.length, breaks: tail.split('\n').length - 1 };
}

/** Whether `value` ends in more white space than `before` in a way the scalar cannot keep as written. */
function holds(value: string, before: string, keepsSpace: boolean): boolean {
  const now = trailingSpace(value);
  const was = trailingSpace(before);
  if (now.chars <= was.chars) return false;
  return !keepsSpace || now.breaks > was.breaks;
}

export class TextField {
  readonly root: HTMLElement;
  readonly area: HTMLTextAreaElement;
  private readonly count: HTMLElement;
  /**
   * The value the document last confirmed, then each value sent since, oldest first: an echo
   * of one of these is older than the area and is not shown.
   */
  private known: string[];
  private run?: number;
  private timer?: ReturnType<typeof setTimeout>;
  /** When the first keystroke not yet sent was typed (epoch ms), for the benchmark. */
  private typedAt?: number;
  /** Whether the field's scalar keeps a space typed at its end as written (the host says). */
  keepsSpace = false;

  constructor(
    readonly key: string,
    value: string,
    private readonly commit: Commit,
    private readonly onWords: () => void,
    label = key,
  ) {
    this.known = [value];
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
      // The keystroke goes to the host first; the area's height and the counts after it.
      this.typedAt ??= performance.timeOrigin + e.timeStamp;
      this.stopWaiting();
      if (holds(this.area.value, this.known[this.known.length - 1], this.keepsSpace)) {
        this.timer = setTimeout(() => this.flush(), TRAILING_SPACE_WAITS_MS);
        this.area.dataset.pending = 'true';
      } else this.flush();
      this.grow();
      this.showCount();
      this.onWords();
    });
    this.area.addEventListener('focus', () => (this.run = undefined));
    this.area.addEventListener('blur', () => this.flush());
    this.showCount();
    queueMicrotask(() => this.grow());
  }

  /** Words in the field now (draft included). */
  get words(): number {
    return countWords(this.area.value);
  }

  /** Send the area's value if it is not the last one sent. */
  flush(): void {
    this.stopWaiting();
    const typedAt = this.typedAt;
    this.typedAt = undefined;
    if (this.area.value === this.known[this.known.length - 1]) return;
    this.run ??= ++runs;
    this.known.push(this.area.value);
    this.commit(this.key, this.area.value, typedAt, this.run);
  }

  /** The document's value for this field. `force` (undo/redo): the document wins over a draft. */
  receive(value: string, force: boolean): void {
    // Values sent after the one echoed are still on their way: they stay known.
    const at = this.known.indexOf(value);
    if (value === this.area.value) {
      this.known = at >= 0 ? this.known.slice(at) : [value];
      return;
    }
    // An echo of a value sent before the writer typed on (or of the last one, while a
    // trailing space waits): the area is newer.
    if (!force && at >= 0 && (this.known.length > 1 || this.timer !== undefined)) {
      this.known = this.known.slice(at);
      return;
    }
    const { selectionStart, selectionEnd } = this.area;
    this.stopWaiting();
    this.known = [value];
    this.run = undefined;
    this.area.value = value;
    if (document.activeElement === this.area)
      this.area.setSelectionRange(
        Math.min(selectionStart, value.length),
        Math.min(selectionEnd, value.length),
      );
    this.grow();
    this.showCount();
  }

  /** A held keystroke no longer waits (it is sent, or the document's value replaces it). */
  private stopWaiting(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    delete this.area.dataset.pending;
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
