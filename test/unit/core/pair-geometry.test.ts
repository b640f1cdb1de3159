import { strict as assert } from 'node:assert';
import { defaultGuidelines, loadGuidelines } from '../../../src/core/guidelines';
import { pairAtOffset, pairSpan } from '../../../src/core/pair-geometry';
import { pairViews } from '../../../src/core/parse/pair-view';
import { parseSft, parseSftWhole, type SftFileModel } from '../../../src/core/parse/parse';

const FILE = `sft: 1
defaults:
  task: open_qa
pairs:
  # the first pair
  - id: a-1
    prompt: |
      Why is the sky blue?
    response: Because of scattering.\x20\x20\x20

  # leads the second pair
  - prompt: "Name a prime."
    task: extraction
    response:
  - id: c-3
    response: Seven.\x20\x20

`;

/** Both parsers: the fast reader (pairs sliced out of the text) and yaml's whole-document parse. */
const PARSERS: ReadonlyArray<readonly [string, (text: string) => SftFileModel]> = [
  ['fast', parseSft],
  ['whole', parseSftWhole],
];

for (const [name, parse] of PARSERS) {
  describe(`pair geometry (${name} parse)`, () => {
    for (const eol of ['\n', '\r\n']) {
      const text = FILE.replace(/\n/g, eol);
      const model = parse(text);
      const label = eol === '\n' ? 'LF' : 'CRLF';

      // Comment lines before the next pair are inside the pair's slice, so they end its span.
      it(`pairSpan runs from the pair's line to its last non-blank character (${label})`, () => {
        const spans = model.pairs.map(pairSpan);
        assert.deepEqual(
          spans.map((s) => text.slice(s.dash, s.end)),
          [
            `- id: a-1${eol}    prompt: |${eol}      Why is the sky blue?${eol}    response: Because of scattering.   ${eol}${eol}  # leads the second pair`,
            '- prompt: "Name a prime."' + `${eol}    task: extraction${eol}    response:`,
            `- id: c-3${eol}    response: Seven.`,
          ],
        );
        for (const s of spans) assert.equal(text.slice(s.start, s.dash), '  ');
      });

      it(`pairAtOffset finds the pair under an offset, the last pair after the end (${label})`, () => {
        const ids = (offsets: number[]) =>
          offsets.map((o) => pairAtOffset(model, o)?.id ?? pairAtOffset(model, o)?.index);
        const at = (s: string) => text.indexOf(s);
        assert.deepEqual(ids([at('sft: 1'), at('task: open_qa')]), [undefined, undefined]);
        assert.deepEqual(
          ids([
            at('id: a-1'),
            at('sky blue'),
            at('scattering'),
            at('Name a prime'),
            at('Seven'),
            text.length,
          ]),
          ['a-1', 'a-1', 'a-1', 1, 'c-3', 'c-3'],
        );
      });

      // The pair view took over fieldSpans: a field's key, value and entry in document offsets.
      it(`the pair view gives a field's key, value and whole entry in document offsets (${label})`, () => {
        const [a, b] = pairViews(model);
        const field = (v: typeof a, key: string) => v.fields.find((f) => f.key === key)!;
        const prompt = field(a, 'prompt');
        assert.equal(text.slice(prompt.keyRange.start, prompt.keyRange.end), 'prompt');
        assert.equal(
          text.slice(prompt.valueRange!.start, prompt.valueRange!.end),
          `|${eol}      Why is the sky blue?${eol}`,
        );
        assert.ok(
          text.slice(prompt.entryRange.start, prompt.entryRange.end).startsWith('prompt: |'),
        );
        const quoted = field(b, 'prompt');
        assert.equal(
          text.slice(quoted.valueRange!.start, quoted.valueRange!.end),
          '"Name a prime."',
        );
        const empty = field(b, 'response');
        assert.equal(text.slice(empty.keyRange.start, empty.keyRange.end), 'response');
        assert.ok(!empty.valueRange || empty.valueRange.start === empty.valueRange.end);
      });
    }
  });
}

// The pair view took over pairName and pairSummary (outline, CodeLens and the index read it).
describe('pair names and summaries (pair view)', () => {
  const model = parseSft(FILE);
  const summary = (m: SftFileModel, g = defaultGuidelines()) =>
    pairViews(m).map((v) => ({ task: v.annotations.task, bucket: v.counts(g).bucket }));

  it('a pair goes by its id, else by its place', () => {
    assert.deepEqual(
      pairViews(model).map((v) => v.name),
      ['a-1', '(pair 2, no id)', 'c-3'],
    );
  });

  it('the summary takes the own task, else the default, and the counted bucket under the guidelines', () => {
    assert.deepEqual(summary(model), [
      { task: 'open_qa', bucket: 'short' },
      { task: 'extraction', bucket: 'short' },
      { task: 'open_qa', bucket: 'short' },
    ]);
    const tiny = loadGuidelines('sft-guidelines: 1\nlength: { short: 2, long: 4 }\n').guidelines;
    assert.deepEqual(
      summary(model, tiny).map((s) => s.bucket),
      ['long', 'medium', 'short'],
    );
    const noDefaults = parseSft(FILE.replace('defaults:\n  task: open_qa\n', ''));
    assert.equal(summary(noDefaults)[0].task, undefined);
  });
});
