import { strict as assert } from 'node:assert';
import { blocksExport } from '../../../src/core/export/blocking';
import { parseSft } from '../../../src/core/parse/parse';
import type { Problem } from '../../../src/core/types';

const FILE = `sft: 1
defaults:
  status: approved
pairs:
  - id: a-1
    prompt: Own status from the defaults.
    response: Yes.
  - id: d-2
    status: draft
    prompt: A draft.
    response: Not yet.
`;

describe('problems that block an export', () => {
  const model = parseSft(FILE);
  const at = (s: string, severity: Problem['severity'] = 'error'): Problem => ({
    rule: 'schema',
    severity,
    message: 'm',
    start: FILE.indexOf(s),
    end: FILE.indexOf(s) + s.length,
  });
  const inApproved = at('Own status');
  const inDraft = at('A draft');
  const inHeader = at('sft: 1');

  it('an error in an exported pair blocks; one in a pair the statuses leave out does not', () => {
    assert.equal(blocksExport(inApproved, model, ['approved']), true);
    assert.equal(blocksExport(inDraft, model, ['approved']), false);
    assert.equal(blocksExport(inDraft, model, ['approved', 'draft']), true);
  });

  it('a pair without its own status takes the default; a pair with none matches the empty status', () => {
    assert.equal(blocksExport(inApproved, model, ['draft']), false);
    const none = parseSft(FILE.replace('defaults:\n  status: approved\n', ''));
    const noStatus = {
      ...inApproved,
      start: none.text.indexOf('Own status'),
      end: none.text.indexOf('Own status') + 3,
    };
    assert.equal(blocksExport(noStatus, none, ['']), true);
    assert.equal(blocksExport(noStatus, none, ['approved']), false);
  });

  it('errors outside pairs, in unreadable files, or with every status exported always block; warnings never do', () => {
    assert.equal(blocksExport(inHeader, model, ['approved']), true);
    assert.equal(blocksExport(inDraft, undefined, ['approved']), true);
    assert.equal(blocksExport(inDraft, model, undefined), true);
    for (const severity of ['warning', 'info'] as const)
      assert.equal(blocksExport(at('Own status', severity), model, undefined), false);
  });
});
