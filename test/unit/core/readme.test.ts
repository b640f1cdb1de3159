import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RULE_METAS } from '../../../src/core/rules/index';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('lists every rule with a link to its doc page', () => {
    const missing = RULE_METAS.filter((m) => !readme.includes(`(docs/rules/${m.id}.md)`)).map(
      (m) => m.id,
    );
    assert.deepEqual(missing, []);
  });

  it('the fix column says which rules have fixes, as the rules do', () => {
    const rows = new Map(
      [
        ...readme.matchAll(
          /^\| \[`([a-z-]+)`\]\(docs\/rules\/[a-z-]+\.md\) \|[^|]*\|[^|]*\|([^|]*)\|/gm,
        ),
      ].map((m) => [m[1], m[2].trim()]),
    );
    const wrong = RULE_METAS.filter(
      (m) => rows.has(m.id) && (rows.get(m.id) !== '') !== m.fixable,
    ).map((m) => `${m.id}: "${rows.get(m.id)}" but fixable ${m.fixable}`);
    assert.deepEqual(wrong, []);
  });

  it('documents every setting the extension contributes', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: {
        configuration:
          { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }>;
      };
    };
    const conf = pkg.contributes.configuration;
    const keys = (Array.isArray(conf) ? conf : [conf]).flatMap((c) => Object.keys(c.properties));
    assert.ok(keys.length > 0);
    assert.deepEqual(
      keys.filter((k) => !readme.includes(`\`${k}\``)),
      [],
    );
  });
});
