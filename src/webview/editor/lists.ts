/**
 * A card's lists: the in-context `examples` (each input and output a text field with the
 * card's draft rule), and words: the classification `labels` and free `tags`. Every change is an intent
 * the host plans with the core edit layer; a list is rebuilt only when the document's list
 * changes shape, so a writer typing in it keeps the caret while other parts of the pair change.
 */
import type { EditorIntent, PairState } from '../../shared/editor-protocol';
import { el, entry, iconButton, textButton } from './dom';
import { TextField } from './fields';

type Ref = PairState['ref'];
type Example = { input: string; output: string };

/** The examples of a pair: edit an input or output, remove one, add one. */
export class ExamplesEditor {
  readonly root = el('div', { class: 'examples', attrs: { 'data-testid': 'examples' } });
  private readonly rows = el('div', { class: 'example-rows' });
  private fields: TextField[] = [];
  private shape = '';

  constructor(
    private readonly send: (intent: EditorIntent, typedAt?: number, run?: number) => void,
    private readonly ref: () => Ref,
  ) {
    const input = entry('textarea', 'Input', 'New input', 'example-new-input');
    const output = entry('textarea', 'Output', 'New output', 'example-new-output');
    const add = textButton('Add example', 'example-add', () => {
      if (!input.value.trim() && !output.value.trim()) return;
      this.send({ kind: 'addExample', pair: this.ref(), input: input.value, output: output.value });
      input.value = '';
      output.value = '';
    });
    this.root.append(
      el('h3', { text: 'Examples' }),
      this.rows,
      el('div', { class: 'example-form' }, [input, output, add]),
    );
  }

  /** Show the document's examples; `force` (undo/redo): the document wins over drafts. */
  update(examples: readonly Example[], force: boolean): void {
    const shape = String(examples.length);
    if (shape !== this.shape) return this.rebuild(examples);
    examples.forEach((e, i) => {
      this.fields[2 * i].receive(e.input, force);
      this.fields[2 * i + 1].receive(e.output, force);
    });
  }

  /** Commit every draft. */
  flush(): void {
    for (const f of this.fields) f.flush();
  }

  private rebuild(examples: readonly Example[]): void {
    this.flush();
    this.shape = String(examples.length);
    this.fields = [];
    const rows = examples.map((e, index) => {
      const field = (key: 'input' | 'output') => {
        const f = new TextField(
          `example-${index}-${key}`,
          e[key],
          (_, value, typedAt, run) =>
            this.send({ kind: 'setExample', pair: this.ref(), index, key, value }, typedAt, run),
          () => undefined,
          `${key} ${index + 1}`,
        );
        this.fields.push(f);
        return f.root;
      };
      return el('div', { class: 'example', attrs: { 'data-testid': 'example' } }, [
        field('input'),
        field('output'),
        iconButton('trash', `Remove example ${index + 1}`, 'example-remove', () => {
          this.flush();
          this.send({ kind: 'removeExample', pair: this.ref(), index });
        }),
      ]);
    });
    this.rows.replaceChildren(...rows);
  }
}

/**
 * A pair's list of words (`labels` for a classification, free `tags`): each a word to edit
 * (committed on Enter or blur) or remove, and a new one. The whole list is sent, planned by
 * the edit layer as one edit (a block list stays a block list).
 */
export class WordsEditor {
  readonly root: HTMLElement;
  private readonly chips = el('div', { class: 'label-chips' });
  private words: readonly string[] = [];
  private shown: string | undefined;

  /** `noun` names one word ("label", "tag"): its test ids and accessible names. */
  constructor(
    private readonly send: (intent: EditorIntent) => void,
    private readonly ref: () => Ref,
    private readonly key: 'labels' | 'tags',
    private readonly noun: string,
  ) {
    this.root = el('div', { class: 'labels', attrs: { 'data-testid': key } });
    const fresh = entry('input', `New ${noun}`, `New ${noun}`, `${noun}-new`);
    const add = () => {
      const v = fresh.value.trim();
      if (!v) return;
      this.set([...this.words, v]);
      fresh.value = '';
    };
    fresh.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') add();
    });
    this.root.append(
      el('h3', { text: key[0].toUpperCase() + key.slice(1) }),
      this.chips,
      el('div', { class: 'label-form' }, [fresh, textButton(`Add ${noun}`, `${noun}-add`, add)]),
    );
  }

  /** Show the document's words (rebuilt only when they changed). */
  update(words: readonly string[]): void {
    const shown = JSON.stringify(words);
    if (shown === this.shown) return;
    this.shown = shown;
    this.words = words;
    const { noun } = this;
    this.chips.replaceChildren(
      ...words.map((word, i) => {
        const input = el('input', {
          class: 'label',
          attrs: {
            'aria-label': `${noun} ${i + 1}`,
            'data-testid': noun,
            size: String(Math.max(4, word.length)),
          },
        });
        input.value = word;
        input.addEventListener('change', () => {
          const v = input.value.trim();
          this.set(v ? words.map((w, j) => (j === i ? v : w)) : words.filter((_, j) => j !== i));
        });
        return el('span', { class: 'label-chip' }, [
          input,
          iconButton('close', `Remove ${noun} ${word}`, `${noun}-remove`, () =>
            this.set(words.filter((_, j) => j !== i)),
          ),
        ]);
      }),
    );
  }

  private set(words: string[]): void {
    this.send({ kind: 'setField', pair: this.ref(), key: this.key, value: words });
  }
}
