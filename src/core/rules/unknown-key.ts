import { isMap, isScalar, isSeq, type Node, type Pair as YamlPair, type YAMLMap } from 'yaml';
import { DEFAULT_KEYS, EXAMPLE_KEYS, FILE_KEYS, PAIR_KEYS, REVIEW_KEYS } from '../annotations';
import { mapEntries, type Field } from '../parse/model';
import { suggest } from '../suggest';
import type { LintRule, Report } from '../rule';

const FILE = new Set<string>(FILE_KEYS);
const DEFAULTS = new Set<string>(DEFAULT_KEYS);
const PAIR = new Set<string>(PAIR_KEYS);
const EXAMPLE = new Set<string>(EXAMPLE_KEYS);
const REVIEW = new Set<string>(REVIEW_KEYS);

/**
 * Report each key of `entries` not in `known`, with a did-you-mean fix unless the suggested
 * key is already there: renaming onto it would repeat the key, and YAML readers that take the
 * last of a repeated key would read the renamed value in place of the one that is there.
 */
function checkKeys(
  entries: readonly Field[],
  known: ReadonlySet<string>,
  candidates: readonly string[],
  where: string,
  report: (r: Report) => void,
  note?: (key: string) => string | undefined,
): void {
  for (const f of entries) {
    if (known.has(f.key)) continue;
    const r = f.keyNode.range!;
    const explained = note?.(f.key);
    const hint = explained ? undefined : suggest(f.key, candidates);
    const taken = hint !== undefined && entries.some((e) => e.key === hint);
    report({
      start: r[0],
      end: r[1],
      message:
        explained ??
        `Unknown key "${f.key}" in ${where}${hint ? `; did you mean "${hint}"?` : `. Known keys: ${candidates.join(', ')}.`}`,
      fixes:
        hint && !taken
          ? [
              {
                title: `Change to "${hint}"`,
                edits: [{ start: r[0], end: r[1], newText: hint }],
                preferred: true,
              },
            ]
          : undefined,
    });
  }
}

/** checkKeys over each map item of a list (examples, review notes). */
function checkItems(
  node: Node | null | undefined,
  src: string,
  known: ReadonlySet<string>,
  candidates: readonly string[],
  where: string,
  report: (r: Report) => void,
): void {
  if (!isSeq(node)) return;
  for (const item of node.items as (Node | null)[]) {
    // Most items hold known keys only: test the keys before building the entries.
    if (isMap(item) && !allKnown(item, src, known))
      checkKeys(mapEntries(item, src), known, candidates, where, report);
  }
}

/** True when every key of a map is in `known` (keys read as mapEntries reads them). */
function allKnown(map: YAMLMap, src: string, known: ReadonlySet<string>): boolean {
  for (const item of map.items as YamlPair<Node | null, Node | null>[]) {
    const k = item.key;
    if (isScalar(k) && k.range && !known.has(String(k.value ?? src.slice(k.range[0], k.range[1]))))
      return false;
  }
  return true;
}

/** Keys SPEC 1 does not define, at the top, in defaults, in pairs, examples and review notes. */
export const unknownKey: LintRule = {
  meta: {
    id: 'unknown-key',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    description: 'A key the format does not define (often a typo); did-you-mean fix.',
  },
  checkFile(ctx) {
    const { file, report } = ctx;
    checkKeys(file.header, FILE, FILE_KEYS, 'the file', report);
    const defaults = file.header.find((f) => f.key === 'defaults')?.value;
    if (!isMap(defaults)) return;
    checkKeys(mapEntries(defaults, file.text), DEFAULTS, DEFAULT_KEYS, 'defaults', report, (key) =>
      PAIR.has(key)
        ? `"${key}" belongs to each pair, not to defaults (defaults hold annotations: ${DEFAULT_KEYS.join(', ')}).`
        : undefined,
    );
  },
  checkPair(ctx) {
    const { pair, report } = ctx;
    if (!isMap(pair.node)) return;
    checkKeys(pair.entries, PAIR, PAIR_KEYS, 'this pair', report);
    checkItems(
      pair.fields.get('examples')?.value,
      pair.src,
      EXAMPLE,
      EXAMPLE_KEYS,
      'an example',
      report,
    );
    checkItems(
      pair.fields.get('review')?.value,
      pair.src,
      REVIEW,
      REVIEW_KEYS,
      'a review note',
      report,
    );
  },
};
