/** Small DOM helpers: every user text goes in as text (textContent, value), never as markup. */
import './problem.css';
import type { ProblemState } from '../../shared/editor-protocol';

/** An element with a class, attributes and text or children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A button with a codicon and an accessible label. */
export function iconButton(
  icon: string,
  label: string,
  testid: string,
  onClick: () => void,
): HTMLButtonElement {
  const b = el('button', {
    class: 'icon-button',
    attrs: { 'aria-label': label, title: label, 'data-testid': testid, type: 'button' },
  });
  b.append(el('span', { class: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } }));
  b.addEventListener('click', onClick);
  return b;
}

/** A text input or area with a placeholder, an accessible label and a test id. */
export function entry<K extends 'input' | 'textarea'>(
  tag: K,
  placeholder: string,
  label: string,
  testid: string,
): HTMLElementTagNameMap[K] {
  const attrs: Record<string, string> = { placeholder, 'aria-label': label, 'data-testid': testid };
  if (tag === 'textarea') attrs.rows = '1';
  return el(tag, { attrs });
}

/** A button with a text. */
export function textButton(text: string, testid: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { text, attrs: { type: 'button', 'data-testid': testid } });
  b.addEventListener('click', onClick);
  return b;
}

/** An annotation picker: its element, and a way to show a new value without rebuilding it. */
export interface Picker {
  readonly root: HTMLLabelElement;
  /**
   * Show the document's `value` (one outside the options gets an option of its own, marked
   * so); `inherited`, the file's default the pair takes when it writes none, names the empty
   * choice.
   */
  show(value: string, inherited?: string): void;
  /** Commit a value picked with the keyboard and not yet committed. */
  flush(): void;
}

/** Keys that move a closed select through its values (type-ahead is any printable key). */
const MOVES = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
/** A keyboard pick is committed this long after its last move, if Enter or blur did not come first. */
const PICK_SETTLES_MS = 1000;

/**
 * A select of values (the first option empty: "none"), each option titled with its meaning.
 * It lives as long as its card, so a writer choosing with the keyboard keeps the focus (and the
 * select's type-ahead) while each choice is echoed back from the document.
 *
 * A closed select changes its value on every arrow key or type-ahead letter: those values are
 * passed through, not picked, so a keyboard pick is committed once, on Enter, on blur, or when
 * the keys have paused ({@link PICK_SETTLES_MS}): one edit and one undo step. Escape goes back to
 * the document's value. A click on an option commits at once.
 */
export function picker(
  label: string,
  testid: string,
  options: readonly { value: string; description?: string }[],
  onChange: (value: string) => void,
): Picker {
  const select = el('select', { attrs: { 'data-testid': testid, 'aria-label': label } });
  const none = el('option', { text: '—', attrs: { value: '' } });
  select.append(none);
  /** The file's default this pair takes when it writes no value. */
  let fallback: string | undefined;
  for (const o of options) {
    const opt = el('option', { text: o.value, attrs: { value: o.value } });
    if (o.description) opt.title = o.description;
    select.append(opt);
  }
  let foreign: HTMLOptionElement | undefined;
  /** The document's value, as last shown or committed. */
  let committed = '';
  let keyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const meaning = el('span', { class: 'meaning' });
  const describe = () =>
    (meaning.textContent =
      options.find((o) => o.value === (select.value || fallback))?.description ?? '');
  const commit = () => {
    clearTimeout(timer);
    timer = undefined;
    if (select.value === committed) return;
    committed = select.value;
    onChange(select.value);
  };
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      // Enter picks; it does not open the list of values (as Chromium does for a select).
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      select.value = committed;
      describe();
    } else if (MOVES.has(e.key) || (e.key.length === 1 && !e.ctrlKey && !e.metaKey)) keyed = true;
  });
  select.addEventListener('mousedown', () => (keyed = false));
  select.addEventListener('change', () => {
    describe();
    if (!keyed) return commit();
    clearTimeout(timer);
    timer = setTimeout(commit, PICK_SETTLES_MS);
  });
  select.addEventListener('blur', () => {
    keyed = false;
    commit();
  });
  const root = el('label', { class: 'picker' }, [
    el('span', { class: 'picker-label', text: label }),
    select,
    meaning,
  ]);
  return {
    root,
    flush: commit,
    show(value, inherited) {
      committed = value;
      fallback = inherited;
      none.textContent = inherited ? `${inherited} (default)` : '—';
      // A pick still being made with the keys stays on screen; its commit compares with this.
      if (timer !== undefined) return;
      foreign?.remove();
      foreign = undefined;
      if (value && !options.some((o) => o.value === value)) {
        foreign = el('option', { text: `${value} (not in the guidelines)`, attrs: { value } });
        select.append(foreign);
      }
      if (select.value !== value) select.value = value;
      describe();
    },
  };
}

/** A multi-value picker: its element, and a way to show the document's values. */
export interface MultiPicker {
  readonly root: HTMLElement;
  show(values: readonly string[]): void;
}

/**
 * A checkbox per value (the guidelines' list, each with its meaning), for a list annotation
 * such as `traits`. A value the document holds outside the list gets a box of its own, marked
 * so, and stays in the list until the writer unticks it. Each tick sends the whole list, in
 * the list's order, as one change.
 */
export function multiPicker(
  label: string,
  testid: string,
  options: readonly { value: string; description?: string }[],
  onChange: (values: string[]) => void,
): MultiPicker {
  const boxes = el('div', { class: 'multi-values' });
  const root = el('fieldset', { class: 'picker multi', attrs: { 'data-testid': testid } }, [
    el('legend', { class: 'picker-label', text: label }),
    boxes,
  ]);
  let values: readonly string[] = [];
  let shown: string | undefined;
  return {
    root,
    show(next) {
      const key = JSON.stringify(next);
      if (key === shown) return;
      shown = key;
      values = next;
      const all = [
        ...options,
        ...next
          .filter((v) => !options.some((o) => o.value === v))
          .map((v) => ({ value: v, description: 'Not in the guidelines.' })),
      ];
      boxes.replaceChildren(
        ...all.map((o) => {
          const box = el('input', { attrs: { type: 'checkbox', 'data-value': o.value } });
          box.checked = values.includes(o.value);
          box.addEventListener('change', () => {
            const on = new Set(values.filter((v) => v !== o.value));
            if (box.checked) on.add(o.value);
            onChange(all.map((x) => x.value).filter((v) => on.has(v)));
          });
          const known = options.some((x) => x.value === o.value);
          return el('label', { class: 'check', attrs: { title: o.description ?? '' } }, [
            box,
            el('span', { text: known ? o.value : `${o.value} (not in the guidelines)` }),
          ]);
        }),
      );
    },
  };
}

/** A problem: its severity's icon, message and rule, and a button per quick fix (the pair editor's cards, the annotations view). */
export function problemRow(
  p: ProblemState,
  tag: 'div' | 'li',
  onFix: (title: string) => void,
): HTMLElement {
  const row = el(
    tag,
    {
      class: `problem ${p.severity}`,
      attrs: { 'data-testid': 'problem', 'data-rule': p.rule },
    },
    [
      el('span', {
        class: `codicon codicon-${p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'info'}`,
        attrs: { 'aria-hidden': 'true' },
      }),
      el('span', { class: 'problem-text', text: `${p.message} (${p.rule})` }),
    ],
  );
  for (const title of p.fixes) {
    const b = el('button', {
      class: 'link',
      text: title,
      attrs: { type: 'button', 'data-testid': 'quick-fix' },
    });
    b.addEventListener('click', () => onFix(title));
    row.append(b);
  }
  return row;
}
