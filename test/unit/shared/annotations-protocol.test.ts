import { strict as assert } from 'node:assert';
import { computeCoverage } from '../../../src/core/coverage';
import { FileLinter } from '../../../src/core/lint';
import { parseSft } from '../../../src/core/parse/parse';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import { shownPair } from '../../../src/extension/annotations/shown-pair';
import {
  parseFromAnnotations,
  parseToAnnotations,
  type ShownPair,
} from '../../../src/shared/annotations-protocol';
import { parseFromWebview } from '../../../src/shared/editor-protocol';
import { guidelinesFrom, services } from '../helpers';

const G = guidelinesFrom(`sft-guidelines: 1
handbook: docs/handbook.md
annotations:
  domains: [science, history]
  languages: [en, hi]
targets:
  total: 4
  task: { open_qa: 25%, closed_qa: 50% }
  traits: { persona: 50% }
`);

const FILE = `sft: 1
defaults:
  language: en
pairs:
  - id: a
    task: open_qa
    traits: [persona]
    prompt: Why is the sky blue? TODO
    response: Rayleigh scattering.
  - id: b
    prompt: What is 2 + 2?
    response: Four.
    language: hi
`;

function show(index: number): ShownPair {
  const model = parseSft(FILE);
  const ix = new WorkspaceIndex();
  ix.setFile('a.sft.yaml', model, G);
  return shownPair(model.pairs[index], {
    uri: 'file:///w/a.sft.yaml',
    file: 'a.sft.yaml',
    version: 3,
    model,
    problems: new FileLinter(G, services).lint(FILE).problems,
    guidelines: G,
    coverage: computeCoverage(ix.pairs(), G),
    tokens: services.tokens,
    tokenizer: 'o200k_base',
    from: 'text',
  });
}

describe('annotations view', () => {
  describe('the pair it shows', () => {
    const a = show(0);
    const b = show(1);
    const picker = (s: ShownPair, key: string) => s.pickers.find((p) => p.key === key)!;

    it('names the pair, counts its words and tokens, gives its bucket', () => {
      assert.deepEqual(a.ref, { id: 'a' });
      assert.equal(a.id, 'a');
      assert.equal(a.promptWords, 6);
      assert.equal(a.responseWords, 2);
      assert.equal(a.bucket, 'short');
      assert.ok(a.tokens.prompt > 0 && a.tokens.response > 0);
      assert.equal(a.tokens.tokenizer, 'o200k_base');
      assert.equal(a.handbook, true);
    });

    it('has a picker per annotation, in order, with the guidelines values and meanings', () => {
      assert.deepEqual(
        a.pickers.map((p) => p.key),
        ['task', 'prompt_type', 'response_type', 'domain', 'language', 'traits', 'status'],
      );
      assert.deepEqual(
        picker(a, 'domain').choices.map((c) => c.value),
        ['science', 'history'],
      );
      assert.deepEqual(
        picker(a, 'language').choices.map((c) => c.description),
        ['English (en)', 'Hindi (hi)'],
      );
      assert.ok(picker(a, 'task').choices.every((c) => c.description.length > 10));
      assert.equal(picker(a, 'traits').multi, true);
      assert.equal(picker(a, 'task').multi, false);
    });

    it("tells the pair's own values from the file's defaults", () => {
      assert.deepEqual(picker(a, 'task').value, ['open_qa']);
      assert.deepEqual(picker(a, 'traits').value, ['persona']);
      assert.deepEqual(picker(a, 'language').value, []);
      assert.deepEqual(picker(a, 'language').inherited, ['en']);
      assert.deepEqual(picker(b, 'language').value, ['hi']);
      assert.equal(picker(b, 'language').inherited, undefined);
      assert.deepEqual(picker(b, 'task').value, []);
    });

    it('marks the values below their coverage target, with the pairs they still need', () => {
      const below = (key: string) =>
        Object.fromEntries(
          picker(a, key)
            .choices.filter((c) => c.below)
            .map((c) => [c.value, c.below]),
        );
      // 4 pairs (targets.total): closed_qa 50% needs 2, open_qa 25% has its 1, persona 50% has 1 of 2.
      assert.deepEqual(below('task'), { closed_qa: { count: 0, target: 0.5, gap: 2 } });
      assert.deepEqual(below('traits'), { persona: { count: 1, target: 0.5, gap: 1 } });
      assert.deepEqual(below('status'), {});
    });

    it("lists only the pair's own problems, with their fixes", () => {
      assert.ok(
        a.problems.some((p) => p.rule === 'placeholder'),
        JSON.stringify(a.problems),
      );
      assert.ok(!b.problems.some((p) => p.rule === 'placeholder'));
      assert.ok(b.problems.some((p) => p.rule === 'missing-annotation'));
      assert.ok(a.problems.every((p) => Array.isArray(p.fixes)));
    });

    it('is a message the webview accepts', () => {
      const msg = { type: 'show', pair: a, empty: '' };
      assert.deepEqual(parseToAnnotations(msg, assert.fail), msg);
    });
  });

  describe('messages are checked on arrival', () => {
    const logged: string[] = [];
    const log = (why: string) => logged.push(why);
    beforeEach(() => (logged.length = 0));

    it('accepts picks of one value, a list, or none', () => {
      for (const value of ['closed_qa', ['persona', 'constraints'], null]) {
        const msg = {
          type: 'pick',
          uri: 'file:///w/a.sft.yaml',
          version: 2,
          pair: { id: 'a' },
          key: 'task',
          value,
        };
        assert.deepEqual(parseFromAnnotations(msg, log), msg);
      }
      assert.deepEqual(logged, []);
    });

    it("the pair editor's webview may say which pair its card shows", () => {
      const msg = { type: 'select', key: 'a', pair: { id: 'a' } };
      assert.deepEqual(parseFromWebview(msg, log), msg);
      assert.equal(parseFromWebview({ type: 'select', pair: 'a' }, log), undefined);
    });

    it('drops what is not in the protocol, and says why', () => {
      for (const bad of [
        { type: 'pick', uri: 'x', version: 1.5, pair: { id: 'a' }, key: 'task', value: 'x' },
        { type: 'pick', uri: 'x', version: 1, pair: { index: -1 }, key: 'task', value: 'x' },
        { type: 'pick', uri: 'x', version: 1, pair: { id: 'a' }, key: 'task', value: 3 },
        { type: 'applyFix', uri: 'x', pair: { id: 'a' }, rule: 'placeholder' },
        { type: 'intent' },
        'ready',
      ])
        assert.equal(parseFromAnnotations(bad, log), undefined, JSON.stringify(bad));
      assert.equal(logged.length, 6);
      assert.match(logged[0], /annotations view protocol/);
      assert.equal(
        parseToAnnotations({ type: 'show', pair: { id: 'a' }, empty: '' }, log),
        undefined,
      );
    });
  });
});
