// Generates syntaxes/sft-yaml*.tmLanguage.json (the grammar embeds source.yaml; an injection
// grammar marks annotation keys, known values, sft-ignore comments and placeholders).
// The keys and values come from the field table, src/core/fields.ts, bundled here in memory.
// Run: node scripts/gen-grammar.mjs
import fs from 'node:fs';
import { build } from 'esbuild';

const { outputFiles } = await build({
  entryPoints: ['src/core/fields.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const { fieldsAt, closedValues } = await import(
  `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`
);
/** The pair's annotation keys: everything but its id, texts and lists of entries. */
const annotations = fieldsAt('pair').filter((f) => !['id', 'text', 'entries'].includes(f.shape));
const keys = annotations.map((f) => f.key);
const vals = Object.fromEntries(
  annotations
    .filter((f) => closedValues(f.key))
    .map((f) => [f.key, closedValues(f.key).map((v) => v.value)]),
);
const closed = Object.keys(vals);
const main = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'SFT YAML',
  scopeName: 'source.sft-yaml',
  comment:
    'YAML, plus (injected by sft-yaml.injection) annotation keys, known annotation values, sft-ignore comments and placeholders.',
  patterns: [{ include: 'source.yaml' }],
};
const placeholder = {
  name: 'invalid.illegal.placeholder.sft-yaml',
  match: '(?i)\\b(?:TODO|TBD|FIXME|lorem ipsum)\\b|\\[\\s*insert\\b[^\\]\\n]*\\]',
};
const injection = {
  $schema: main.$schema,
  scopeName: 'sft-yaml.injection',
  injectionSelector: 'L:source.sft-yaml -comment',
  comment:
    'Annotation keys and values on their own `key: value` line, placeholders anywhere in text, silence comments.',
  patterns: [
    { include: '#annotation-value-line' },
    { include: '#annotation-key' },
    { include: '#flow-trait' },
    { include: '#silence' },
    { include: '#placeholder' },
  ],
  repository: {
    'annotation-value-line': {
      comment: 'key: known-value on one line (the value is a plain scalar).',
      match: `(?<=^|^\\s*-\\s|^\\s*-\\s\\s|\\G)\\s*(${closed.join('|')})\\s*(:)[ \\t]+(${[...new Set(Object.values(vals).flat())].join('|')})(?=[ \\t]*(?:#.*)?$)`,
      captures: {
        1: { name: 'entity.name.tag.yaml support.type.property-name.annotation.sft-yaml' },
        2: { name: 'punctuation.separator.map.value.yaml' },
        3: { name: 'constant.language.annotation-value.sft-yaml' },
      },
    },
    'annotation-key': {
      match: `\\b(${keys.join('|')})(?=\\s*:(?:\\s|$))`,
      name: 'entity.name.tag.yaml support.type.property-name.annotation.sft-yaml',
    },
    'flow-trait': {
      comment: 'A known trait inside a flow list: traits: [scene_setting, persona].',
      match: `(?<=\\[|,|\\[ |, )(${vals.traits.join('|')})(?=[ \\t]*[,\\]])`,
      name: 'constant.language.annotation-value.sft-yaml',
    },
    silence: {
      match: '(#)\\s*(sft-ignore)\\b([^:\\n]*)(:?)(.*)$',
      captures: {
        0: { name: 'comment.line.number-sign.yaml' },
        1: { name: 'punctuation.definition.comment.yaml' },
        2: { name: 'keyword.control.directive.sft-ignore.sft-yaml' },
        3: { name: 'entity.name.function.rule-id.sft-yaml' },
      },
    },
    placeholder,
  },
};
fs.writeFileSync('syntaxes/sft-yaml.tmLanguage.json', JSON.stringify(main, null, 2) + '\n');
fs.writeFileSync(
  'syntaxes/sft-yaml.injection.tmLanguage.json',
  JSON.stringify(injection, null, 2) + '\n',
);
