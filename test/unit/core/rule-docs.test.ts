import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { RULE_METAS } from '../../../src/core/rules/index';

describe('rule catalogue', () => {
  it('rule ids are unique and kebab-case', () => {
    const ids = RULE_METAS.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  for (const meta of RULE_METAS) {
    it(`${meta.id} has a doc page that names it and its default severity`, () => {
      const path = `docs/rules/${meta.id}.md`;
      assert.ok(existsSync(path), `${path} is missing`);
      const doc = readFileSync(path, 'utf8');
      assert.match(doc, new RegExp(`^# ${meta.id}\\b`));
      assert.match(doc, new RegExp(`Default severity:\\*\\*\\s*${meta.defaultSeverity}`));
    });
  }
});
