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

/** An annotation picker: its element, and a way to show a new value without rebuilding it. */
export interface Picker {
  readonly root: HTMLLabelElement;
  /** Show `value` (one outside the options gets an option of its own, marked so). */
  show(value: string): void;
}

/**
 * A select of values (the first option empty: "none"), each option titled with its meaning.
 * It lives as long as its card, so a writer choosing with the keyboard keeps the focus (and the
 * select's type-ahead) while each choice is echoed back from the document.
 */
export function picker(
  label: string,
  testid: string,
  options: readonly { value: string; description?: string }[],
  onChange: (value: string) => void,
): Picker {
  const select = el('select', { attrs: { 'data-testid': testid, 'aria-label': label } });
  select.append(el('option', { text: '—', attrs: { value: '' } }));
  for (const o of options) {
    const opt = el('option', { text: o.value, attrs: { value: o.value } });
    if (o.description) opt.title = o.description;
    select.append(opt);
  }
  let foreign: HTMLOptionElement | undefined;
  const meaning = el('span', { class: 'meaning' });
  select.addEventListener('change', () => onChange(select.value));
  const root = el('label', { class: 'picker' }, [
    el('span', { class: 'picker-label', text: label }),
    select,
    meaning,
  ]);
  return {
    root,
    show(value) {
      foreign?.remove();
      foreign = undefined;
      if (value && !options.some((o) => o.value === value)) {
        foreign = el('option', { text: `${value} (not in the guidelines)`, attrs: { value } });
        select.append(foreign);
      }
      if (select.value !== value) select.value = value;
      meaning.textContent = options.find((o) => o.value === value)?.description ?? '';
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
