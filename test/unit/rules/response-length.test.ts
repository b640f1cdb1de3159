import { strict as assert } from 'node:assert';
import { cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'response-length';
const G = guidelinesFrom(
  'sft-guidelines: 1\nresponse:\n  min_words: { descriptive: 20, "*": 2 }\n  max_words: { one_word: 1, "*": 60 }\n  max_tokens: 50\n',
);
const check = (text: string, guidelines = G) => lint(text, { only, guidelines });
const pair = (type: string, response: string) =>
  sftFile(`id: l1\nresponse_type: ${type}\nprompt: Question?\nresponse: ${response}\n`);

describe('rule response-length', () => {
  it('does not fire on a clean pair, nor without limits in the guidelines', () => {
    assert.deepEqual(check(sftFile(cleanPair('c1'))), []);
    assert.deepEqual(lint(pair('descriptive', 'Too short.'), { only }), []);
  });

  it('fires below the per-type minimum, over the whole value of a literal block', () => {
    const text = pair('descriptive', '|\n  Too short, really.\n  Two lines.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['|\n      Too short, really.\n      Two lines.\n']);
    assert.match(
      problems[0].message,
      /5 words; descriptive responses need at least 20 \(guidelines response\.min_words\.descriptive\)/,
    );
  });

  it('uses the "*" limit for other types and points at the key of an empty response', () => {
    const text = pair('short_phrase', '""');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['response']);
    assert.match(
      problems[0].message,
      /0 words; short_phrase responses need at least 2 \(guidelines response\.min_words\)/,
    );
  });

  it('fires over the per-type maximum in a double-quoted scalar with escapes', () => {
    const text = pair('one_word', '"Paris, \\"France\\""');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['"Paris, \\"France\\""']);
    assert.match(problems[0].message, /2 words; one_word responses may have at most 1/);
  });

  it('counts CJK, Arabic and emoji text as words, in a CRLF folded block', () => {
    const ok = pair('short_phrase', '>\n  東京 は 日本 の 首都\n  مرحبا بكم 👋').replace(
      /\n/g,
      '\r\n',
    );
    assert.deepEqual(check(ok), []);
  });

  it('fires over max_tokens with the token count, and tokenizes only long texts', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}\tx`).join(' ');
    const text = pair('short_phrase', long);
    const problems = check(text);
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /80 words; short_phrase responses may have at most 60/);
    assert.match(problems[1].message, /response has \d+ tokens \(o200k_base\); the limit is 50/);
  });
});
