/**
 * A card's text area for one field, with the commit rule of the pair editor: every keystroke
 * is committed at once (the host turns it into a minimal edit, and groups a run of typing in
 * one field into one undo step), except one that adds white space at the end of the text: a
 * plain scalar cannot end in a space, and committing it would quote the scalar for good, so
 * it waits for the next keystroke, a pause or the blur. The echo of a value this field sent leaves the area alone
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

/** How many white-space characters end `text`. */
function trailingSpace(text: string): number {
  return text.length - text.trimEnd().length;
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
      clearTimeout(this.timer);
      this.timer = undefined;
      if (trailingSpace(this.area.value) > trailingSpace(this.known[this.known.length - 1]))
        this.timer = setTimeout(() => this.flush(), TRAILING_SPACE_WAITS_MS);
      else this.flush();
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
    clearTimeout(this.timer);
    this.timer = undefined;
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
    clearTimeout(this.timer);
    this.timer = undefined;
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

  private grow(): void {
    this.area.style.height = 'auto';
    this.area.style.height = `${this.area.scrollHeight + 2}px`;
  }

  private showCount(): void {
    const n = this.words;
    this.count.textContent = `${n} ${n === 1 ? 'word' : 'words'}`;
  }
}
