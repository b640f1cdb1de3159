/**
 * The coverage report's webview: asks the host for the report (`ready`), draws it, and redraws
 * it on each push (the host sends one whenever the workspace's coverage changes). A work-list
 * item asks the host for a new pair with its annotations; the export buttons ask for a file.
 * The scroll position survives the panel being hidden via setState.
 */
import './coverage.css';
import {
  coverageProtocolVersion,
  parseToCoverageWebview,
  type CoverageReport,
  type FromCoverageWebview,
} from '../../shared/coverage-protocol';
import { afterPaint, epochNow } from '../after-paint';
import { el } from '../editor/dom';
import { matrixTable, mixChart, progressChart } from './charts';

interface VsCodeApi {
  postMessage(msg: FromCoverageWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState() as { scrollY?: number } | undefined;
const app = document.getElementById('app')!;

function section(title: string, testid: string, ...body: Node[]): HTMLElement {
  return el('section', { attrs: { 'data-testid': testid } }, [el('h2', { text: title }), ...body]);
}

/** A button with a codicon and its words. */
function button(icon: string, text: string, testid: string, onClick: () => void): HTMLElement {
  const b = el('button', { attrs: { type: 'button', 'data-testid': testid } }, [
    el('span', { class: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } }),
    el('span', { text }),
  ]);
  b.addEventListener('click', onClick);
  return b;
}

function heading(r: CoverageReport): HTMLElement {
  const target =
    r.targetTotal === undefined ? '' : ` of a target ${r.targetTotal} (${r.totalGap} to go)`;
  const pairs = `${r.total} ${r.total === 1 ? 'pair' : 'pairs'}${target}`;
  const files = `${r.files} ${r.files === 1 ? 'file' : 'files'}`;
  return el('header', {}, [
    el('div', { class: 'title' }, [
      el('h1', { text: 'Coverage' }),
      el('span', { class: 'toolbar' }, [
        button('markdown', 'Export Markdown', 'export-markdown', () =>
          vscode.postMessage({ type: 'export', format: 'markdown' }),
        ),
        button('table', 'Export CSV', 'export-csv', () =>
          vscode.postMessage({ type: 'export', format: 'csv' }),
        ),
      ]),
    ]),
    el('p', {
      class: 'summary',
      text: `${pairs} in ${files} · guidelines: ${r.guidelines ?? 'built-in defaults'}`,
      attrs: { 'data-testid': 'summary' },
    }),
    el('p', {
      class: `summary ${r.meetsTargets ? 'met' : 'missed'}`,
      text: `Tasks on target: ${r.tasks.onTarget}/${r.tasks.total} · targets ${r.meetsTargets ? 'met' : 'missed'}`,
      attrs: { 'data-testid': 'tasks' },
    }),
  ]);
}

function workList(r: CoverageReport): HTMLElement {
  if (!r.work.length) return el('p', { class: 'empty', text: 'Every target is met.' });
  const items = r.work.map((w) =>
    el('li', { attrs: { 'data-values': JSON.stringify(w.values) } }, [
      button('add', w.label, 'work-item', () =>
        vscode.postMessage({ type: 'newPair', values: w.values }),
      ),
    ]),
  );
  return el('ul', { class: 'work' }, items);
}

/** Each part of the report as last drawn, with the data it was drawn from. */
const drawn = new Map<string, { data: string; node: HTMLElement }>();

/**
 * A part of the report: the node drawn last time when its data is the same, else a new one. A
 * save moves a bucket or two; the rest of the report (the matrix, the other mixes) stays as it
 * is on the page.
 */
function part(id: string, data: unknown, draw: () => HTMLElement): HTMLElement {
  const json = JSON.stringify(data);
  const last = drawn.get(id);
  if (last?.data === json) return last.node;
  const node = draw();
  drawn.set(id, { data: json, node });
  return node;
}

/** Put `nodes` in `parent`, replacing only the children that changed. */
function place(parent: HTMLElement, nodes: readonly HTMLElement[]): void {
  const now = parent.children;
  if (now.length !== nodes.length) {
    parent.replaceChildren(...nodes);
    return;
  }
  nodes.forEach((node, i) => {
    if (now[i] !== node) now[i].replaceWith(node);
  });
}

const mixCards = el('div', { class: 'cards' });
const mixSection = section('Mix against targets', 'mix', mixCards);

function render(r: CoverageReport): void {
  place(
    mixCards,
    r.annotations.map((a) =>
      part(`mix:${a.key}`, a, () =>
        el('div', { class: 'card', attrs: { 'data-testid': `annotation-${a.key}` } }, [
          el('h3', {
            text: a.missed ? `${a.key} · ${a.missed} below target` : a.key,
          }),
          mixChart(a.key, a.buckets),
        ]),
      ),
    ),
  );
  place(app, [
    heading(r),
    part('work', r.work, () => section('To reach the targets', 'work-list', workList(r))),
    mixSection,
    part('matrix', r.matrix, () =>
      section('Task × prompt type', 'matrix', matrixTable(r.matrix, 'matrix-table')),
    ),
    part('progress', r.progress, () =>
      section('Progress by author and status', 'progress', progressChart(r.progress)),
    ),
  ]);
}

let restored = false;
window.addEventListener('message', (e: MessageEvent) => {
  const received = epochNow();
  const msg = parseToCoverageWebview(e.data, (why) => console.warn(why));
  if (msg?.type !== 'report' || msg.protocolVersion !== coverageProtocolVersion) return;
  render(msg.report);
  if (!restored && saved?.scrollY) window.scrollTo(0, saved.scrollY);
  restored = true;
  const coverageVersion = msg.coverageVersion;
  afterPaint((at) => vscode.postMessage({ type: 'painted', coverageVersion, at, received }));
});
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 200);
});
app.append(el('p', { class: 'empty', text: 'Counting the workspace…' }));
vscode.postMessage({ type: 'ready', protocolVersion: coverageProtocolVersion });
