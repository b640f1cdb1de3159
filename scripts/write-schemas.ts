// Writes schemas/*.json from the zod schemas: `npm run schemas`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/core/json-schemas';

mkdirSync('schemas', { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(join('schemas', name), text);
  console.log(`wrote schemas/${name}`);
}
