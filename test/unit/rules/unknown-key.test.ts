import { strict as assert } from 'node:assert';
import { applyEdits, cleanPair, lint, sftFile, spans } from '../helpers';

const only = 'unknown-key';

describe('unknown-key', () => {
  it('fires at the top, in defaults, in pairs, examples and review notes, with did-you-mean fixes', () => {
    const text = `sft: 1
defualts:
  language: en
defaults:
  langauge: en
  prompt: no
pairs:
  - id: a
    Prompt: Hi
    respones: Hello
    examples:
      - input: x
        ouput: y
    review:
      - by: sam
        notes: fix
        resolvd: true
    colour: blue
`;
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), [
      'defualts',
      'langauge',
      'prompt',
      'Prompt',
      'respones',
      'ouput',
      'notes',
      'resolvd',
      'colour',
    ]);
    assert.equal(
      problems[0].message,
      'Unknown key "defualts" in the file; did you mean "defaults"?',
    );
    assert.match(problems[2].message, /"prompt" belongs to each pair, not to defaults/);
    assert.equal(problems[2].fixes, undefined);
    assert.match(problems[8].message, /Unknown key "colour" in this pair\. Known keys: id, task/);
    assert.equal(problems[8].fixes, undefined);
    const fixed = applyEdits(
      text,
      problems.flatMap((p) => p.fixes?.find((f) => f.preferred)?.edits ?? []),
    );
    // "defaults" is already there, so renaming "defualts" onto it is not offered.
    assert.equal(problems[0].fixes, undefined);
    assert.equal(
      fixed,
      text
        .replace('langauge', 'language')
        .replace('Prompt', 'prompt')
        .replace('respones', 'response')
        .replace('ouput', 'output')
        .replace('notes', 'note')
        .replace('resolvd', 'resolved'),
    );
  });

  it('offers no rename onto a key that is already there (YAML readers would take the renamed value)', () => {
    const text = sftFile('id: a\ntask: open_qa\ntsak: open_qa\nprompt: p\nresponse: r\n');
    const [p] = lint(text, { only });
    assert.equal(spans(text, [p])[0], 'tsak');
    assert.match(p.message, /did you mean "task"\?/);
    assert.equal(p.fixes, undefined);
  });

  it('points at quoted keys and works with CRLF and non-Latin keys', () => {
    const text = sftFile(
      'id: a\n"promt": |\n  שלום 🎉\nответ: >\n  你好\nresponse: "say \\"hi\\"\\n"\n',
    ).replace(/\n/g, '\r\n');
    const problems = lint(text, { only });
    assert.deepEqual(spans(text, problems), ['"promt"', 'ответ']);
    assert.equal(applyEdits(text, problems[0].fixes![0].edits), text.replace('"promt"', 'prompt'));
  });

  it('handles flow-map pairs', () => {
    const text = 'sft: 1\npairs: [{id: a, prompt: p, response: r, domian: law}]\n';
    const [p] = lint(text, { only });
    assert.equal(applyEdits(text, p.fixes![0].edits), text.replace('domian', 'domain'));
  });

  it('does not fire on every known key', () => {
    const text = `sft: 1
defaults:
  task: open_qa
  prompt_type: instructive
  response_type: descriptive
  domain: science
  language: en
  traits: [persona]
  status: draft
  author: priya
  reviewer: sam
  tags: [b1]
pairs:
${sftFile(cleanPair('a', 'system: s\ncontext: c\nexamples:\n  - input: i\n    output: o\nlabels: [x]\nprompt_length: short\nreview:\n  - by: sam\n    note: n\n    resolved: true\ntags: [t]\n')).split('pairs:\n')[1]}`;
    assert.deepEqual(lint(text, { only }), []);
  });
});
