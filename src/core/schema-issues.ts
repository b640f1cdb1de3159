/**
 * zod issues in words a writer can act on: every message names the place (`rules.repetition`,
 * `patterns[1].id`), says what is allowed there and what was found, e.g.
 * `rules.repetition: expected off, info, warning or error, or { severity, threshold, ... }, got "bogus"`.
 * What is allowed is read from the schema itself, so a new field gets clear messages without
 * new words; `expectedWords` adds words where a shape cannot say it (a regex, a share).
 */
import { z } from 'zod';
import { suggest } from './suggest';

/** Words for what a schema accepts, where its shape alone cannot say it. */
export const expectedWords = z.registry<{ expected: string }>();

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

type Issue = z.core.$ZodIssue;
interface CheckDef { check: string; value?: unknown; inclusive?: boolean; format?: string; minimum?: number; pattern?: RegExp }

/** `patterns[1].id`, `rules.near-duplicate`; the whole file when the path is empty. */
export function pathLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  return out || 'The guidelines file';
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The schema inside optional, default and nullable wrappers. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.def.innerType;
  return s;
}

function checksOf(schema: z.ZodString | z.ZodNumber): CheckDef[] {
  return (schema.def.checks ?? []).map((c) => c._zod.def as CheckDef);
}

function numberWords(schema: z.ZodNumber): string {
  const checks = checksOf(schema);
  const int = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  // A whole number above 0 is one of at least 1: say it the way a writer counts.
  const bound = (c: CheckDef | undefined, step: 1 | -1): { n: number; strict: boolean } | undefined => {
    if (!c || typeof c.value !== 'number') return undefined;
    return !c.inclusive && int ? { n: c.value + step, strict: false } : { n: c.value, strict: !c.inclusive };
  };
  const lo = bound(low, 1);
  const hi = bound(high, -1);
  const kind = int ? 'a whole number' : 'a number';
  if (lo && hi && !lo.strict && !hi.strict) return `${kind} from ${lo.n} to ${hi.n}`;
  const parts = [lo && (lo.strict ? `above ${lo.n}` : `of at least ${lo.n}`), hi && (hi.strict ? `below ${hi.n}` : `of at most ${hi.n}`)].filter(Boolean);
  return [kind, ...parts].join(' ');
}

function stringWords(schema: z.ZodString): string {
  const checks = checksOf(schema);
  const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex');
  if (regex?.pattern) return `text matching ${String(regex.pattern)}`;
  return checks.some((c) => c.check === 'min_length' && (c.minimum ?? 0) > 0) ? 'non-empty text' : 'text';
}

/** What a schema accepts, in words. */
export function expected(schema: z.core.$ZodType): string {
  const words = expectedWords.get(schema)?.expected;
  if (words) return words;
  const s = unwrap(schema);
  if (s !== schema) return expected(s);
  if (s instanceof z.ZodEnum) return orList(s.options.map(String));
  if (s instanceof z.ZodLiteral) return orList([...s.values].map(String));
  if (s instanceof z.ZodString) return stringWords(s);
  if (s instanceof z.ZodNumber) return numberWords(s);
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodArray) return `a list whose items are ${expected(s.element)}`;
  if (s instanceof z.ZodRecord) {
    const key = unwrap(s.keyType);
    const values = expected(s.valueType);
    return key instanceof z.ZodString && !checksOf(key).length ? `a map whose values are ${values}` : `a map from ${expected(key)} to ${values}`;
  }
  if (s instanceof z.ZodObject) {
    const loose = s.def.catchall !== undefined && !(s.def.catchall instanceof z.ZodNever);
    return `{ ${[...Object.keys(s.shape), ...(loose ? ['...'] : [])].join(', ')} }`;
  }
  if (s instanceof z.ZodUnion) return s.options.map((o) => expected(o)).join(', or ');
  return (s as z.ZodType).description ?? 'a valid value';
}

/** The schema of the value at `path` below `schema` (through unions, the first option that has it). */
export function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let s: z.core.$ZodType | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    s = childOf(unwrap(s), seg);
  }
  return s;
}

function childOf(s: z.core.$ZodType, seg: PropertyKey): z.core.$ZodType | undefined {
  if (s instanceof z.ZodObject) {
    const own = (s.shape as Record<PropertyKey, z.core.$ZodType | undefined>)[seg];
    return own ?? (s.def.catchall instanceof z.ZodNever ? undefined : s.def.catchall);
  }
  if (s instanceof z.ZodRecord) return s.valueType;
  if (s instanceof z.ZodArray) return s.element;
  if (s instanceof z.ZodUnion) {
    for (const o of s.options) { const c = childOf(unwrap(o), seg); if (c) return c; }
  }
  return undefined;
}

/** The values a value could have meant: an enum's options, also as an option of a union. */
function choices(schema: z.core.$ZodType | undefined): string[] {
  const s = schema && unwrap(schema);
  if (s instanceof z.ZodEnum) return s.options.map(String);
  if (s instanceof z.ZodUnion) return s.options.flatMap((o) => (unwrap(o) instanceof z.ZodEnum ? choices(o) : []));
  return [];
}

/** The keys a map takes: an object's own keys, or the values of a record's enum key. */
function keysOf(schema: z.core.$ZodType | undefined): string[] {
  const s = schema && unwrap(schema);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodRecord) return choices(s.keyType);
  return [];
}

/** The value as a message quotes it. */
function found(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
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

function explainOne(issue: Issue, root: z.core.$ZodType, prefix: readonly PropertyKey[], out: ExplainedIssue[]): void {
  const path = [...prefix, ...issue.path];
  const at = schemaAt(root, issue.path);
  const label = pathLabel(path);
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysOf(at);
    for (const key of issue.keys) {
      const hint = suggest(key, allowed);
      const where = path.length ? ` in ${label}` : '';
      out.push({ path, key, unknownKey: true, hint, message: `Unknown key "${key}"${where}${hint ? `; did you mean "${hint}"?` : ''}${allowed.length ? ` Expected ${orList(allowed)}.` : ''}` });
    }
    return;
  }
  if (issue.code === 'invalid_key') {
    const map = schemaAt(root, issue.path.slice(0, -1));
    const record = map && unwrap(map);
    const keyType = record instanceof z.ZodRecord ? record.keyType : undefined;
    const key = String(issue.path[issue.path.length - 1]);
    const hint = didYouMean(key, choices(keyType));
    out.push({ path: path.slice(0, -1), key, hint, message: `${pathLabel(path.slice(0, -1))}: key "${key}" is not allowed; expected ${keyType ? expected(keyType) : 'a valid key'}${hint ? `; did you mean "${hint}"?` : ''}` });
    return;
  }
  if (issue.code === 'invalid_union' && input !== null && typeof input === 'object') {
    // A map or list given where one option takes maps or lists: what is wrong is inside it.
    const union = at && unwrap(at);
    const options = union instanceof z.ZodUnion ? union.options : [];
    const took = issue.errors.map((errs, i) => ({ errs, option: options[i] })).filter((b) => b.option && tookKind(b.errs));
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
  out.push({ path, message: `${label}: expected ${what}, got ${found(input)}${hint ? `; did you mean "${hint}"?` : ''}` });
}

/**
 * Explain the issues of `schema.safeParse(input, { reportInput: true })`: one entry per
 * fault (an unknown key each), the same fault said once.
 */
export function explainIssues(issues: readonly Issue[], schema: z.core.$ZodType): ExplainedIssue[] {
  const out: ExplainedIssue[] = [];
  for (const issue of issues) explainOne(issue, schema, [], out);
  const seen = new Set<string>();
  return out.filter((e) => {
    const id = `${pathLabel(e.path)}\u0000${e.key ?? ''}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
