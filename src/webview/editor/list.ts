/**
 * The pair list: one row per pair that passes the filters, virtualised with TanStack's
 * virtual-core, so 5,000 pairs cost the few rows on screen. Rows are rebuilt from `data-key`
 * (a recycled row never shows a stale pair).
 */
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
} from '@tanstack/virtual-core';
import type { PairRow } from '../../shared/editor-protocol';
import { el } from './dom';

const ROW_HEIGHT = 26;

export class PairList {
  private keys: string[] = [];
  private readonly inner = el('div', { class: 'list-inner' });
  private readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;

  constructor(
    readonly scroller: HTMLElement,
    private readonly pairOf: (key: string) => PairRow | undefined,
    private readonly isSelected: (key: string) => boolean,
    private readonly onPick: (key: string) => void,
  ) {
    scroller.append(this.inner);
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: () => scroller,
      estimateSize: () => ROW_HEIGHT,
      overscan: 10,
      getItemKey: (i) => this.keys[i] ?? i,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      onChange: () => this.render(),
    });
    this.virtualizer._didMount();
  }

  /** Show these pairs (already filtered), in this order. */
  setKeys(keys: string[]): void {
    this.keys = keys;
    this.virtualizer.setOptions({ ...this.virtualizer.options, count: keys.length });
    this.virtualizer._willUpdate();
    this.render();
  }

  get visibleKeys(): readonly string[] {
    return this.keys;
  }

  scrollTo(key: string): void {
    const i = this.keys.indexOf(key);
    if (i >= 0) this.virtualizer.scrollToIndex(i, { align: 'auto' });
  }

  render(): void {
    this.inner.style.height = `${this.virtualizer.getTotalSize()}px`;
    const rows: HTMLElement[] = [];
    for (const item of this.virtualizer.getVirtualItems()) {
      const key = this.keys[item.index];
      const pair = key === undefined ? undefined : this.pairOf(key);
      if (!pair) continue;
      const row = this.row(pair);
      row.style.transform = `translateY(${item.start}px)`;
      rows.push(row);
    }
    this.inner.replaceChildren(...rows);
  }

  private row(p: PairRow): HTMLElement {
    const n = p.problemCount;
    const selected = this.isSelected(p.key);
    const row = el(
      'div',
      {
        class: `row${selected ? ' selected' : ''}`,
        attrs: {
          role: 'option',
          'aria-selected': String(selected),
          'data-key': p.key,
          'data-testid': 'pair-row',
        },
      },
      [
        el('span', { class: 'cell id', text: p.id ?? `(pair ${p.index + 1})` }),
        el('span', { class: 'cell task', text: p.task ?? '' }),
        el('span', { class: 'cell bucket', text: p.bucket }),
        el('span', { class: 'cell status', text: p.status ?? '' }),
        el('span', {
          class: `cell problems${n ? ' has' : ''}`,
          text: n ? String(n) : '',
          attrs: { 'aria-label': `${n} problems` },
        }),
      ],
    );
    row.addEventListener('click', () => this.onPick(p.key));
    return row;
  }
}
