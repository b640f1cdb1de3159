/**
 * What the annotations view shows of one pair: id, counts, bucket and status, a picker per
 * closed annotation (the guidelines' values with their meanings, each marked when the
 * workspace is below its coverage target), and the pair's problems with their fixes. No
 * vscode import: unit-tested on real YAML.
 */
import { COVERAGE_KEYS, type Coverage, type CoverageKey } from '../../core/coverage';
import { effectiveField } from '../../core/fields';
import type { Guidelines } from '../../core/guidelines';
import { pairRef } from '../../core/edit/intent';
import { scalarText, stringList, type PairModel } from '../../core/parse/model';
import { pairView } from '../../core/parse/pair-view';
import type { SftFileModel } from '../../core/parse/parse';
import type { TokenCounter } from '../../core/services';
import type { TokenizerName } from '../../core/text/tokens';
import type { Problem } from '../../core/types';
import type { PickerState, ShownPair } from '../../shared/annotations-protocol';
import { choicesOf } from '../editor/choices';
import { problemState } from '../editor/pair-states';

/** What a shown pair is made from besides the pair. */
export interface ShownPairInput {
  uri: string;
  file: string;
  version: number;
  model: SftFileModel;
  problems: readonly Problem[];
  guidelines: Guidelines;
  /** The workspace's coverage against the guidelines' targets, when the index has one. */
  coverage?: Coverage;
  tokens: TokenCounter;
  tokenizer: TokenizerName;
  from: ShownPair['from'];
}

/** The pickers' order: what the prompt asks, how, the answer's shape, then subject, language, traits, QA. */
const ORDER = ['task', 'prompt_type', 'response_type', 'domain', 'language', 'traits', 'status'];

/** The pair as the annotations view shows it. */
export function shownPair(pair: PairModel, input: ShownPairInput): ShownPair {
  const { model, guidelines: g } = input;
  const view = pairView(model, pair);
  const counts = view.counts(g);
  const { start, end } = view.range;
  return {
    uri: input.uri,
    file: input.file,
    version: input.version,
    ref: pairRef(model, pair),
    index: pair.index,
    id: pair.id,
    from: input.from,
    promptWords: counts.promptWords,
    responseWords: counts.responseWords,
    bucket: counts.bucket,
    status: view.annotations.status,
    tokens: { ...view.tokens(input.tokens, input.tokenizer), tokenizer: input.tokenizer },
    pickers: pickers(model, pair, g, input.coverage),
    problems: input.problems
      .filter((p) => p.start >= start && p.start <= end)
      .map((p) => problemState(p)),
    handbook: !!g.handbook,
  };
}

function pickers(
  model: SftFileModel,
  pair: PairModel,
  g: Guidelines,
  coverage: Coverage | undefined,
): PickerState[] {
  const all = choicesOf(g);
  return ORDER.filter((key) => all[key]).map((key) => {
    const own = valuesAt(pair.fields.get(key)?.value);
    const inherited = own.length ? [] : valuesAt(effectiveField(model, pair, key)?.value);
    const buckets = isCoverageKey(key) ? coverage?.annotations[key].buckets : undefined;
    return {
      key,
      multi: key === 'traits',
      value: own,
      inherited: inherited.length ? inherited : undefined,
      choices: all[key].map((c) => {
        const b = buckets?.find((x) => x.value === c.value);
        return b?.target !== undefined && b.meets === false
          ? { ...c, below: { count: b.count, target: b.target, gap: b.gap } }
          : c;
      }),
    };
  });
}

/** A field's value as a list of words (one for a scalar, each item of a list). */
function valuesAt(node: Parameters<typeof scalarText>[0]): string[] {
  const one = scalarText(node);
  if (one !== undefined) return one === '' ? [] : [one];
  return stringList(node) ?? [];
}

function isCoverageKey(key: string): key is CoverageKey {
  return (COVERAGE_KEYS as readonly string[]).includes(key);
}
