/** Shared helpers for unit tests over the core. */
import { FileLinter } from '../../src/core/lint';
import { defaultGuidelines, loadGuidelines, type Guidelines } from '../../src/core/guidelines';
import type { Problem } from '../../src/core/types';
import { RULE_METAS } from '../../src/core/rules/index';
import { applyEdits } from '../../src/core/edit/apply';
import { nodeTextServices } from '../../src/node/text-services';

/** The Node text services (token counts, language detection) over the data next to the test bundle. */
export const services = nodeTextServices();

/** Guidelines from YAML text (throws when the text has problems, to keep tests honest). */
export function guidelinesFrom(yaml: string): Guidelines {
  const { guidelines, problems } = loadGuidelines(yaml, 'sft.guidelines.yaml', RULE_METAS);
  if (problems.length)
    throw new Error(`test guidelines have problems: ${problems.map((p) => p.message).join('; ')}`);
  return guidelines;
}

/** Lint a text; `only` keeps the problems of one rule. */
export function lint(
  text: string,
  opts: { guidelines?: Guidelines; only?: string } = {},
): Problem[] {
  const problems = new FileLinter(opts.guidelines ?? defaultGuidelines(), services).lint(
    text,
  ).problems;
  return opts.only ? problems.filter((p) => p.rule === opts.only) : problems;
}

/** The exact source text each problem points at. */
export function spans(text: string, problems: readonly Problem[]): string[] {
  return problems.map((p) => text.slice(p.start, p.end));
}

/** Apply edits (non-overlapping, original offsets) to a text: core's own splice, which refuses overlaps. */
export { applyEdits };

/**
 * A well-formed pair file around the given pair body lines (indented 4, under `  - `).
 * `pair({ id: 'x', prompt: 'Hi' })` style keeps tests short; values are written as given.
 */
export function sftFile(...pairs: string[]): string {
  return `sft: 1\npairs:\n${pairs.map((p) => p.replace(/^/, '  - ').replace(/\n(?=.)/g, '\n    ')).join('')}`;
}

/** A complete, clean pair body (every default-required annotation, a descriptive answer). */
export function cleanPair(id: string, extra = ''): string {
  return `id: ${id}
task: open_qa
prompt_type: instructive
response_type: descriptive
domain: science
language: en
status: draft
prompt: Why is the sky blue on a clear day?
response: Sunlight is scattered by the molecules in the air, and blue light is scattered much more than red because of its shorter wavelength. Our eyes therefore see blue coming from every part of the sky.
${extra}`;
}
