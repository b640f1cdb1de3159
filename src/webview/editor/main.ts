/**
 * The pair editor's webview: asks the host for the file (`ready`), shows the filtered pair
 * list and the selected pair's card, and sends every change as an intent. It never edits
 * text itself: the document is the source of truth, and each push says what changed there.
 * The list holds a small row per pair; the card's pair comes whole from the host when it is
 * selected, and text search runs in the host (the texts of a large file stay there).
 * View state (selection, scroll, filters) survives the panel being hidden via setState.
 */
import './editor.css';
import {
  fromRowTable,
  parseToWebview,
  protocolVersion,
  type EditorIntent,
  type InitMessage,
  type PairRow,
  type PairState,
  type ToWebview,
} from '../../shared/editor-protocol';
import { PairCard } from './card';
import { el } from './dom';
import { PairList } from './list';
import { webviewApi } from './vscode-api';

interface Filters {
  search: string;
  task: string;
  promptType: string;
  status: string;
  problemsOnly: boolean;
}
interface ViewState {
  protocolVersion: number;
  selected?: string;
  scrollTop: number;
  filters: Filters;
}

const { api: vscode, state: view } = webviewApi<ViewState>(protocolVersion, {
  protocolVersion,
  scrollTop: 0,
  filters: { search: '', task: '', promptType: '', status: '', problemsOnly: false },
});

const pairs = new Map<string, PairRow>();
let order: string[] = [];
let init: InitMessage | undefined;
let version = 0;
let clientSeq = 0;
let card: PairCard | undefined;
/** Whether the rows' problem counts are the lint's yet (a large file's follow its first paint). */
let linted = true;
/** The last search sent, and the keys its answer holds (undefined: no answer yet). */
let searchSeq = 0;
let found: Set<string> | undefined;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** Focus the card's first field when the selected pair's card arrives. */
let focusWhenShown = false;
/** The last intent sent added a pair (its push selects the new one). */
let addedLast = false;
/** The pair the host was last told the card shows (the annotations view follows it). */
let announced: string | undefined;

const app = document.getElementById('app')!;
const status = el('div', {
  class: 'status-line',
  attrs: { 'data-testid': 'status', 'aria-live': 'polite' },
});
const search = el('input', {
  attrs: {
    type: 'search',
    placeholder: 'Search pairs',
    'aria-label': 'Search pairs',
    'data-testid': 'filter-search',
  },
});
const filterSelects = {
  task: el('select', { attrs: { 'aria-label': 'Task', 'data-testid': 'filter-task' } }),
  promptType: el('select', {
    attrs: { 'aria-label': 'Prompt type', 'data-testid': 'filter-prompt-type' },
  }),
  status: el('select', { attrs: { 'aria-label': 'Status', 'data-testid': 'filter-status' } }),
};
const problemsOnly = el('input', {
  attrs: { type: 'checkbox', 'data-testid': 'filter-problems', id: 'filter-problems' },
});
const scroller = el('div', {
  class: 'list',
  attrs: { tabindex: '0', role: 'listbox', 'aria-label': 'Pairs', 'data-testid': 'pair-list' },
});
const cardBox = el('div', { class: 'card-box', attrs: { 'data-testid': 'card-box' } });
app.append(
  el('div', { class: 'sidebar' }, [
    el('div', { class: 'filters' }, [
      search,
      filterSelects.task,
      filterSelects.promptType,
      filterSelects.status,
      el('label', { class: 'check' }, [problemsOnly, el('span', { text: 'Has problems' })]),
    ]),
    el(
      'div',
      { class: 'list-head' },
      ['id', 'task', 'bucket', 'status', '⚠'].map((t) => el('span', { text: t })),
    ),
    scroller,
    status,
  ]),
  cardBox,
);

const list = new PairList(
  scroller,
  (k) => pairs.get(k),
  (k) => k === view.selected,
  (k) => select(k),
);

function save(): void {
  view.scrollTop = scroller.scrollTop;
  vscode.setState(view);
}

function send(intent: EditorIntent, typedAt?: number, run?: number): void {
  addedLast = intent.kind === 'addPair' || intent.kind === 'duplicatePair';
  vscode.postMessage({
    type: 'intent',
    clientSeq: ++clientSeq,
    baseVersion: version,
    intent,
    typedAt,
    run,
  });
}

/**
 * Tell the host when the frame showing what a message of `v` brought is out: a
 * requestAnimationFrame callback runs just before the frame, a task it queues just after.
 */
function reportPainted(what: 'init' | 'update', v: number, received: number): void {
  requestAnimationFrame(() =>
    setTimeout(() =>
      vscode.postMessage({
        type: 'painted',
        what,
        version: v,
        at: performance.timeOrigin + performance.now(),
        received,
      }),
    ),
  );
}

function matches(p: PairRow): boolean {
  const f = view.filters;
  if (f.task && p.task !== f.task) return false;
  if (f.promptType && p.promptType !== f.promptType) return false;
  if (f.status && p.status !== f.status) return false;
  if (f.problemsOnly && !p.problemCount) return false;
  // A search not answered yet shows what the last answer did (all pairs before the first).
  return !f.search || !found || found.has(p.key);
}

function refreshList(): void {
  const keys = order.filter((k) => matches(pairs.get(k)!));
  list.setKeys(keys);
  const problems = order.reduce((n, k) => n + pairs.get(k)!.problemCount, 0);
  const counted = linted ? `${problems} problems` : 'checking for problems…';
  status.textContent = `${keys.length} of ${order.length} pairs · ${counted}`;
}

/** Ask the host for the pairs the search text matches (after a short pause in typing). */
function askSearch(delay: number): void {
  clearTimeout(searchTimer);
  const query = view.filters.search;
  if (!query) {
    found = undefined;
    vscode.postMessage({ type: 'search', seq: ++searchSeq, query: '' });
    return;
  }
  searchTimer = setTimeout(
    () => vscode.postMessage({ type: 'search', seq: ++searchSeq, query }),
    delay,
  );
}

/**
 * Show `key`'s card; `reveal`: scroll the list to its row (not when restoring a saved scroll).
 * The card comes whole from the host (`card`); until it does, the last card stays, inert.
 */
function select(key: string | undefined, focus = false, reveal = true): void {
  if (card && card.key !== key) card.flush();
  view.selected = key;
  save();
  const p = key === undefined ? undefined : pairs.get(key);
  if (p && key !== announced) {
    announced = key;
    vscode.postMessage({ type: 'select', key: p.key, pair: p.ref });
  }
  if (!p || !init) {
    card = undefined;
    cardBox.replaceChildren(
      el('p', { class: 'empty', text: order.length ? 'Select a pair.' : 'No pairs yet.' }),
    );
  } else if (card?.key !== key) {
    focusWhenShown = focus;
    if (card) {
      card.root.inert = true;
      card.root.classList.add('pending');
    }
  } else if (focus) card?.focusField();
  list.render();
  if (key && reveal) list.scrollTo(key);
}

/** The selected pair whole, from the host: a new card, or the shown one brought up to date. */
function showCard(state: PairState, undoRedo: boolean): void {
  if (state.key !== view.selected || !init) return;
  if (card?.key === state.key) {
    card.update(state, undoRedo);
    return;
  }
  card = new PairCard(state, {
    send,
    askTokens: (s) => vscode.postMessage({ type: 'tokens', key: s.key, pair: s.ref }),
    choices: init.choices,
    length: init.length,
  });
  cardBox.replaceChildren(card.root);
  if (focusWhenShown) card.focusField();
  focusWhenShown = false;
}

function fillFilter(
  select: HTMLSelectElement,
  label: string,
  values: readonly string[],
  value: string,
): void {
  select.replaceChildren(el('option', { text: `${label}: any`, attrs: { value: '' } }));
  for (const v of values) select.append(el('option', { text: v, attrs: { value: v } }));
  select.value = value;
}

function onMessage(msg: ToWebview, received: number): void {
  if (msg.type === 'tokens') {
    if (card?.key === msg.key) card.showTokens(msg.prompt, msg.response, msg.tokenizer);
    return;
  }
  if (msg.type === 'refused') {
    status.textContent = msg.reason;
    return;
  }
  if (msg.type === 'found') {
    if (msg.seq !== searchSeq) return;
    found = view.filters.search ? new Set(msg.keys) : undefined;
    refreshList();
    return;
  }
  if (msg.type === 'card') {
    showCard(msg.state, false);
    return;
  }
  if (msg.type === 'init') {
    init = msg;
    version = msg.version;
    linted = msg.linted;
    pairs.clear();
    const rows = fromRowTable(msg.rows);
    for (const p of rows) pairs.set(p.key, p);
    order = rows.map((p) => p.key);
    const f = view.filters;
    fillFilter(
      filterSelects.task,
      'Task',
      (msg.choices.task ?? []).map((c) => c.value),
      f.task,
    );
    fillFilter(
      filterSelects.promptType,
      'Prompt type',
      (msg.choices.prompt_type ?? []).map((c) => c.value),
      f.promptType,
    );
    fillFilter(
      filterSelects.status,
      'Status',
      (msg.choices.status ?? []).map((c) => c.value),
      f.status,
    );
    search.value = f.search;
    problemsOnly.checked = f.problemsOnly;
    // The restored search was answered with the state (`ready` carried it): the first list
    // drawn is the filtered one, and the saved scroll applies to it.
    found = f.search && msg.found?.seq === searchSeq ? new Set(msg.found.keys) : undefined;
    if (f.search && !found) askSearch(0);
    refreshList();
    scroller.scrollTop = view.scrollTop;
    // The host sent the card of the pair the view state names (else of the first pair), and
    // knows it is shown. The list is scrolled where the writer left it; the virtualizer has
    // not measured it yet, so revealing the row now would scroll again.
    card = undefined;
    announced = msg.card?.key;
    view.selected = msg.card?.key;
    if (msg.card) showCard(msg.card, false);
    else select(undefined, false, false);
    list.render();
    reportPainted('init', msg.version, received);
    return;
  }
  version = msg.version;
  if (msg.linted) linted = true;
  const before = card ? order.indexOf(card.key) : -1;
  const fresh = msg.changed.filter((p) => !pairs.has(p.key)).map((p) => p.key);
  for (const k of msg.removed) pairs.delete(k);
  for (const p of msg.changed) pairs.set(p.key, p);
  if (msg.order) order = msg.order;
  refreshList();
  // A pair this editor just added or duplicated is the one to show.
  if (fresh.length === 1 && msg.ackSeq === clientSeq && addedLast) {
    addedLast = false;
    select(fresh[0], true);
    if (msg.card?.key === fresh[0]) showCard(msg.card, false);
    reportPainted('update', msg.version, received);
    return;
  }
  if (msg.card) showCard(msg.card, msg.undoRedo === true);
  // The shown pair went (deleted, or its id changed): show the one now in its place.
  if (view.selected !== undefined && !pairs.has(view.selected))
    select(order[Math.min(Math.max(before, 0), order.length - 1)]);
  reportPainted('update', msg.version, received);
}

window.addEventListener('message', (e: MessageEvent) => {
  const received = performance.timeOrigin + e.timeStamp;
  const msg = parseToWebview(e.data, (why) => console.warn(`[pair editor] ${why}`));
  if (msg) onMessage(msg, received);
});

function onFilter(): void {
  view.filters = {
    search: search.value,
    task: filterSelects.task.value,
    promptType: filterSelects.promptType.value,
    status: filterSelects.status.value,
    problemsOnly: problemsOnly.checked,
  };
  save();
  refreshList();
}
for (const s of [...Object.values(filterSelects), problemsOnly])
  s.addEventListener('input', onFilter);
search.addEventListener('input', () => {
  onFilter();
  askSearch(120);
});
scroller.addEventListener('scroll', save, { passive: true });

/** Up and down move through the list, Enter opens the pair's prompt, F8 or n jumps to the next pair with a problem. */
function onKey(e: KeyboardEvent): void {
  const keys = list.visibleKeys;
  const at = view.selected === undefined ? -1 : keys.indexOf(view.selected);
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    const next =
      keys[Math.max(0, Math.min(keys.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) select(next);
    e.preventDefault();
  } else if (e.key === 'Enter') {
    select(view.selected, true);
    e.preventDefault();
  } else if (e.key === 'F8' || e.key === 'n') {
    const n = keys.length;
    for (let i = 1; i <= n; i++) {
      const k = keys[(at + i) % n];
      if (pairs.get(k)?.problemCount) {
        select(k);
        break;
      }
    }
    e.preventDefault();
  }
}
scroller.addEventListener('keydown', onKey);
document.addEventListener('keydown', (e) => {
  if (e.key === 'F8' && e.target !== scroller) onKey(e);
});

vscode.postMessage({
  type: 'ready',
  protocolVersion,
  selected: view.selected,
  search: view.filters.search ? { seq: ++searchSeq, query: view.filters.search } : undefined,
});
