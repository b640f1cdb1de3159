/**
 * Command-line parsing over `node:util` parseArgs, with errors a person can act on:
 * `unknown option --fromat (did you mean --format?)`, a missing value, a bad choice.
 */
import { parseArgs } from 'node:util';
import { suggestId } from '../core/suggest';

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One option a command takes. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** For string options with a closed set of values. */
  choices?: readonly string[];
}

/** The options of a command by long name. */
export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed values: strings for string options, true for flags given. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** "Did you mean" for a word among candidates, dashes and underscores alike. */
export const didYouMean = suggestId;

/** Parse argv for a command; throws {@link UsageError} on anything it does not know. */
export function parseCommandArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options: OptionSpecs = { ...specs, help: { type: 'boolean', short: 'h' } };
  const names = Object.keys(options);
  const shorts = new Map(
    Object.entries(options)
      .filter(([, s]) => s.short)
      .map(([n, s]) => [s.short!, n]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(options).map(([n, s]) => [
        n,
        s.short ? { type: s.type, short: s.short } : { type: s.type },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (const token of tokens ?? []) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const name = token.rawName.startsWith('--')
      ? token.name
      : (shorts.get(token.name) ?? token.name);
    const spec = options[name];
    if (!spec) {
      const hint = token.rawName.startsWith('--') ? didYouMean(token.name, names) : undefined;
      throw new UsageError(
        `unknown option ${token.rawName}${hint ? ` (did you mean --${hint}?)` : ''}`,
      );
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option --${name} takes no value`);
      values[name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value.length > 1))
      throw new UsageError(`option --${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      const hint = didYouMean(value, spec.choices);
      throw new UsageError(
        `invalid value "${value}" for --${name}${hint ? ` (did you mean ${hint}?)` : ''}; expected one of ${spec.choices.join(', ')}`,
      );
    }
    values[name] = value;
  }
  return { values, positionals };
}

/** A non-negative integer option value, or a usage error. */
export function intOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`option --${name} needs a whole number, not "${value}"`);
  return Number.parseInt(value, 10);
}

/** A string option value (undefined when absent). */
export function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
