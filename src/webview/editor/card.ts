/**
 * The card of one pair: actions, annotation pickers (the guidelines' values, each with its
 * meaning; traits as boxes to tick), the four text fields with live word counts and bucket,
 * examples, labels and tags,
 * problems next to their field with quick fixes and silence-with-reason, review notes.
 * Text fields live as long as the card shows the same pair, so an update never takes the
 * caret away; the other parts are rebuilt from each new state.
 */
import type { Choice, EditorIntent, PairState, ProblemState } from '../../shared/editor-protocol';
import {
  el,
  entry,
  iconButton,
  multiPicker,
  picker,
  problemRow,
  textButton,
  type MultiPicker,
  type Picker,
} from './dom';
import { countWords } from '../../core/text/words';
import { TextField } from './fields';
import { ExamplesEditor, WordsEditor } from './lists';

const TEXT_KEYS = ['system', 'context', 'prompt', 'response'] as const;
const PROMPT_SIDE = new Set(['system', 'context', 'prompt']);
/** How long a card waits after a change before it asks for the token counts again. */
const TOKENS_AFTER_MS = 300;

/** What a card needs from the page. */
export interface CardHost {
  /**
   * Send an intent; when it carries typing, `typedAt` is the keystroke's time (epoch ms) and
   * `run` the run of typing it belongs to (one undo step).
   */
  send(intent: EditorIntent, typedAt?: number, run?: number): void;
  /** Ask the host for the pair's token counts (answered through {@link PairCard.showTokens}). */
  askTokens(state: PairState): void;
  choices: Record<string, Choice[]>;
  length: { short: number; long: number };
}

export class PairCard {
  readonly root = el('section', {
    class: 'card',
    attrs: { 'data-testid': 'pair-card', 'aria-label': 'Pair' },
  });
  private readonly head = el('div', { class: 'card-head' });
  private readonly annotations = el('div', {
    class: 'annotations',
    attrs: { 'data-testid': 'annotations' },
  });
  private readonly counts = el('div', {
    class: 'counts',
    attrs: { 'data-testid': 'counts', 'aria-live': 'polite' },
  });
  private readonly fieldsBox = el('div', { class: 'fields' });
  private readonly review = el('div', { class: 'review', attrs: { 'data-testid': 'review' } });
  private readonly examples: ExamplesEditor;
  private readonly labels: WordsEditor;
  private readonly tags: WordsEditor;
  private readonly fields = new Map<string, TextField>();
  private readonly problemBoxes = new Map<string, HTMLElement>();
  /** Built once per card, updated in place: a rebuilt select would take the keyboard away. */
  private readonly pickers = new Map<string, Picker>();
  private readonly multiPickers = new Map<string, MultiPicker>();
  private annotationProblems: HTMLElement[] = [];
  private state: PairState;
  private tokens = '';
  private tokensTimer?: ReturnType<typeof setTimeout>;
  private askedTokens = false;

  constructor(
    state: PairState,
    private readonly host: CardHost,
  ) {
    this.state = state;
    for (const key of TEXT_KEYS) {
      const f = new TextField(
        key,
        state.texts[key] ?? '',
        (k, v, typedAt, run) =>
          this.host.send(
            { kind: 'setField', pair: this.state.ref, key: k, value: v },
            typedAt,
            run,
          ),
        () => this.showCounts(),
      );
      const problems = el('div', {
        class: 'problems',
        attrs: { 'data-testid': `problems-${key}` },
      });
      f.root.append(problems);
      this.fields.set(key, f);
      this.problemBoxes.set(key, problems);
      this.fieldsBox.append(f.root);
    }
    const send = (intent: EditorIntent, typedAt?: number, run?: number) =>
      this.host.send(intent, typedAt, run);
    this.examples = new ExamplesEditor(send, () => this.state.ref);
    this.labels = new WordsEditor(send, () => this.state.ref, 'labels', 'label');
    this.tags = new WordsEditor(send, () => this.state.ref, 'tags', 'tag');
    this.root.append(
      this.head,
      this.annotations,
      this.counts,
      this.fieldsBox,
      el('div', { class: 'extras' }, [
        this.examples.root,
        this.labels.root,
        this.tags.root,
        this.review,
      ]),
    );
    this.update(state, false);
  }

  get key(): string {
    return this.state.key;
  }

  /** Commit every pending draft (before the card goes). */
  flush(): void {
    for (const f of this.fields.values()) f.flush();
    for (const p of this.pickers.values()) p.flush();
    this.examples.flush();
  }

  focusField(key = 'prompt'): void {
    this.fields.get(key)?.area.focus();
  }

  /** A new state of the same pair. */
  update(state: PairState, undoRedo: boolean): void {
    this.state = state;
    for (const [key, f] of this.fields) {
      f.keepsSpace = state.keepsSpace.includes(key);
      f.receive(state.texts[key] ?? '', undoRedo);
    }
    this.renderHead();
    this.renderAnnotations();
    this.renderProblems();
    this.renderLists(undoRedo);
    this.renderReview();
    this.showCounts();
    // Counting tokens is work in the host, in line with the intents: a new card asks at once,
    // typing asks once it pauses.
    clearTimeout(this.tokensTimer);
    if (!this.askedTokens) {
      this.askedTokens = true;
      this.host.askTokens(state);
    } else this.tokensTimer = setTimeout(() => this.host.askTokens(this.state), TOKENS_AFTER_MS);
  }

  /** The host's token counts of this pair (at the document version of the state shown). */
  showTokens(prompt: number, response: number, tokenizer: string): void {
    this.tokens = ` · tokens ${prompt} + ${response} (${tokenizer})`;
    this.showCounts();
  }

  private renderHead(): void {
    const s = this.state;
    const send = (intent: EditorIntent) => {
      this.flush();
      this.host.send(intent);
    };
    this.head.replaceChildren(
      el('h2', {
        class: 'pair-id',
        text: s.id ?? `(pair ${s.index + 1}, no id)`,
        attrs: { 'data-testid': 'pair-id' },
      }),
      el('div', { class: 'actions', attrs: { role: 'toolbar', 'aria-label': 'Pair actions' } }, [
        iconButton('add', 'Add pair after this one', 'action-add', () =>
          send({ kind: 'addPair', after: s.ref }),
        ),
        iconButton('copy', 'Duplicate pair', 'action-duplicate', () =>
          send({ kind: 'duplicatePair', pair: s.ref }),
        ),
        iconButton('arrow-up', 'Move pair up', 'action-up', () =>
          send({ kind: 'movePair', pair: s.ref, by: -1 }),
        ),
        iconButton('arrow-down', 'Move pair down', 'action-down', () =>
          send({ kind: 'movePair', pair: s.ref, by: 1 }),
        ),
        iconButton('trash', 'Delete pair', 'action-delete', () =>
          send({ kind: 'removePair', pair: s.ref }),
        ),
      ]),
    );
  }

  private renderAnnotations(): void {
    const s = this.state;
    for (const [key, choices] of Object.entries(this.host.choices)) {
      if (key === 'traits') {
        this.showMulti(key, choices);
        continue;
      }
      let p = this.pickers.get(key);
      if (!p) {
        p = picker(key, `annotation-${key}`, choices, (v) =>
          this.host.send(
            v
              ? { kind: 'setAnnotation', pair: this.state.ref, key, value: v }
              : { kind: 'setField', pair: this.state.ref, key, value: null },
          ),
        );
        this.pickers.set(key, p);
        this.annotations.append(p.root);
      }
      const own = s.annotations[key];
      p.show(typeof own === 'string' ? own : '', s.inherited?.[key]);
    }
    for (const old of this.annotationProblems) old.remove();
    this.annotationProblems = this.problemList(
      s.problems.filter((p) => p.field !== undefined && !this.fields.has(p.field)),
    );
    this.annotations.append(...this.annotationProblems);
  }

  /** A list annotation's picker (traits): the values ticked are the pair's own list; none removes the key. */
  private showMulti(key: string, choices: readonly Choice[]): void {
    let p = this.multiPickers.get(key);
    if (!p) {
      p = multiPicker(key, `annotation-${key}`, choices, (values) =>
        this.host.send(
          values.length
            ? { kind: 'setAnnotation', pair: this.state.ref, key, value: values }
            : { kind: 'setField', pair: this.state.ref, key, value: null },
        ),
      );
      this.multiPickers.set(key, p);
      this.annotations.append(p.root);
    }
    const own = this.state.annotations[key];
    p.show(typeof own === 'string' ? [own] : (own ?? []));
  }

  private renderProblems(): void {
    for (const [key, box] of this.problemBoxes)
      box.replaceChildren(...this.problemList(this.state.problems.filter((p) => p.field === key)));
  }

  private problemList(problems: readonly ProblemState[]): HTMLElement[] {
    const s = this.state;
    return problems.map((p) => {
      const row = problemRow(p, 'div', (title) =>
        this.host.send({ kind: 'applyFix', pair: s.ref, rule: p.rule, title }),
      );
      const silence = el('button', {
        class: 'link',
        text: 'Silence…',
        attrs: { type: 'button', 'data-testid': 'silence' },
      });
      silence.addEventListener('click', () => {
        const reason = el('input', {
          attrs: {
            placeholder: 'Why is this right here?',
            'aria-label': 'Reason',
            'data-testid': 'silence-reason',
          },
        });
        const ok = el('button', { text: 'Silence', attrs: { type: 'button' } });
        ok.addEventListener('click', () => {
          if (reason.value.trim())
            this.host.send({
              kind: 'silence',
              pair: s.ref,
              rule: p.rule,
              reason: reason.value.trim(),
            });
        });
        silence.replaceWith(reason, ok);
        reason.focus();
      });
      row.append(silence);
      return row;
    });
  }

  /** Examples for an in-context prompt, labels for a classification (or wherever the pair has them). */
  private renderLists(undoRedo: boolean): void {
    const s = this.state;
    const examples = s.examples ?? [];
    this.examples.root.hidden = !examples.length && s.promptType !== 'in_context';
    this.examples.update(examples, undoRedo);
    const labels = s.labels ?? [];
    this.labels.root.hidden = !labels.length && !s.task?.endsWith('_classification');
    this.labels.update(labels);
    this.tags.update(s.tags ?? []);
  }

  private renderReview(): void {
    const s = this.state;
    const notes = s.review.map((n, i) => {
      const box = el('input', { attrs: { type: 'checkbox', 'aria-label': 'Resolved' } });
      box.checked = n.resolved;
      box.addEventListener('change', () =>
        this.host.send({ kind: 'resolveReviewNote', pair: s.ref, note: i, resolved: box.checked }),
      );
      return el('li', { class: n.resolved ? 'resolved' : '' }, [
        box,
        el('strong', { text: n.by }),
        el('span', { text: ` ${n.note}` }),
      ]);
    });
    const by = entry('input', 'by', 'Reviewer', 'note-by');
    const note = entry('input', 'Add a review note', 'Review note', 'note-text');
    const add = textButton('Add note', 'note-add', () => {
      if (by.value.trim() && note.value.trim())
        this.host.send({
          kind: 'addReviewNote',
          pair: s.ref,
          by: by.value.trim(),
          note: note.value,
        });
    });
    this.review.replaceChildren(
      el('h3', { text: 'Review' }),
      el('ul', {}, notes),
      el('div', { class: 'note-form' }, [by, note, add]),
    );
  }

  /** Words and bucket with the drafts as typed (the host's counts, the focused fields' live words). */
  private showCounts(): void {
    const s = this.state;
    let prompt = s.promptWords;
    for (const [key, f] of this.fields)
      if (PROMPT_SIDE.has(key)) prompt += f.words - countOf(s.texts[key]);
    const response = this.fields.get('response')!.words;
    const bucket =
      prompt < this.host.length.short
        ? 'short'
        : prompt > this.host.length.long
          ? 'long'
          : 'medium';
    this.counts.textContent = `Prompt ${prompt} words · ${bucket} · response ${response} words${this.tokens}`;
  }
}

const cache = new Map<string, number>();
/** Words of a host text (memoised: the counts line runs on every keystroke). */
function countOf(text: string | undefined): number {
  if (!text) return 0;
  let n = cache.get(text);
  if (n === undefined) {
    if (cache.size > 64) cache.clear();
    n = countWords(text);
    cache.set(text, n);
  }
  return n;
}
