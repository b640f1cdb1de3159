/**
 * Runs of typing as undo steps. The pair editor commits each keystroke as its own edit (the
 * document changes at once), and VS Code makes each edit an undo step; a writer expects one
 * undo to take back a run of typing in one field, as in a text editor. This mirror of the
 * document's undo stack tells, when VS Code undoes (or redoes) one keystroke of a run whose
 * neighbour keystroke is the next step, that the pair editor should undo (redo) once more.
 * A change it cannot match to its mirror empties the mirror: the worst case is an undo per
 * keystroke, never an undo of something else.
 */

/**
 * A change as VS Code reports it: offsets in the text before the change.
 * @usedBy tests
 */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

interface Step {
  run?: number;
  changes: readonly TextChange[];
}

/** Steps kept: more than any run of typing, bounded so a long session does not grow it. */
const KEPT = 2000;

export class TypingRuns {
  private done: Step[] = [];
  private undone: Step[] = [];

  /** An edit that is not an undo or redo; `run` when it is a keystroke of a run of typing. */
  edited(changes: readonly TextChange[], run?: number): void {
    this.done.push({ run, changes });
    if (this.done.length > KEPT) this.done.shift();
    this.undone = [];
  }

  /** An undo: whether it took back a keystroke whose run goes on in the step below (undo again). */
  undid(changes: readonly TextChange[]): boolean {
    return this.move(this.done, this.undone, changes, true);
  }

  /** A redo: whether it brought back a keystroke whose run goes on in the next redo (redo again). */
  redid(changes: readonly TextChange[]): boolean {
    return this.move(this.undone, this.done, changes, false);
  }

  /** The step on top of `from` went to `to`, if `changes` are it (inverted for an undo). */
  private move(from: Step[], to: Step[], changes: readonly TextChange[], inverse: boolean) {
    const step = from.at(-1);
    if (!step || !matches(changes, step.changes, inverse)) return this.reset();
    from.pop();
    to.push(step);
    return step.run !== undefined && from.at(-1)?.run === step.run;
  }

  private reset(): false {
    this.done = [];
    this.undone = [];
    return false;
  }
}

/**
 * Whether `seen` is `step` again (a redo) or its inverse (an undo): the same places, with the
 * lengths of what was taken out and put in swapped for an undo.
 */
function matches(
  seen: readonly TextChange[],
  step: readonly TextChange[],
  inverse: boolean,
): boolean {
  if (seen.length !== step.length) return false;
  const order = (cs: readonly TextChange[]) =>
    [...cs].sort((a, b) => a.rangeOffset - b.rangeOffset);
  const a = order(seen);
  const b = order(step);
  if (a.length === 1) {
    const [s, t] = [a[0], b[0]];
    return inverse
      ? s.rangeOffset === t.rangeOffset &&
          s.rangeLength === t.text.length &&
          s.text.length === t.rangeLength
      : s.rangeOffset === t.rangeOffset && s.rangeLength === t.rangeLength && s.text === t.text;
  }
  // Several changes: their offsets move with each other; the total length is what must agree.
  const grew = (cs: readonly TextChange[]) =>
    cs.reduce((n, c) => n + c.text.length - c.rangeLength, 0);
  return grew(a) === (inverse ? -grew(b) : grew(b));
}
