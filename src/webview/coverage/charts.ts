/**
 * The report's charts as plain SVG and tables: no library, no inline style (the CSP forbids
 * it). Sizes are SVG attributes in percent, colours come from classes whose CSS reads the
 * theme's --vscode-* variables, and every user value goes in as text.
 */
import type { ReportBucket, ReportMatrix } from '../../shared/coverage-protocol';
import { el } from '../editor/dom';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
/** A percent of the chart's width, at most 100. */
const width = (part: number, whole: number) =>
  `${whole ? Math.min(100, (part / whole) * 100) : 0}%`;

/** How a bucket stands: met, missed, or without a target. */
function standing(b: ReportBucket): string {
  return b.meets === undefined ? 'untargeted' : b.meets ? 'met' : 'missed';
}

/**
 * One annotation's mix: a row per value with its share as a bar, its target as a mark on the
 * same scale, and the numbers in words (count, share, target, pairs short).
 */
export function mixChart(key: string, buckets: readonly ReportBucket[]): HTMLElement {
  const scale = Math.max(...buckets.map((b) => Math.max(b.share, b.target ?? 0)), 0.01);
  const rows = buckets.map((b) => {
    const bar = svg('svg', { class: 'bar', width: '100%', height: 14, 'aria-hidden': 'true' });
    bar.append(svg('rect', { class: 'track', x: 0, y: 2, width: '100%', height: 10 }));
    bar.append(
      svg('rect', {
        class: `fill ${standing(b)}`,
        x: 0,
        y: 2,
        width: width(b.share, scale),
        height: 10,
      }),
    );
    if (b.target !== undefined) {
      const x = width(b.target, scale);
      bar.append(svg('line', { class: 'target', x1: x, x2: x, y1: 0, y2: 14 }));
    }
    const numbers =
      b.target === undefined
        ? `${b.count} · ${pct(b.share)}`
        : `${b.count} · ${pct(b.share)} of ${pct(b.target)}${b.meets ? '' : ` · ${b.gap} short`}`;
    return el('div', { class: `mix-row ${standing(b)}`, attrs: { 'data-testid': `mix-${key}` } }, [
      el('span', { class: 'mix-value', text: b.value, attrs: { title: b.value } }),
      bar,
      el('span', { class: 'mix-numbers', text: numbers }),
    ]);
  });
  return el('div', { class: 'mix', attrs: { role: 'list', 'aria-label': `${key} mix` } }, rows);
}

/** A cross table with each cell shaded by its count (task x prompt type). */
export function matrixTable(m: ReportMatrix, testid: string): HTMLTableElement {
  const max = Math.max(1, ...m.counts.flat());
  const head = el('tr', {}, [
    el('th', { text: `${m.rowKey} / ${m.colKey}`, attrs: { scope: 'col' } }),
    ...m.cols.map((c) => el('th', { text: c, attrs: { scope: 'col' } })),
  ]);
  const rows = m.rows.map((r, i) =>
    el('tr', {}, [
      el('th', { text: r, attrs: { scope: 'row' } }),
      ...m.counts[i].map((n, j) =>
        el('td', {
          class: `heat-${n ? Math.ceil((n / max) * 4) : 0}`,
          text: String(n),
          attrs: { title: `${r} × ${m.cols[j]}: ${n}` },
        }),
      ),
    ]),
  );
  return el('table', { class: 'matrix', attrs: { 'data-testid': testid } }, [
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}

/** Progress per author: a bar of their pairs split by status, on one scale for every author. */
export function progressChart(m: ReportMatrix): HTMLElement {
  const totals = m.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const scale = Math.max(1, ...totals);
  const legend = el(
    'div',
    { class: 'legend' },
    m.cols.map((c) =>
      el('span', { class: 'legend-item' }, [
        el('span', { class: `swatch status-${statusClass(c)}` }),
        el('span', { text: c }),
      ]),
    ),
  );
  const rows = m.rows.map((author, i) => {
    const bar = svg('svg', { class: 'bar', width: '100%', height: 14, 'aria-hidden': 'true' });
    let x = 0;
    m.counts[i].forEach((n, j) => {
      if (!n) return;
      bar.append(
        svg('rect', {
          class: `status-${statusClass(m.cols[j])}`,
          x: width(x, scale),
          y: 2,
          width: width(n, scale),
          height: 10,
        }),
      );
      x += n;
    });
    const words = m.cols
      .map((c, j) => (m.counts[i][j] ? `${m.counts[i][j]} ${c}` : ''))
      .filter(Boolean)
      .join(', ');
    return el('div', { class: 'mix-row', attrs: { 'data-testid': 'progress-author' } }, [
      el('span', { class: 'mix-value', text: author, attrs: { title: author } }),
      bar,
      el('span', { class: 'mix-numbers', text: `${totals[i]} · ${words}` }),
    ]);
  });
  return el('div', { class: 'progress' }, [legend, el('div', { class: 'mix' }, rows)]);
}

/** The class suffix of a status column: its own name for a known status, `other` else. */
function statusClass(status: string): string {
  return ['draft', 'review', 'changes_requested', 'approved', 'rejected'].includes(status)
    ? status
    : 'other';
}
