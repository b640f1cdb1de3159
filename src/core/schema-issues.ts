/**
 * zod issues in words a writer can act on: every message names the place (`rules.repetition`,
 * `patterns[1].id`), says what is allowed there and what was found, e.g.
 * `rules.repetition: expected off, info, warning or error, or { severity, ... }, got "bogus"`.
 * What is allowed is read from the schema itself, so a new field gets clear messages without
 * new words; `expectedWords` adds words where a shape cannot say it (a regex, a share).
 *
 * The schemas are read through zod's core definitions (`_zod.def`), which classic zod and
 * zod/mini share, so this works whichever flavour builds them.
 */
import { globalRegistry, registry, type core } from 'zod/mini';
import { suggest } from './suggest';

/** Words for what a schema accepts, where its shape alone cannot say it. */
export const expectedWords = registry<{ expected: string }>();

type Schema = core.$ZodType;
/** The parts of zod's core definitions this file reads. */
interface Def {
  type: string;
  innerType?: Schema;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  shape?: Record<PropertyKey, Schema>;
  catchall?: Schema;
  options?: readonly Schema[];
}
const defOf = (s: Schema): Def => s._zod.def as unknown as Def;
const kindOf = (s: Schema | undefined): string | undefined => (s ? defOf(s).type : undefined);

/** One issue, explained: the path of the value (or map) at fault and the message. */
export interface ExplainedIssue {
  path: PropertyKey[];
  message: string;
  /** Set when the fault is a key of the map at `path` (an unknown or malformed key): point at the key. */
  key?: string;
  /** An unknown key (a warning, unlike every other issue). */
  unknownKey?: boolean;
  /** The key the writer probably meant, for a did-you-mean fix. */
  hint?: string;
}

type Issue = core.$ZodIssue;
interface CheckDef {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  minimum?: number;
  pattern?: RegExp;
}

/** `patterns[1].id`, `rules.near-duplicate`; the whole file when the path is empty. */
export function pathLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path)
    out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out || 'The guidelines file';
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The schema inside optional, default and nullable wrappers. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (
    let d = defOf(s);
    (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType;
    d = defOf(s)
  )
    s = d.innerType;
  return s;
}

function checksOf(schema: Schema): CheckDef[] {
  return (defOf(schema).checks ?? []).map((c) => c._zod.def);
}

function enumOptions(schema: Schema): string[] {
  return Object.values(defOf(schema).entries ?? {}).map(String);
}

function numberWords(schema: Schema): string {
  const checks = checksOf(schema);
  const int = checks.some(
    (c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'),
  );
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  // A whole number above 0 is one of at least 1: say it the way a writer counts.
  const bound = (
    c: CheckDef | undefined,
    step: 1 | -1,
  ): { n: number; strict: boolean } | undefined => {
    if (!c || typeof c.value !== 'number') return undefined;
    return !c.inclusive && int
      ? { n: c.value + step, strict: false }
      : { n: c.value, strict: !c.inclusive };
  };
  const lo = bound(low, 1);
  const hi = bound(high, -1);
  const kind = int ? 'a whole number' : 'a number';
  if (lo && hi && !lo.strict && !hi.strict) return `${kind} from ${lo.n} to ${hi.n}`;
  const parts = [
    lo && (lo.strict ? `above ${lo.n}` : `of at least ${lo.n}`),
    hi && (hi.strict ? `below ${hi.n}` : `of at most ${hi.n}`),
  ].filter(Boolean);
  return [kind, ...parts].join(' ');
}

function stringWords(schema: Schema): string {
  const checks = checksOf(schema);
  const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
  if (regex?.pattern) return `text matching ${String(regex.pattern)}`;
  return checks.some((c) => c.check === 'min_length' && (c.minimum ?? 0) > 0)
    ? 'non-empty text'
    : 'text';
}

/** What a schema accepts, in words. */
export function expected(schema: Schema): string {
  const words = expectedWords.get(schema)?.expected;
  if (words) return words;
  const s = unwrap(schema);
  if (s !== schema) return expected(s);
  const d = defOf(s);
  switch (d.type) {
    case 'enum':
      return orList(enumOptions(s));
    case 'literal':
      return orList((d.values ?? []).map(String));
    case 'string':
      return stringWords(s);
    case 'number':
      return numberWords(s);
    case 'boolean':
      return 'true or false';
    case 'array':
      return d.element ? `a list whose items are ${expected(d.element)}` : 'a list';
    case 'record': {
      const key = d.keyType && unwrap(d.keyType);
      const values = d.valueType ? expected(d.valueType) : 'values';
      return !key || (kindOf(key) === 'string' && !checksOf(key).length)
        ? `a map whose values are ${values}`
        : `a map from ${expected(key)} to ${values}`;
    }
    case 'object': {
      const loose = d.catchall !== undefined && kindOf(d.catchall) !== 'never';
      return `{ ${[...Object.keys(d.shape ?? {}), ...(loose ? ['...'] : [])].join(', ')} }`;
    }
    case 'union':
      return (d.options ?? []).map((o) => expected(o)).join(', or ');
    default:
      return globalRegistry.get(s)?.description ?? 'a valid value';
  }
}

/** The schema of the value at `path` below `schema` (through unions, the first option that has it). */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let s: Schema | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    s = childOf(unwrap(s), seg);
  }
  return s;
}

function childOf(s: Schema, seg: PropertyKey): Schema | undefined {
  const d = defOf(s);
  if (d.type === 'object') {
    const own = d.shape && Object.hasOwn(d.shape, seg) ? d.shape[seg] : undefined;
    return own ?? (kindOf(d.catchall) === 'never' ? undefined : d.catchall);
  }
  if (d.type === 'record') return d.valueType;
  if (d.type === 'array') return d.element;
  if (d.type === 'union') {
    for (const o of d.options ?? []) {
      const c = childOf(unwrap(o), seg);
      if (c) return c;
    }
  }
  return undefined;
}

/** The values a value could have meant: an enum's options, also as an option of a union. */
function choices(schema: Schema | undefined): string[] {
  const s = schema && unwrap(schema);
  if (!s) return [];
  const d = defOf(s);
  if (d.type === 'enum') return enumOptions(s);
  if (d.type === 'union')
    return (d.options ?? []).flatMap((o) => (kindOf(unwrap(o)) === 'enum' ? choices(o) : []));
  return [];
}

/** The keys a map takes: an object's own keys, or the values of a record's enum key. */
function keysOf(schema: Schema | undefined): string[] {
  const s = schema && unwrap(schema);
  if (!s) return [];
  const d = defOf(s);
  if (d.type === 'object') return Object.keys(d.shape ?? {});
  if (d.type === 'record') return choices(d.keyType);
  return [];
}

/** The value as a message quotes it. */
function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function didYouMean(value: unknown, options: readonly string[]): string | undefined {
  return typeof value === 'string' && options.length ? suggest(value, options) : undefined;
}

/** Whether a union option took the value as a whole (its issues are about the value's insides or keys). */
function tookKind(issues: readonly Issue[]): boolean {
  return !issues.some((i) => i.path.length === 0 && i.code !== 'unrecognized_keys');
}

function explainOne(
  issue: Issue,
  root: Schema,
  prefix: readonly PropertyKey[],
  out: ExplainedIssue[],
): void {
  const path = [...prefix, ...issue.path];
  const at = schemaAt(root, issue.path);
  const label = pathLabel(path);
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysOf(at);
    for (const key of issue.keys) {
      const hint = suggest(key, allowed);
      const where = path.length ? ` in ${label}` : '';
      out.push({
        path,
        key,
        unknownKey: true,
        hint,
        message: `Unknown key "${key}"${where}${hint ? `; did you mean "${hint}"?` : ''}${allowed.length ? ` Expected ${orList(allowed)}.` : ''}`,
      });
    }
    return;
  }
  if (issue.code === 'invalid_key') {
    const map = schemaAt(root, issue.path.slice(0, -1));
    const record = map && unwrap(map);
    const keyType = record && kindOf(record) === 'record' ? defOf(record).keyType : undefined;
    const key = String(issue.path[issue.path.length - 1]);
    const hint = didYouMean(key, choices(keyType));
    out.push({
      path: path.slice(0, -1),
      key,
      hint,
      message: `${pathLabel(path.slice(0, -1))}: key "${key}" is not allowed; expected ${keyType ? expected(keyType) : 'a valid key'}${hint ? `; did you mean "${hint}"?` : ''}`,
    });
    return;
  }
  if (issue.code === 'invalid_union' && input !== null && typeof input === 'object') {
    // A map or list given where one option takes maps or lists: what is wrong is inside it.
    const union = at && unwrap(at);
    const options = union && kindOf(union) === 'union' ? (defOf(union).options ?? []) : [];
    const took = issue.errors
      .map((errs, i) => ({ errs, option: options[i] }))
      .filter((b) => b.option && tookKind(b.errs));
    if (took.length === 1) {
      for (const sub of took[0].errs) explainOne(sub, took[0].option, path, out);
      return;
    }
  }
  const what = at ? expected(at) : 'a valid value';
  if (input === undefined) {
    out.push({ path, message: `${label} is missing; expected ${what}` });
    return;
  }
  const hint = didYouMean(input, choices(at));
  out.push({
    path,
    message: `${label}: expected ${what}, got ${found(input)}${hint ? `; did you mean "${hint}"?` : ''}`,
  });
}

/**
 * Explain the issues of `schema.safeParse(input, { reportInput: true })`: one entry per
 * fault (an unknown key each), the same fault said once. `prefix` is where `input` sits in
 * the file (`['rules', 'repetition']` for one rule's options).
 */
export function explainIssues(
  issues: readonly Issue[],
  schema: Schema,
  prefix: readonly PropertyKey[] = [],
): ExplainedIssue[] {
  const out: ExplainedIssue[] = [];
  for (const issue of issues) explainOne(issue, schema, prefix, out);
  const seen = new Set<string>();
  return out.filter((e) => {
    const id = `${pathLabel(e.path)}\u0000${e.key ?? ''}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
