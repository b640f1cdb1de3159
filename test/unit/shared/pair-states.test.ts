import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/edit/apply';
import { resolvePair } from '../../../src/core/edit/intent';
import { planEdits } from '../../../src/core/edit/plan';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { parseSft, updateSft, type SftFileModel } from '../../../src/core/parse/parse';
import type { Problem } from '../../../src/core/types';
import {
  cardChanged,
  diffRenderings,
  pairState,
  renderFile,
  searchPairs,
  type Rendering,
} from '../../../src/extension/editor/pair-states';
import { cleanPair, services, sftFile } from '../helpers';

const g = defaultGuidelines();
const linter = new FileLinter(g, services);
const problemsOf = (model: SftFileModel, extra: Problem[] = []) => [
  ...linter.lintModel(model).problems,
  ...extra,
];
const render = (model: SftFileModel, before?: Rendering, extra: Problem[] = []) =>
  renderFile(model, problemsOf(model, extra), g, before);
/** A pair whole, as the card gets it. */
const card = (model: SftFileModel, key: string, extra: Problem[] = []) =>
  pairState(render(model, undefined, extra), key, g)!;

const FILE = sftFile(cleanPair('a'), cleanPair('b'), cleanPair('c'));

/** Pair b's `key` set to `value` in FILE, re-parsed as an editor does (the other pairs keep their memo). */
function editB(key: string, value: string) {
  const before = parseSft(FILE);
  const edits = planEdits(before, { kind: 'setField', pair: { id: 'b' }, key, value });
  const text = applyEdits(FILE, edits);
  const after = updateSft(
    before,
    edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })),
    text,
  );
  assert.ok(after, 'the edit re-parses one pair');
  return { before, after, text };
}

describe('pair editor states and pushes', () => {
  it('renders each pair as a row, and whole for the card with its texts, annotations and counts', () => {
    const model = parseSft(FILE);
    const r = render(model);
    assert.deepEqual(r.order, ['a', 'b', 'c']);
    assert.deepEqual(r.pairs.get('a')!.row, {
      key: 'a',
      ref: { id: 'a' },
      index: 0,
      id: 'a',
      task: 'open_qa',
      promptType: 'instructive',
      status: 'draft',
      bucket: 'short',
      problemCount: 0,
    });
    const a = card(model, 'a');
    assert.equal(a.texts.prompt, 'Why is the sky blue on a clear day?');
    assert.equal(a.task, 'open_qa');
    assert.equal(a.annotations.status, 'draft');
    assert.equal(a.promptWords, 9);
    assert.equal(a.bucket, 'short');
    assert.deepEqual(a.problems, []);
    assert.equal(pairState(r, 'nope', g), undefined);
  });

  it('search finds pairs by id and by any text, ignoring case, in file order', () => {
    const text = sftFile(
      cleanPair('a'),
      cleanPair('b').replace('Why is the sky blue on a clear day?', 'Name a BLUE whale fact.'),
      cleanPair('c'),
    );
    const r = render(parseSft(text));
    assert.deepEqual(searchPairs(r, 'whale'), ['b']);
    assert.deepEqual(searchPairs(r, 'blue'), ['a', 'b', 'c']);
    assert.deepEqual(searchPairs(r, 'C'), ['a', 'b', 'c'], 'id c, and texts with a c');
    assert.deepEqual(searchPairs(r, 'no such words'), []);
    assert.deepEqual(searchPairs(r, ''), ['a', 'b', 'c']);
  });

  it('a problem sits at its field, with its quick fixes by title', () => {
    const withBad = sftFile(
      cleanPair('a').replace('task: open_qa', 'task: open-qa'),
      cleanPair('b'),
    );
    const model = parseSft(withBad);
    assert.ok(render(model).pairs.get('a')!.row.problemCount > 0);
    const a = card(model, 'a');
    const p = a.problems.find((x) => x.rule === 'invalid-value');
    assert.ok(p, JSON.stringify(a.problems));
    assert.equal(p.field, 'task');
    assert.ok(p.fixes.length > 0);
  });

  it('after an edit of one pair, the push carries that pair only, and no order', () => {
    const { before, after } = editB('prompt', 'Why is the sea blue?');
    const was = render(before);
    const now = render(after);
    const push = diffRenderings(was, now);
    assert.deepEqual(
      push.changed.map((p) => p.key),
      ['b'],
    );
    assert.ok(cardChanged(was, now, 'b'), "b's card is sent again");
    assert.ok(!cardChanged(was, now, 'a') && !cardChanged(was, now, 'c'));
    assert.equal(card(after, 'b').texts.prompt, 'Why is the sea blue?');
    assert.deepEqual(push.removed, []);
    assert.equal(push.order, undefined);
    assert.equal(push.fileProblems, undefined);
  });

  it('rendered against the rendering before an edit, only the edited pair is rendered again, and the push is the same', () => {
    const { before, after, text } = editB('response', 'Because of the way air scatters light.');
    const was = render(before);
    const r = render(after, was);
    assert.equal(r.pairs.get('a'), was.pairs.get('a'), 'a is taken over');
    assert.equal(r.pairs.get('c'), was.pairs.get('c'), 'c is taken over (it only moved)');
    assert.notEqual(r.pairs.get('b'), was.pairs.get('b'));
    assert.deepEqual(diffRenderings(was, r), diffRenderings(was, render(after)));
    // A problem that comes to an unchanged pair (a workspace rule's) renders that pair again.
    const c = parseSft(text).pairs[2];
    const dup: Problem = {
      rule: 'duplicate-id',
      severity: 'error',
      message: 'Duplicate id c',
      start: c.base + c.slice.start + 4,
      end: c.base + c.slice.start + 5,
    };
    const withDup = render(after, r, [dup]);
    assert.notEqual(withDup.pairs.get('c'), r.pairs.get('c'));
    assert.deepEqual(
      diffRenderings(r, withDup).changed.map((p) => [p.key, p.problemCount]),
      [['c', 1]],
    );
    assert.deepEqual(
      card(after, 'c', [dup]).problems.map((q) => [q.rule, q.field]),
      [['duplicate-id', 'id']],
    );
  });

  it('a move sends the new order and the two pairs whose place changed; a delete sends the key removed', () => {
    const before = parseSft(FILE);
    const moved = parseSft(
      applyEdits(FILE, planEdits(before, { kind: 'movePair', pair: { id: 'c' }, to: 1 })),
    );
    const push = diffRenderings(render(before), render(moved));
    assert.deepEqual(push.order, ['a', 'c', 'b']);
    assert.deepEqual(push.changed.map((p) => p.key).sort(), ['b', 'c']);
    const gone = parseSft(
      applyEdits(FILE, planEdits(before, { kind: 'removePair', pair: { id: 'a' } })),
    );
    const push2 = diffRenderings(render(before), render(gone));
    assert.deepEqual(push2.removed, ['a']);
    assert.deepEqual(push2.order, ['b', 'c']);
  });

  it('pairs without an id, or sharing one, are keyed by their place and named by index', () => {
    const text = sftFile(cleanPair('x'), cleanPair('x'), 'prompt: Hi?\nresponse: Hello.\n');
    const r = render(parseSft(text));
    assert.deepEqual(r.order, ['#0', '#1', '#2']);
    assert.deepEqual(r.pairs.get('#1')!.row.ref, { index: 1 });
  });

  it('an id made unique by an edit names its pair again, in the re-parsed model', () => {
    const text = sftFile(cleanPair('x'), cleanPair('x'), cleanPair('z'));
    const before = parseSft(text);
    assert.deepEqual(render(before).order, ['#0', '#1', 'z']);
    const at = text.lastIndexOf('id: x') + 'id: '.length;
    const after = updateSft(
      before,
      [{ start: at, end: at + 1, newText: 'y' }],
      text.slice(0, at) + 'y' + text.slice(at + 1),
    );
    assert.ok(after, 'the edit re-parses one pair');
    const r = render(after);
    assert.deepEqual(r.order, ['x', 'y', 'z']);
    assert.deepEqual(r.pairs.get('x')!.row.ref, { id: 'x' });
    // Against the rendering before: the first pair kept its memo, yet its name changed.
    assert.deepEqual(render(after, render(before)).pairs.get('x')!.row.ref, { id: 'x' });
    assert.equal(resolvePair(after, { id: 'x' })?.index, 0);
    assert.equal(resolvePair(before, { id: 'x' }), undefined, 'a shared id names no pair');
  });
});
