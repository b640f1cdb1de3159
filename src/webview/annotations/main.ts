/**
 * The annotations view's webview: asks the host for the pair to show (`ready`), shows its id,
 * counts, bucket and status, a picker per annotation and its problems, and sends each pick or
 * fix to the host. It never edits text itself: each pick comes back as the pair the document
 * then reads. Which picker is active survives the view being hidden via setState.
 */
import './annotations.css';
import {
  annotationsProtocolVersion,
  parseToAnnotations,
  type FromAnnotations,
  type ShownPair,
  type ToAnnotations,
} from '../../shared/annotations-protocol';
import { afterPaint, epochNow } from '../after-paint';
import { el, problemRow } from '../editor/dom';
import { webviewApi } from '../editor/vscode-api';
import { AnnotationPicker } from './picker';

interface ViewState {
  protocolVersion: number;
  /** The picker whose values show. */
  active: string;
}

const { api, state: view } = webviewApi<ViewState>(annotationsProtocolVersion, {
  protocolVersion: annotationsProtocolVersion,
  active: 'task',
});
/** Every message to the host is one of the protocol's. */
const post = (msg: FromAnnotations) => api.postMessage(msg);

let shown: ShownPair | null = null;
const pickers = new Map<string, AnnotationPicker>();

const app = document.getElementById('app')!;
const pairId = el('h2', { class: 'pair-id', attrs: { 'data-testid': 'pair-id' } });
const where = el('div', { class: 'where', attrs: { 'data-testid': 'where' } });
const counts = el('div', { class: 'counts', attrs: { 'data-testid': 'counts' } });
const head = el('header', { class: 'pair-head' }, [pairId, where, counts]);
const pickersBox = el('div', { class: 'pickers', attrs: { 'data-testid': 'pickers' } });
const problemsBox = el('section', { class: 'problems', attrs: { 'data-testid': 'problems' } });
const note = el('p', { class: 'note', attrs: { 'data-testid': 'note', 'aria-live': 'polite' } });
// The pair's problems before the pickers: they are what to fix first, and stay in sight.
app.append(head, note, problemsBox, pickersBox);

const host = {
  pick(key: string, value: string | string[] | null): void {
    if (!shown) return;
    note.textContent = '';
    post({ type: 'pick', uri: shown.uri, version: shown.version, pair: shown.ref, key, value });
  },
  openHandbook(key: string, value: string): void {
    if (shown) post({ type: 'openHandbook', uri: shown.uri, key, value });
  },
  move(from: string, by: 1 | -1): void {
    const keys = [...pickers.keys()];
    const next = keys[keys.indexOf(from) + by];
    if (next) pickers.get(next)!.root.focus();
  },
  activate(key: string): void {
    view.active = key;
    api.setState(view);
    for (const p of pickers.values()) p.setExpanded(p.key === key);
  },
};

function showPair(pair: ShownPair | null, empty: string): void {
  if (!shown && pair) note.textContent = '';
  shown = pair;
  document.body.classList.toggle('no-pair', !pair);
  if (!pair) {
    pairId.textContent = 'No pair';
    where.textContent = '';
    counts.textContent = '';
    note.textContent = empty;
    pickersBox.replaceChildren();
    pickers.clear();
    problemsBox.replaceChildren();
    return;
  }
  pairId.textContent = pair.id ?? `(pair ${pair.index + 1}, no id)`;
  where.textContent = `${pair.file} · ${pair.from === 'pairEditor' ? 'pair editor' : 'cursor'}`;
  const t = pair.tokens;
  counts.replaceChildren(
    el('span', { text: `Prompt ${pair.promptWords} words · ` }),
    el('span', {
      class: `bucket ${pair.bucket}`,
      text: pair.bucket,
      attrs: { 'data-testid': 'bucket' },
    }),
    el('span', { text: ` · response ${pair.responseWords} words` }),
    el('span', {
      class: 'tokens',
      text: ` · ${t.prompt} + ${t.response} tokens (${t.tokenizer})`,
    }),
    el('span', { text: ' · ' }),
    el('span', {
      class: `status ${pair.status ?? 'unset'}`,
      text: pair.status ?? 'no status',
      attrs: { 'data-testid': 'status' },
    }),
  );
  const keys = pair.pickers.map((p) => p.key);
  if (keys.join() !== [...pickers.keys()].join()) {
    pickers.clear();
    for (const p of pair.pickers) pickers.set(p.key, new AnnotationPicker(p, host, pair.handbook));
    pickersBox.replaceChildren(...[...pickers.values()].map((p) => p.root));
  } else for (const p of pair.pickers) pickers.get(p.key)!.update(p, pair.handbook);
  const active = pickers.has(view.active) ? view.active : keys[0];
  for (const p of pickers.values()) p.setExpanded(p.key === active);
  showProblems(pair);
}

function showProblems(pair: ShownPair): void {
  const rows = pair.problems.map((p) =>
    problemRow(p, 'li', (title) =>
      post({ type: 'applyFix', uri: pair.uri, pair: pair.ref, rule: p.rule, title }),
    ),
  );
  problemsBox.replaceChildren(
    el('h3', { text: rows.length ? `Problems (${rows.length})` : 'No problems' }),
    el('ul', {}, rows),
  );
}

function onMessage(msg: ToAnnotations, received: number): void {
  if (msg.type === 'refused') {
    note.textContent = msg.reason;
    return;
  }
  showPair(msg.pair, msg.empty);
  const coverageVersion = msg.coverageVersion;
  if (coverageVersion !== undefined)
    afterPaint((at) => post({ type: 'painted', coverageVersion, at, received }));
}

window.addEventListener('message', (e: MessageEvent) => {
  const received = epochNow();
  const msg = parseToAnnotations(e.data, (why) => console.warn(`[annotations] ${why}`));
  if (msg) onMessage(msg, received);
});

// Keyboard-first: keys that reach the page with nothing focused go to the active picker.
document.addEventListener('keydown', (e) => {
  if (e.target !== document.body || e.ctrlKey || e.metaKey || e.altKey) return;
  const p = pickers.get(view.active) ?? pickers.values().next().value;
  if (!p) return;
  p.root.focus();
  p.root.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, bubbles: true }));
  e.preventDefault();
});

post({ type: 'ready', protocolVersion: annotationsProtocolVersion });
