import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../../src/core/json-schemas';

describe('JSON Schemas', () => {
  for (const [name, text] of Object.entries(jsonSchemas())) {
    it(`schemas/${name} matches the zod schema (run \`npm run schemas\` when this fails)`, () => {
      const committed = readFileSync(join('schemas', name), 'utf8');
      assert.equal(committed, text);
    });
  }

  it('describe every annotation value set of the pair schema', () => {
    const pair = JSON.parse(jsonSchemas()['sft.schema.json']) as {
      properties: { pairs: { items: { properties: Record<string, { enum?: string[] }> } } };
    };
    const props = pair.properties.pairs.items.properties;
    assert.equal(props.task.enum?.length, 10);
    assert.deepEqual(props.prompt_type.enum, ['instructive', 'continuation', 'in_context']);
  });
});
