import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { escapeControls, escapeMarkdown, jsonForTerminal } from '../../../src/core/text/escape';

/** Every character a terminal acts on or that reorders a line (C0, DEL, C1, bidi overrides and isolates). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Text as CommonMark shows it once its backslash escapes (a backslash before ASCII punctuation) are read. */
function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Hostile text: controls, bidi, Markdown syntax, theme icons and plain letters, in any order. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\x1b[2J',
        '\x1b]8;;http://x\x07',
        '\u202e',
        '\u2066',
        '\u0085',
        '\x7f',
        '\r\n',
        '\t',
        '|',
        '\\',
        '*',
        '_',
        '`',
        '[x](command:sft.showCoverage)',
        '<img src=x>',
        '&amp;',
        '$(warning)',
        '# ',
        '> ',
        '- ',
        '1. ',
        '===',
        '~~',
      ),
      fc.string(),
      fc.string({ unit: 'binary' }),
    ),
  )
  .map((parts) => parts.join(''));

describe('text: escaping user text for terminals and Markdown', () => {
  const cases: [typeof escapeControls, string, string, string][] = [
    [escapeControls, 'clear screen', 'x\x1b[2J', 'x\\x1b[2J'],
    [escapeControls, 'line breaks and tabs', 'a\nb\r\tc', 'a\\nb\\r\\tc'],
    [escapeControls, 'NUL, BEL, DEL', '\0\x07\x7f', '\\x00\\x07\\x7f'],
    [escapeControls, 'C1 (CSI, NEL)', '\x9b2J\x85', '\\x9b2J\\x85'],
    [
      escapeControls,
      'bidi override and isolates',
      'a\u202eb\u2066c\u2069',
      'a\\u202eb\\u2066c\\u2069',
    ],
    [
      escapeControls,
      'plain text, backslashes and other Unicode kept',
      'C:\\d\\é 日本 👍',
      'C:\\d\\é 日本 👍',
    ],
    [escapeMarkdown, 'a newline and a pipe keep a table row whole', 'a\nb|c', 'a\\\\nb\\|c'],
    [
      escapeMarkdown,
      'emphasis, code and strike',
      '*b* _i_ `c` ~~s~~',
      '\\*b\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~',
    ],
    [escapeMarkdown, 'a link cannot run a command', '[x](command:a)', '\\[x\\](command:a)'],
    [escapeMarkdown, 'HTML and entities', '<img src=x>&amp;', '\\<img src=x\\>\\&amp;'],
    [escapeMarkdown, 'theme icons', '$(warning)', '\\$(warning)'],
    [escapeMarkdown, 'a leading heading marker', '# big', '\\# big'],
    [escapeMarkdown, 'a leading quote or list marker', '> q', '\\> q'],
    [escapeMarkdown, 'a leading ordered-list marker', '12. x', '12\\. x'],
    [escapeMarkdown, 'a setext underline', '===', '\\==='],
    [escapeMarkdown, 'markers inside a value stay', 'pt-BR 1.5 a#b', 'pt-BR 1.5 a#b'],
  ];
  for (const [escape, what, input, shown] of cases)
    it(`${escape.name}: ${what}`, () => assert.equal(escape(input), shown));

  it('escapeControls leaves no control or bidi character, and is idempotent', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeControls(s);
        assert.ok(!UNSAFE.test(out), JSON.stringify(out));
        assert.equal(escapeControls(out), out);
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('escapeMarkdown reads back as the visible text, with no live markup and no line break', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const md = escapeMarkdown(s);
        assert.ok(!UNSAFE.test(md), JSON.stringify(md));
        // What a reader sees is exactly the text with its controls shown.
        assert.equal(unescapeMarkdown(md), escapeControls(s));
        // Once the escapes are taken out, nothing that opens markup is left.
        const bare = md.replace(/\\[!-/:-@[-`{-~]/g, '');
        assert.ok(!/[\\`*_[\]<>|~&$]/.test(bare), JSON.stringify(md));
        assert.ok(!/^\s*([#>+=-]|\d+[.)])/.test(md), JSON.stringify(md));
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('jsonForTerminal parses back to the same data and prints no control or bidi character', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const json = jsonForTerminal(JSON.stringify({ [s]: [s] }, null, 2));
        assert.ok(!UNSAFE.test(json.replace(/\n/g, '')), JSON.stringify(json));
        assert.deepEqual(JSON.parse(json), { [s]: [s] });
      }),
      { seed: 9, numRuns: 2000 },
    );
  });
});
