import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  composeChanges,
  type ContentChange,
  type EditWindow,
} from '../../../src/core/text/edit-window';

/** Apply one event's changes as VS Code does: in the order listed, each against the text before the event. */
function applyEvent(text: string, changes: readonly ContentChange[]): string {
  let out = text;
  for (const c of changes)
    out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

/** What a window claims: outside [start, oldEnd) of the old text, and [start, newEnd) of the new, nothing changed. */
function assertWindow(before: string, after: string, w: EditWindow): void {
  assert.ok(
    w.start <= w.oldEnd &&
      w.oldEnd <= before.length &&
      w.start <= w.newEnd &&
      w.newEnd <= after.length,
    JSON.stringify(w),
  );
  assert.equal(after.slice(0, w.start), before.slice(0, w.start));
  assert.equal(after.slice(w.newEnd), before.slice(w.oldEnd));
}

describe('edit window', () => {
  const text = 'sft: 1\npairs:\n  - id: a\n    prompt: Hi\n';

  it('one change is its own window', () => {
    assert.deepEqual(
      composeChanges(undefined, [{ rangeOffset: 35, rangeLength: 2, text: 'Hello' }]),
      { start: 35, oldEnd: 37, newEnd: 40 },
    );
  });

  it('changes of one event, listed in descending order, compose into one window', () => {
    const changes = [
      { rangeOffset: 35, rangeLength: 2, text: 'Hello' },
      { rangeOffset: 22, rangeLength: 1, text: 'abc' },
    ];
    const w = composeChanges(undefined, changes)!;
    assert.deepEqual(w, { start: 22, oldEnd: 37, newEnd: 42 });
    assertWindow(text, applyEvent(text, changes), w);
  });

  it('events of one debounce window compose: typing, then deleting before it', () => {
    const typed = [{ rangeOffset: 37, rangeLength: 0, text: '!' }];
    const deleted = [{ rangeOffset: 4, rangeLength: 2, text: '' }];
    const w = composeChanges(composeChanges(undefined, typed), deleted)!;
    assert.deepEqual(w, { start: 4, oldEnd: 37, newEnd: 36 });
    assertWindow(text, applyEvent(applyEvent(text, typed), deleted), w);
  });

  it('ascending or overlapping changes in one event are not composed (lint in full)', () => {
    assert.equal(
      composeChanges(undefined, [
        { rangeOffset: 1, rangeLength: 0, text: 'a' },
        { rangeOffset: 5, rangeLength: 0, text: 'b' },
      ]),
      undefined,
    );
    assert.equal(
      composeChanges(undefined, [
        { rangeOffset: 5, rangeLength: 3, text: 'a' },
        { rangeOffset: 4, rangeLength: 2, text: 'b' },
      ]),
      undefined,
    );
    assert.equal(
      composeChanges({ start: 0, oldEnd: 1, newEnd: 1 }, [
        { rangeOffset: 1, rangeLength: 0, text: 'a' },
        { rangeOffset: 5, rangeLength: 0, text: 'b' },
      ]),
      undefined,
    );
  });

  it('an event without changes leaves the window as it was', () => {
    const w = { start: 3, oldEnd: 4, newEnd: 9 };
    assert.deepEqual(composeChanges(w, []), w);
    assert.equal(composeChanges(undefined, []), undefined);
  });

  it('over any sequence of events, the window holds every change (property)', () => {
    /** One event: non-overlapping changes against `len` characters, listed in descending order. */
    const event = (len: number) =>
      fc
        .array(fc.tuple(fc.nat(len), fc.nat(len), fc.string({ maxLength: 4 })), { maxLength: 3 })
        .map((raw) => {
          const changes: ContentChange[] = [];
          let limit = len;
          for (const [a, b, t] of raw
            .map(([a, b, t]) => [Math.min(a, b), Math.max(a, b), t] as const)
            .sort((x, y) => y[0] - x[0])) {
            if (b > limit) continue;
            changes.push({ rangeOffset: a, rangeLength: b - a, text: t });
            limit = a;
          }
          return changes;
        });
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 30 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (start, seeds, seed) => {
          let current = start;
          let w: EditWindow | undefined;
          for (const s of seeds) {
            const [changes] = fc.sample(event(current.length), { numRuns: 1, seed: seed + s });
            w = composeChanges(w, changes);
            current = applyEvent(current, changes);
            if (changes.length) assert.ok(w, 'composable changes gave no window');
          }
          if (w) assertWindow(start, current, w);
          else assert.equal(current, start);
        },
      ),
      { numRuns: 300 },
    );
  });
});
