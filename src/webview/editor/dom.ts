/** Small DOM helpers: every user text goes in as text (textContent, value), never as markup. */

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

/** A select of values (the first option empty: "none"), each option titled with its meaning. */
export function picker(
  label: string,
  testid: string,
  options: readonly { value: string; description?: string }[],
  value: string,
  onChange: (value: string) => void,
): HTMLLabelElement {
  const select = el('select', { attrs: { 'data-testid': testid, 'aria-label': label } });
  select.append(el('option', { text: '—', attrs: { value: '' } }));
  for (const o of options) {
    const opt = el('option', { text: o.value, attrs: { value: o.value } });
    if (o.description) opt.title = o.description;
    select.append(opt);
  }
  if (value && !options.some((o) => o.value === value))
    select.append(el('option', { text: `${value} (not in the guidelines)`, attrs: { value } }));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  const meaning = el('span', {
    class: 'meaning',
    text: options.find((o) => o.value === value)?.description ?? '',
  });
  return el('label', { class: 'picker' }, [
    el('span', { class: 'picker-label', text: label }),
    select,
    meaning,
  ]);
}
