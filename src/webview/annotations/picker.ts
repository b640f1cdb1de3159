/**
 * One annotation's picker in the annotations view, keyboard-first: typing filters its values,
 * a number key picks the value with that number (0 the tenth), Enter the first one left,
 * Delete removes the pair's own value, Escape clears the filter, and the up and down arrows
 * move to the previous or next annotation. Each value shows its meaning and, when the
 * workspace is below its coverage target, how many pairs it still needs. The element lives as
 * long as the view, so an update never takes the keyboard away.
 */
import type { PickChoice, PickerState } from '../../shared/annotations-protocol';
import { el, iconButton } from '../editor/dom';

/** What a picker asks of the page. */
export interface PickerHost {
  pick(key: string, value: string | string[] | null): void;
  openHandbook(key: string, value: string): void;
  /** Move the keyboard to the previous (-1) or next (+1) picker. */
  move(from: string, by: 1 | -1): void;
  /** This picker took the keyboard: it is the one whose values show. */
  activate(key: string): void;
}

/** "prompt_type" → "Prompt type". */
function labelOf(key: string): string {
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const fold = (s: string) => s.toLowerCase().replace(/[_-]/g, ' ');
const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

export class AnnotationPicker {
  readonly root: HTMLElement;
  private readonly valueText = el('span', { class: 'value', attrs: { 'data-testid': 'value' } });
  private readonly meaning = el('div', { class: 'meaning', attrs: { 'data-testid': 'meaning' } });
  private readonly handbook: HTMLButtonElement;
  private readonly filterLine = el('div', { class: 'filter', attrs: { 'aria-live': 'polite' } });
  private readonly list = el('ul', { class: 'options', attrs: { role: 'presentation' } });
  private filter = '';
  private expanded = false;
  private visible: PickChoice[] = [];

  constructor(
    private state: PickerState,
    private readonly host: PickerHost,
    private hasHandbook: boolean,
  ) {
    const key = state.key;
    this.handbook = iconButton('book', `Handbook on ${labelOf(key)}`, `handbook-${key}`, () =>
      host.openHandbook(key, this.current()[0] ?? ''),
    );
    this.root = el(
      'section',
      {
        class: 'picker',
        attrs: {
          tabindex: '0',
          role: 'listbox',
          'aria-label': labelOf(key),
          'aria-multiselectable': String(state.multi),
          'data-testid': `picker-${key}`,
          'data-key': key,
        },
      },
      [
        el('div', { class: 'picker-head' }, [
          el('span', { class: 'label', text: labelOf(key) }),
          this.valueText,
          this.handbook,
        ]),
        this.meaning,
        this.filterLine,
        this.list,
      ],
    );
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.root.addEventListener('focus', () => host.activate(key));
    this.update(state, hasHandbook);
  }

  get key(): string {
    return this.state.key;
  }

  /** Show the values (the active picker) or only the current value. */
  setExpanded(on: boolean): void {
    if (this.expanded === on) return;
    this.expanded = on;
    if (!on) this.filter = '';
    this.render();
  }

  /** A new state of the pair's annotation. */
  update(state: PickerState, hasHandbook: boolean): void {
    this.state = state;
    this.hasHandbook = hasHandbook;
    this.render();
  }

  /** The values in effect: the pair's own, else the file's default. */
  private current(): string[] {
    return this.state.value.length ? this.state.value : (this.state.inherited ?? []);
  }

  private render(): void {
    const s = this.state;
    const now = this.current();
    const inherited = !s.value.length && now.length > 0;
    this.valueText.textContent = now.length
      ? now.join(', ') + (inherited ? ' (file default)' : '')
      : '—';
    this.valueText.classList.toggle('unset', !now.length);
    this.meaning.textContent = now
      .map(
        (v) =>
          s.choices.find((c) => c.value === v)?.description ?? 'Not a value of the guidelines.',
      )
      .join(' · ');
    this.handbook.hidden = !this.hasHandbook;
    this.root.classList.toggle('expanded', this.expanded);
    this.filterLine.hidden = !this.expanded;
    this.list.hidden = !this.expanded;
    if (!this.expanded) return;
    const q = fold(this.filter);
    this.visible = s.choices.filter(
      (c) => !q || fold(c.value).includes(q) || fold(c.description).includes(q),
    );
    this.filterLine.textContent = this.filter
      ? `Filter: ${this.filter} (${this.visible.length} of ${s.choices.length})`
      : 'Type to filter · 1–9 pick · ↑↓ annotation · Del clears';
    this.list.classList.toggle('few', this.visible.length <= 3);
    this.list.replaceChildren(...this.visible.map((c, i) => this.option(c, i, now)));
  }

  private option(c: PickChoice, i: number, now: readonly string[]): HTMLElement {
    const chosen = now.includes(c.value);
    const row = el(
      'li',
      {
        class: `option${chosen ? ' chosen' : ''}`,
        attrs: {
          role: 'option',
          'aria-selected': String(chosen),
          'data-testid': 'choice',
          'data-value': c.value,
        },
      },
      [
        el('span', { class: 'num', text: i < 10 ? String((i + 1) % 10) : '' }),
        el('span', { class: 'choice-value', text: c.value }),
        ...(chosen
          ? [el('span', { class: 'codicon codicon-check', attrs: { 'aria-label': 'chosen' } })]
          : []),
        ...(c.below
          ? [
              el('span', {
                class: 'below',
                text: `below target +${c.below.gap}`,
                attrs: {
                  'data-testid': 'below-target',
                  title: `${c.below.count} pairs have it; the target is ${pct(c.below.target)}: ${c.below.gap} more needed.`,
                },
              }),
            ]
          : []),
        el('span', { class: 'description', text: c.description }),
      ],
    );
    row.title = `${c.value}: ${c.description}`;
    row.addEventListener('mousedown', (e) => e.preventDefault()); // the picker keeps the keyboard
    row.addEventListener('click', () => {
      this.root.focus();
      this.choose(c.value);
    });
    return row;
  }

  /** Pick a value: the one value, or a trait toggled in the list. */
  private choose(value: string): void {
    this.filter = '';
    if (!this.state.multi) this.host.pick(this.key, value);
    else {
      const now = this.current();
      const next = now.includes(value) ? now.filter((v) => v !== value) : [...now, value];
      this.host.pick(this.key, next.length ? next : null);
    }
    this.render();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp')
      this.host.move(this.key, e.key === 'ArrowDown' ? 1 : -1);
    else if (/^[0-9]$/.test(e.key)) {
      const c = this.visible[(Number(e.key) + 9) % 10];
      if (c) this.choose(c.value);
    } else if (e.key === 'Enter') {
      if (this.filter && this.visible[0]) this.choose(this.visible[0].value);
      else handled = false;
    } else if (e.key === 'Delete') this.host.pick(this.key, null);
    else if (e.key === 'Escape' && this.filter) this.setFilter('');
    else if (e.key === 'Backspace') this.setFilter(this.filter.slice(0, -1));
    else if (
      e.key.length === 1 &&
      /[\p{L}\p{M}_\- ]/u.test(e.key) &&
      (e.key !== ' ' || this.filter)
    )
      this.setFilter(this.filter + e.key);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  private setFilter(f: string): void {
    this.filter = f;
    this.render();
  }
}
