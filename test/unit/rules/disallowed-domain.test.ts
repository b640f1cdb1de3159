import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'disallowed-domain';

describe('disallowed-domain', () => {
  it('fires on a domain outside the built-in list, with a did-you-mean fix when close', () => {
    const text = sftFile(
      'id: a\ndomain: helthcare\nprompt: p\nresponse: r\n',
      'id: b\ndomain: "Science"\nprompt: p\nresponse: r\n',
      'id: c\ndomain: astrology\nprompt: p\nresponse: r\n',
    );
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['helthcare', '"Science"', 'astrology']);
    assert.match(
      problems[0].message,
      /^Domain "helthcare" is not one of the built-in domains \(business, .*\); did you mean "healthcare"\? To use other domains, list them under annotations\.domains in sft\.guidelines\.yaml\.$/,
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('helthcare', 'healthcare'),
    );
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      text.replace('"Science"', 'science'),
    );
    assert.equal(problems[2].fixes, undefined);
  });

  it("follows the guidelines' list and checks defaults once", () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nannotations:\n  domains: [healthcare, business]\n',
    );
    const text = `sft: 1\r\ndefaults:\r\n  domain: science\r\npairs:\r\n${sftFile(cleanPair('a').replace('domain: science\n', ''), 'id: b\ndomain: healthcare\nprompt: |\n  שלום 🎉\nresponse: r\n').split('pairs:\n')[1].replace(/\n/g, '\r\n')}`;
    const problems = lint(text, { only, guidelines: g });
    assert.deepEqual(spans(text, problems), ['science']);
    assert.match(problems[0].message, /the guidelines' domains \(healthcare, business\)/);
  });

  it('does not fire on listed domains or when no domain is set', () => {
    assert.deepEqual(
      lint(sftFile(cleanPair('a'), 'id: b\nprompt: p\nresponse: r\n'), { only }),
      [],
    );
  });
});
