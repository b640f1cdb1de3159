import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, guidelinesFrom, lint, sftFile, spans } from '../helpers';

const only = 'missing-annotation';

describe('missing-annotation', () => {
  it('fires once per pair at its first line, listing the missing keys', () => {
    const text = sftFile('id: a\ntask: open_qa\nprompt: p\nresponse: r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['- id']);
    assert.equal(
      problems[0].message,
      'Missing annotations prompt_type, response_type, domain, language (required by default); set them on the pair or in defaults.',
    );
    assert.equal(problems[0].severity, 'warning');
  });

  it('counts annotations set in defaults as present', () => {
    const text = `sft: 1\ndefaults:\n  prompt_type: instructive\n  response_type: descriptive\n  domain: science\n  language: en\npairs:\n  - id: a\n    task: open_qa\n    prompt: p\n    response: r\n`;
    assert.deepEqual(lint(text, { only }), []);
  });

  it('fires on an empty key at the key, even when defaults set it', () => {
    const text = `sft: 1\ndefaults:\n  domain: science\npairs:\n${sftFile(cleanPair('a').replace('domain: science', 'domain:')).split('pairs:\n')[1]}`;
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['domain']);
    assert.match(problems[0].message, /domain is empty/);
  });

  it('follows the guidelines, skips id, and fixes a missing prompt_length with the counted bucket', () => {
    const g = guidelinesFrom(
      'sft-guidelines: 1\nannotations:\n  required: [id, task, prompt_length]\n',
    );
    const text = sftFile(
      'task: open_qa\nprompt: |\n  Why is the sky blue? 🌤️\nresponse: r\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only, guidelines: g });
    assert.deepEqual(spans(text, problems), ['- task']);
    assert.equal(
      problems[0].message,
      'Missing annotation prompt_length (required by the guidelines); set it on the pair or in defaults.',
    );
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      `${text}    prompt_length: short\r\n`,
    );
  });

  it('does not fire on complete pairs (block, folded, quoted, non-Latin text) or on non-map items', () => {
    const text = sftFile(
      cleanPair('a'),
      cleanPair('b')
        .replace(/prompt: .*\n/, 'prompt: >\n  你好\n  世界\n')
        .replace(/response: .*\n/, 'response: "مرحبا \\"x\\"\\n"\n'),
    );
    assert.deepEqual(lint(text, { only }), []);
    assert.deepEqual(lint('sft: 1\npairs:\n  - text\n', { only }), []);
  });
});
