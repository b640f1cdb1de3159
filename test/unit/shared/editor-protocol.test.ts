import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/edit/apply';
import { planEdits } from '../../../src/core/edit/plan';
import { defaultGuidelines } from '../../../src/core/guidelines';
import { FileLinter } from '../../../src/core/lint';
import { insertPairIntent } from '../../../src/core/pair-template';
import { parseSft } from '../../../src/core/parse/parse';
import { toEditIntent } from '../../../src/shared/editor-intents';
import {
  fromRowTable,
  parseFromWebview,
  parseToWebview,
  protocolVersion,
  toRowTable,
  type EditorIntent,
  type PairRow,
} from '../../../src/shared/editor-protocol';
import { services } from '../helpers';

const FILE = `sft: 1
pairs:
  # the first pair
  - id: a
    task: open_qa
    prompt: |
      Line one
      Line two
    response: Hi.   # trailing
  - id: b
    task: open_qa
    prompt: Second?
    response: Yes.
`;

const linter = new FileLinter(defaultGuidelines(), services);

/** The text after a pair editor intent, through the translation and core's planner. */
function run(text: string, intent: EditorIntent): string {
  const model = parseSft(text);
  const out = toEditIntent(intent, {
    model,
    problems: linter.lint(text).problems,
    newPair: (after) =>
      insertPairIntent(model, {
        offset: after ? after.base + after.slice.end - 1 : undefined,
        guidelines: defaultGuidelines(),
        id: 'new-0001',
        choicesOf: () => undefined,
      }),
  });
  if ('refused' in out) throw new Error(out.refused);
  return applyEdits(text, planEdits(model, out.intent));
}

function refusal(text: string, intent: EditorIntent): string | undefined {
  const model = parseSft(text);
  const out = toEditIntent(intent, {
    model,
    problems: [],
    newPair: () => assert.fail('no new pair'),
  });
  return 'refused' in out ? out.refused : undefined;
}

describe('pair editor protocol', () => {
  describe('messages are checked on arrival', () => {
    const logged: string[] = [];
    const log = (why: string) => logged.push(why);
    beforeEach(() => (logged.length = 0));

    it('accepts a ready request and an intent with clientSeq and baseVersion', () => {
      assert.deepEqual(parseFromWebview({ type: 'ready', protocolVersion }, log), {
        type: 'ready',
        protocolVersion,
      });
      const restored = {
        type: 'ready',
        protocolVersion,
        selected: 'p-9',
        search: { seq: 1, query: 'vs-01' },
      };
      assert.deepEqual(parseFromWebview(restored, log), restored);
      const msg = {
        type: 'intent',
        clientSeq: 3,
        baseVersion: 7,
        intent: { kind: 'setField', pair: { id: 'a' }, key: 'prompt', value: 'x' },
      };
      assert.deepEqual(parseFromWebview(msg, log), msg);
      assert.deepEqual(logged, []);
    });

    const bad: [string, unknown][] = [
      ['an unknown type', { type: 'eval', code: 'x' }],
      [
        'a restored search without its seq',
        { type: 'ready', protocolVersion, search: { query: 'x' } },
      ],
      [
        'an unknown intent',
        { type: 'intent', clientSeq: 1, baseVersion: 1, intent: { kind: 'rm' } },
      ],
      [
        'a pair by a negative index',
        {
          type: 'intent',
          clientSeq: 1,
          baseVersion: 1,
          intent: { kind: 'removePair', pair: { index: -1 } },
        },
      ],
      [
        'a move of three places',
        {
          type: 'intent',
          clientSeq: 1,
          baseVersion: 1,
          intent: { kind: 'movePair', pair: { id: 'a' }, by: 3 },
        },
      ],
      [
        'a silence without a reason',
        {
          type: 'intent',
          clientSeq: 1,
          baseVersion: 1,
          intent: { kind: 'silence', pair: { id: 'a' }, rule: 'pii', reason: '  ' },
        },
      ],
      [
        'no version',
        { type: 'intent', clientSeq: 1, intent: { kind: 'removePair', pair: { id: 'a' } } },
      ],
      ['not an object', 'ready'],
    ];
    for (const [name, msg] of bad)
      it(`drops ${name} and says why`, () => {
        assert.equal(parseFromWebview(msg, log), undefined);
        assert.equal(logged.length, 1);
      });

    it('token counts are asked for one pair and answered with the tokenizer named', () => {
      const ask = { type: 'tokens', key: 'a', pair: { id: 'a' } };
      assert.deepEqual(parseFromWebview(ask, log), ask);
      const answer = {
        type: 'tokens',
        key: 'a',
        version: 3,
        prompt: 12,
        response: 40,
        tokenizer: 'o200k_base',
      };
      assert.deepEqual(parseToWebview(answer, log), answer);
      assert.equal(parseToWebview({ ...answer, prompt: '12' }, log), undefined);
      assert.equal(logged.length, 1);
    });

    it('the webview drops a push that is not in the protocol', () => {
      assert.equal(parseToWebview({ type: 'update', version: 1 }, log), undefined);
      assert.equal(logged.length, 1);
      const ok = { type: 'refused', clientSeq: 2, reason: 'gone' };
      assert.deepEqual(parseToWebview(ok, log), ok);
    });
  });

  describe('intents become core edits of exactly their bytes', () => {
    it('setField keeps a | block a block and the comments around it', () => {
      const out = run(FILE, {
        kind: 'setField',
        pair: { id: 'a' },
        key: 'prompt',
        value: 'Line one\nLine 2',
      });
      assert.equal(out, FILE.replace('Line two', 'Line 2'));
    });

    it('setField with null removes the field', () => {
      const out = run(FILE, { kind: 'setField', pair: { id: 'b' }, key: 'task', value: null });
      assert.equal(
        out,
        FILE.replace('    task: open_qa\n    prompt: Second?', '    prompt: Second?'),
      );
    });

    it('setAnnotation writes one value', () => {
      const out = run(FILE, {
        kind: 'setAnnotation',
        pair: { id: 'b' },
        key: 'task',
        value: 'brainstorming',
      });
      assert.equal(
        out,
        FILE.replace(
          'task: open_qa\n    prompt: Second?',
          'task: brainstorming\n    prompt: Second?',
        ),
      );
    });

    it('movePair moves by one place from where the pair is now, comment and all', () => {
      const out = run(FILE, { kind: 'movePair', pair: { id: 'b' }, by: -1 });
      const model = parseSft(out);
      assert.deepEqual(
        model.pairs.map((p) => p.id),
        ['b', 'a'],
      );
      assert.ok(out.includes('# the first pair\n  - id: a'), out);
      assert.equal(
        refusal(FILE, { kind: 'movePair', pair: { id: 'a' }, by: -1 }),
        'The pair is already at that end of the list.',
      );
    });

    it('addPair after a pair writes the template there', () => {
      const out = run(FILE, { kind: 'addPair', after: { id: 'a' } });
      assert.deepEqual(
        parseSft(out).pairs.map((p) => p.id),
        ['a', 'new-0001', 'b'],
      );
      assert.ok(out.startsWith(FILE.slice(0, FILE.indexOf('  - id: b'))), out);
    });

    it('duplicate and remove name the pair by id', () => {
      const copy = parseSft(run(FILE, { kind: 'duplicatePair', pair: { id: 'a' } })).pairs;
      assert.equal(copy.length, 3);
      assert.deepEqual([copy[0].id, copy[2].id], ['a', 'b']);
      assert.ok(copy[1].id && copy[1].id !== 'a', 'the copy has a new id');
      assert.equal(
        run(FILE, { kind: 'removePair', pair: { id: 'a' } }),
        FILE.replace(/  # the first pair[\s\S]*?(?=  - id: b)/, ''),
      );
    });

    it('review notes, resolve and silence', () => {
      const noted = run(FILE, {
        kind: 'addReviewNote',
        pair: { id: 'b' },
        by: 'sam',
        note: 'Too short.',
      });
      assert.ok(
        noted.endsWith(
          '    review:\n      - by: sam\n        note: Too short.\n        resolved: false\n',
        ),
        noted,
      );
      const resolved = run(noted, {
        kind: 'resolveReviewNote',
        pair: { id: 'b' },
        note: 0,
        resolved: true,
      });
      assert.equal(resolved, noted.replace('resolved: false', 'resolved: true'));
      const silenced = run(FILE, {
        kind: 'silence',
        pair: { id: 'a' },
        rule: 'pii',
        reason: 'public figure',
      });
      assert.ok(silenced.includes('# sft-ignore pii: public figure'), silenced);
    });

    it('applyFix finds the fix by rule and title in the current problems', () => {
      const text = FILE.replace(
        'task: open_qa\n    prompt: Second?',
        'task: open-qa\n    prompt: Second?',
      );
      const problems = linter.lint(text).problems.filter((p) => p.fixes?.length);
      assert.ok(problems.length, 'the file offers a fix');
      const p = problems[0];
      const model = parseSft(text);
      const pair = model.pairs.find(
        (x) => p.start >= x.base + x.slice.start && p.start <= x.base + x.slice.end,
      )!;
      const out = toEditIntent(
        { kind: 'applyFix', pair: { id: pair.id! }, rule: p.rule, title: p.fixes![0].title },
        { model, problems, newPair: () => assert.fail('no new pair') },
      );
      assert.ok('intent' in out);
      assert.deepEqual(out.intent, { kind: 'applyFixes', fix: p.fixes![0] });
      assert.equal(
        refusal(text, {
          kind: 'applyFix',
          pair: { id: pair.id! },
          rule: p.rule,
          title: 'no such fix',
        }),
        'That fix is no longer offered.',
      );
    });

    it('an intent for a pair that is gone is refused, not applied elsewhere', () => {
      assert.match(
        refusal(FILE, { kind: 'removePair', pair: { id: 'zz' } }) ?? '',
        /no longer in the file/,
      );
      assert.match(
        refusal(FILE, { kind: 'addPair', after: { id: 'zz' } }) ?? '',
        /no longer in the file/,
      );
    });
  });

  describe('the rows of init, as a column table', () => {
    const word = fc.constantFrom('open_qa', 'generation', 'draft', 'short', 'long', '#1', '');
    const rows = fc
      .array(
        fc.record({
          id: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
          shared: fc.boolean(),
          task: fc.option(word, { nil: undefined }),
          promptType: fc.option(word, { nil: undefined }),
          status: fc.option(word, { nil: undefined }),
          bucket: word,
          problemCount: fc.nat(50),
        }),
        { maxLength: 40 },
      )
      .map((xs) =>
        xs.map(({ id, shared, ...rest }, index): PairRow => {
          const byIndex = id === undefined || shared;
          const row: PairRow = {
            key: byIndex ? `#${index}` : id,
            ref: byIndex ? { index } : { id },
            index,
            ...rest,
          };
          if (id !== undefined) row.id = id;
          for (const k of ['task', 'promptType', 'status'] as const)
            if (row[k] === undefined) delete row[k];
          return row;
        }),
      );

    it('come back as they were sent, through the schema', () => {
      fc.assert(
        fc.property(rows, (sent) => {
          const msg = parseToWebview(
            {
              type: 'init',
              protocolVersion,
              version: 1,
              rows: toRowTable(sent),
              fileProblems: [],
              choices: {},
              length: { short: 100, long: 500 },
              linted: true,
            },
            () => assert.fail('the message is valid'),
          );
          assert.ok(msg?.type === 'init');
          assert.deepEqual(fromRowTable(msg.rows), sent);
        }),
      );
    });

    it('are a fraction of the rows as objects', () => {
      const many: PairRow[] = Array.from({ length: 5000 }, (_, index) => ({
        key: `pe-${String(index).padStart(6, '0')}`,
        ref: { id: `pe-${String(index).padStart(6, '0')}` },
        index,
        id: `pe-${String(index).padStart(6, '0')}`,
        task: ['open_qa', 'generation', 'extraction'][index % 3],
        promptType: 'instructive',
        status: 'draft',
        bucket: ['short', 'medium', 'long'][index % 3],
        problemCount: index % 4,
      }));
      const table = JSON.stringify(toRowTable(many)).length;
      assert.ok(table * 4 < JSON.stringify(many).length, `${table} bytes`);
    });
  });
});
