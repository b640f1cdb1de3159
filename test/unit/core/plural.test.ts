import { strict as assert } from 'node:assert';
import { plural, thousands } from '../../../src/core/plural';
import { guidelinesFrom, lint, sftFile } from '../helpers';

describe('counts agree in number', () => {
  it('plural: one, many, none, and a phrase', () => {
    assert.equal(plural(1, 'pair'), '1 pair');
    assert.equal(plural(2, 'pair'), '2 pairs');
    assert.equal(plural(0, 'problem'), '0 problems');
    assert.equal(plural(1, 'more pair'), '1 more pair');
    assert.equal(plural(3, 'more pair'), '3 more pairs');
    assert.equal(plural(2, 'entry', 'entries'), '2 entries');
  });

  it('thousands: groups digits as en-US number formatting does', () => {
    const samples = [0, 7, 999, 1000, 1200, 65536, 999999, 1000000, 123456789, -1, -1234];
    for (let i = 0; i < 200; i++) samples.push(Math.floor(Math.random() ** 4 * 1e12));
    for (const n of samples) assert.equal(thousands(n), n.toLocaleString('en-US'), String(n));
  });

  it('length-mismatch: one word and a threshold of one word', () => {
    const g = guidelinesFrom('sft-guidelines: 1\nlength: { short: 1, long: 1 }\n');
    const [p] = lint(sftFile('id: a\nprompt_length: long\nprompt: Hi\nresponse: Hello there.\n'), {
      only: 'length-mismatch',
      guidelines: g,
    });
    assert.match(p.message, /the model reads 1 word before answering .* long > 1 word\)\.$/);
  });

  it('summary-shorter: a one-word response', () => {
    const [p] = lint(
      sftFile(
        'id: a\ntask: summarization\ncontext: Short.\nprompt: Summarise.\nresponse: Longer.\n',
      ),
      { only: 'summary-shorter' },
    );
    assert.equal(
      p.message,
      'A summary is shorter than its source: the response has 1 word, the context 1.',
    );
  });
});
