import { strict as assert } from 'node:assert';
import { TypingRuns, type TextChange } from '../../../src/extension/editor/typing-runs';

/** A document that reports each change, its undo and its redo as VS Code does. */
class Text {
  private done: { change: TextChange; inverse: TextChange }[] = [];
  private undone: { change: TextChange; inverse: TextChange }[] = [];

  constructor(public value: string) {}

  edit(offset: number, length: number, text: string): TextChange {
    const change = { rangeOffset: offset, rangeLength: length, text };
    const inverse = {
      rangeOffset: offset,
      rangeLength: text.length,
      text: this.value.slice(offset, offset + length),
    };
    this.apply(change);
    this.done.push({ change, inverse });
    this.undone = [];
    return change;
  }

  undo(): TextChange {
    const step = this.done.pop()!;
    this.undone.push(step);
    this.apply(step.inverse);
    return step.inverse;
  }

  redo(): TextChange {
    const step = this.undone.pop()!;
    this.done.push(step);
    this.apply(step.change);
    return step.change;
  }

  private apply(c: TextChange): void {
    this.value =
      this.value.slice(0, c.rangeOffset) + c.text + this.value.slice(c.rangeOffset + c.rangeLength);
  }
}

/** Type `chars` at the end of `response: Four.` as keystrokes of run `run`. */
function type(text: Text, runs: TypingRuns, chars: string, run?: number): void {
  for (const ch of chars) runs.edited([text.edit(text.value.length - 1, 0, ch)], run);
}

/** Undo as the pair editor does: once, then again while the runs say so. */
function undoStep(text: Text, runs: TypingRuns): number {
  let n = 1;
  while (runs.undid([text.undo()])) n++;
  return n;
}

function redoStep(text: Text, runs: TypingRuns): number {
  let n = 1;
  while (runs.redid([text.redo()])) n++;
  return n;
}

describe('pair editor: runs of typing as undo steps', () => {
  const START = 'response: Four.\n';

  it('one undo takes back a run of keystrokes, one redo brings it back', () => {
    const text = new Text(START);
    const runs = new TypingRuns();
    type(text, runs, ' exactly', 1);
    assert.equal(text.value, 'response: Four. exactly\n');
    assert.equal(undoStep(text, runs), 8);
    assert.equal(text.value, START);
    assert.equal(redoStep(text, runs), 8);
    assert.equal(text.value, 'response: Four. exactly\n');
  });

  it('two runs and an edit between them stay three undo steps', () => {
    const text = new Text(START);
    const runs = new TypingRuns();
    type(text, runs, ' one', 1);
    runs.edited([text.edit(0, 0, '# top\n')]);
    type(text, runs, ' two', 2);
    type(text, runs, '!', 3);
    assert.equal(undoStep(text, runs), 1);
    assert.equal(text.value, '# top\nresponse: Four. one two\n');
    assert.equal(undoStep(text, runs), 4);
    assert.equal(text.value, '# top\nresponse: Four. one\n');
    assert.equal(undoStep(text, runs), 1);
    assert.equal(text.value, 'response: Four. one\n');
    assert.equal(undoStep(text, runs), 4);
    assert.equal(text.value, START);
  });

  it('keystrokes without a run are one undo step each', () => {
    const text = new Text(START);
    const runs = new TypingRuns();
    type(text, runs, 'ab');
    assert.equal(undoStep(text, runs), 1);
    assert.equal(text.value, 'response: Four.a\n');
  });

  it('an undo it cannot match (a change it never saw) stops following, and forgets', () => {
    const text = new Text(START);
    const runs = new TypingRuns();
    type(text, runs, 'ab', 1);
    text.edit(0, 0, 'x'); // a change the mirror was not told of
    assert.equal(runs.undid([text.undo()]), false);
    // The run's keystrokes are no longer known: each undo is its own step.
    assert.equal(undoStep(text, runs), 1);
    assert.equal(text.value, 'response: Four.a\n');
  });

  it('a new edit after an undo drops what could be redone', () => {
    const text = new Text(START);
    const runs = new TypingRuns();
    type(text, runs, 'ab', 1);
    undoStep(text, runs);
    runs.edited([text.edit(0, 0, 'x')]);
    assert.equal(runs.redid([{ rangeOffset: 0, rangeLength: 0, text: 'b' }]), false);
  });
});
