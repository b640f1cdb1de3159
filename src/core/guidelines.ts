/**
 * The guidelines a file is linted against: the nearest `sft.guidelines.yaml` in its folder
 * or a parent, else the built-in defaults. Loading never throws: the guidelines file's own
 * problems come back with their places, and whatever part is valid still applies.
 */
import { visit, isMap, isScalar, type Document, type Node } from 'yaml';
import { DEFAULT_DOMAINS, TASKS } from './annotations';
import { checkGuidelines, schemas, type GuidelinesInput } from './schema';
import { dirname, joinPath } from './paths';
import { parseYamlDocument } from './parse/yaml-document';
import { explainIssues, type ExplainedIssue } from './schema-issues';
import { nonLinearRegexReason } from './text/regex-safety';
import type { Problem, RuleMeta, Severity } from './types';
import { optionsSchema } from './rules/support/rule-settings';
import { suggestId } from './suggest';
import type { TokenizerName } from './text/tokens';

export const GUIDELINES_FILE = 'sft.guidelines.yaml';

/** A banned phrase or harmful term as the rules use it. */
export interface Phrase {
  text: string;
  message?: string;
  fields?: string[];
  severity?: Severity;
}

/** A project rule from `patterns`. */
export interface ProjectPattern {
  id: string;
  source: string;
  /** Undefined when the regex does not compile or needs backtracking (reported in the guidelines file). */
  regex?: RegExp;
  fields: string[];
  severity: Severity;
  message: string;
  handbook?: string;
}

/** Per-rule settings from `rules`. */
export interface RuleSetting {
  severity?: Severity;
  options: Record<string, unknown>;
}

/** Guidelines with every default filled in. */
export interface Guidelines {
  /** Where they came from: a path, or undefined for the built-in defaults. */
  source?: string;
  name?: string;
  handbook?: string;
  required: string[];
  domains: string[];
  languages?: string[];
  tasks: string[];
  length: { short: number; long: number };
  response: {
    minWords: Record<string, number>;
    maxWords: Record<string, number>;
    maxTokens?: number;
    tokenizer: TokenizerName;
  };
  targets: { total?: number; shares: Record<string, Record<string, number>> };
  rules: Map<string, RuleSetting>;
  bannedPhrases: Phrase[];
  harmfulTerms: Phrase[];
  patterns: ProjectPattern[];
  /** Project regexes run only in trusted workspaces; the host sets this. */
  trusted: boolean;
}

/** The built-in guidelines, used where no guidelines file applies. */
export function defaultGuidelines(): Guidelines {
  return {
    required: ['id', 'task', 'prompt_type', 'response_type', 'domain', 'language'],
    domains: DEFAULT_DOMAINS.map((d) => d.value),
    tasks: TASKS.map((t) => t.value),
    length: { short: 100, long: 500 },
    response: { minWords: {}, maxWords: {}, tokenizer: 'o200k_base' },
    targets: { shares: {} },
    rules: new Map(),
    bannedPhrases: [],
    harmfulTerms: [],
    patterns: [],
    trusted: true,
  };
}

/** Result of loading a guidelines file. */
export interface LoadedGuidelines {
  guidelines: Guidelines;
  problems: Problem[];
}

function toShare(v: number | string): number {
  return typeof v === 'number' ? (v > 1 ? v / 100 : v) : Number.parseFloat(v) / 100;
}

function perType(v: number | Record<string, number> | undefined): Record<string, number> {
  if (v === undefined) return {};
  return typeof v === 'number' ? { '*': v } : { ...v };
}

function nodeAt(doc: Document, path: PropertyKey[]): Node | undefined {
  // zod paths may end in a key that does not exist (missing field): walk as far as we can.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node;
  }
  return undefined;
}

/** Key node of the last path segment, so "unknown key" points at the key. */
function keyNodeAt(doc: Document, path: PropertyKey[], key: string): Node | undefined {
  const parent = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const item = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  return item && isScalar(item.key) ? item.key : undefined;
}

let keys: string[] | undefined;
/** The top-level keys of a guidelines file. */
const guidelineKeys = (): string[] => (keys ??= Object.keys(schemas().guidelines.shape));

/** A guidelines problem at the place an explained issue names: the key itself for a key at fault. */
function issueProblem(doc: Document, e: ExplainedIssue): Problem {
  const keyNode = e.key !== undefined ? keyNodeAt(doc, e.path, e.key) : undefined;
  const node = keyNode ?? nodeAt(doc, e.path);
  const start = node?.range?.[0] ?? 0;
  const end = node?.range?.[1] ?? 0;
  const fixes =
    e.hint && keyNode
      ? [
          {
            title: `Change to "${e.hint}"`,
            edits: [{ start, end, newText: e.hint }],
            preferred: true,
          },
        ]
      : undefined;
  return e.unknownKey
    ? { rule: 'unknown-key', severity: 'warning', message: e.message, start, end, fixes }
    : { rule: 'schema', severity: 'error', message: e.message, start, end, fixes };
}

/** Delete unknown or malformed keys from the map at `path` of the plain data, so the rest of it still applies. */
function dropKeys(raw: unknown, path: readonly PropertyKey[], keys: readonly string[]): void {
  let at: unknown = raw;
  for (const seg of path)
    at =
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[seg] : undefined;
  if (at !== null && typeof at === 'object')
    for (const k of keys) delete (at as Record<string, unknown>)[k];
}

/**
 * Parse and validate a guidelines file's text. `path` is recorded as the source. With `rules`
 * (the rule catalogue, `RULE_METAS`), the ids and options under `rules:` are checked too;
 * without it (an index worker, which shows no guidelines problems and loads no rules) the
 * linter still drops options a rule's schema refuses.
 */
export function loadGuidelines(
  text: string,
  path?: string,
  rules?: readonly RuleMeta[],
): LoadedGuidelines {
  const g = defaultGuidelines();
  g.source = path;
  const problems: Problem[] = [];
  const doc = parseYamlDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  for (const e of doc.errors)
    problems.push({
      rule: 'yaml-syntax',
      severity: 'error',
      message: e.message.split('\n')[0],
      // yaml places an error at the end of the text one character past it.
      start: Math.min(e.pos[0], text.length),
      end: Math.min(Math.max(e.pos[1], e.pos[0]), text.length),
    });
  let aliased = false;
  visit(doc, {
    Alias(_, node) {
      aliased = true;
      if (node.range)
        problems.push({
          rule: 'no-aliases',
          severity: 'error',
          message: `Aliases are not allowed (*${node.source}); write the value out.`,
          start: node.range[0],
          end: node.range[1],
        });
    },
    Node(_, node) {
      if (node.anchor && node.range) {
        aliased = true;
        problems.push({
          rule: 'no-aliases',
          severity: 'error',
          message: `Anchors are not allowed (&${node.anchor}).`,
          start: node.range[0],
          end: node.range[0],
        });
      }
    },
  });
  if (aliased || doc.errors.length) return { guidelines: g, problems };
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    problems.push({
      rule: 'schema',
      severity: 'error',
      message: 'The guidelines file is empty; it starts with `sft-guidelines: 1`.',
      start: 0,
      end: 0,
    });
    return { guidelines: g, problems };
  }
  const parsed = checkGuidelines(raw);
  let data: GuidelinesInput | undefined = parsed.success ? parsed.data : undefined;
  if (!parsed.success) {
    for (const e of explainIssues(parsed.error.issues, schemas().guidelines))
      problems.push(issueProblem(doc, e));
    // Apply what is valid: drop unknown keys and the top-level sections that failed, keep the rest.
    const bad = new Set<string>();
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') dropKeys(raw, issue.path, issue.keys);
      else if (issue.code === 'invalid_key')
        dropKeys(raw, issue.path.slice(0, -1), [String(issue.path[issue.path.length - 1])]);
      // A bad rule setting falls back to that rule's defaults; the other rules keep theirs.
      else if (issue.path[0] === 'rules' && issue.path.length > 1)
        dropKeys(raw, ['rules'], [String(issue.path[1])]);
      else bad.add(String(issue.path[0]));
    }
    const kept = Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).filter(
        ([k]) => !bad.has(k) && guidelineKeys().includes(k),
      ),
    );
    const retry = checkGuidelines({ ...kept, 'sft-guidelines': 1 });
    data = retry.success ? retry.data : undefined;
  }
  if (data) applyGuidelines(g, data, doc, problems);
  if (data && rules) checkRuleSettings(g, doc, rules, problems);
  return { guidelines: g, problems };
}

/**
 * The ids and options under `rules:` against the rules' own schemas: an unknown id (not a rule,
 * not a project pattern) is reported at its key with a did-you-mean, an unknown or ill-typed
 * option at its place; the rule then runs with its default options.
 */
function checkRuleSettings(
  g: Guidelines,
  doc: Document,
  rules: readonly RuleMeta[],
  problems: Problem[],
): void {
  const metas = new Map(rules.map((m) => [m.id, m]));
  const patternIds = g.patterns.map((p) => p.id);
  for (const [id, setting] of g.rules) {
    const meta = metas.get(id);
    if (!meta) {
      if (patternIds.includes(id)) continue;
      const hint = suggestId(id, [...metas.keys(), ...patternIds]);
      const message = `Unknown rule "${id}" in rules${hint ? `; did you mean "${hint}"?` : '.'}`;
      problems.push(
        issueProblem(doc, { path: ['rules'], key: id, unknownKey: true, hint, message }),
      );
      g.rules.delete(id);
      continue;
    }
    const schema = optionsSchema(meta);
    const parsed = schema.safeParse(setting.options, { reportInput: true });
    if (parsed.success) continue;
    for (const e of explainIssues(parsed.error.issues, schema, ['rules', id]))
      problems.push(issueProblem(doc, e));
    setting.options = {};
  }
}

function applyGuidelines(
  g: Guidelines,
  d: GuidelinesInput,
  doc: Document,
  problems: Problem[],
): void {
  g.name = d.name;
  g.handbook = d.handbook;
  if (d.annotations?.required) g.required = d.annotations.required;
  if (d.annotations?.domains) g.domains = d.annotations.domains;
  if (d.annotations?.languages) g.languages = d.annotations.languages;
  if (d.annotations?.tasks) g.tasks = d.annotations.tasks;
  if (d.length?.short !== undefined) g.length.short = d.length.short;
  if (d.length?.long !== undefined) g.length.long = d.length.long;
  if (g.length.short > g.length.long) {
    const node = nodeAt(doc, ['length']);
    problems.push({
      rule: 'schema',
      severity: 'error',
      message: `length.short (${g.length.short}) is above length.long (${g.length.long}).`,
      start: node?.range?.[0] ?? 0,
      end: node?.range?.[1] ?? 0,
    });
  }
  g.response.minWords = perType(d.response?.min_words);
  g.response.maxWords = perType(d.response?.max_words);
  g.response.maxTokens = d.response?.max_tokens;
  if (d.response?.tokenizer) g.response.tokenizer = d.response.tokenizer;
  if (d.targets) {
    const { total, ...rest } = d.targets;
    g.targets.total = total;
    for (const [key, values] of Object.entries(rest)) {
      if (values)
        g.targets.shares[key] = Object.fromEntries(
          Object.entries(values).flatMap(([v, s]) => (s === undefined ? [] : [[v, toShare(s)]])),
        );
    }
  }
  for (const [id, setting] of Object.entries(d.rules ?? {})) {
    if (typeof setting === 'string') g.rules.set(id, { severity: setting, options: {} });
    else {
      const { severity, ...options } = setting;
      g.rules.set(id, { severity, options });
    }
  }
  g.bannedPhrases = (d.banned_phrases ?? []).map((p) => ({ ...p }));
  g.harmfulTerms = (d.harmful_terms ?? []).map((t) =>
    typeof t === 'string' ? { text: t } : { ...t },
  );
  g.patterns = (d.patterns ?? []).map((p, i) => {
    let regex: RegExp | undefined;
    const unsafe = nonLinearRegexReason(p.regex);
    try {
      if (unsafe) {
        const node = nodeAt(doc, ['patterns', i, 'regex']);
        problems.push({
          rule: 'schema',
          severity: 'error',
          message: `patterns[${i}].regex is not used: ${unsafe}.`,
          start: node?.range?.[0] ?? 0,
          end: node?.range?.[1] ?? 0,
        });
      } else {
        regex = new RegExp(p.regex, (p.flags ?? '').replace(/[gy]/g, '') + 'gu');
      }
    } catch (e) {
      const node = nodeAt(doc, ['patterns', i, 'regex']);
      problems.push({
        rule: 'schema',
        severity: 'error',
        message: `patterns[${i}].regex does not compile: ${(e as Error).message}`,
        start: node?.range?.[0] ?? 0,
        end: node?.range?.[1] ?? 0,
      });
    }
    return {
      id: p.id,
      source: p.regex,
      regex,
      fields: p.fields ?? ['prompt', 'response'],
      severity: p.severity ?? 'warning',
      message: p.message,
      handbook: p.handbook,
    };
  });
}

/**
 * Candidate guidelines paths for a file, nearest first: its folder, then each parent up to
 * (and including) `root` when given. Paths use `/`.
 */
export function guidelinesCandidates(filePath: string, root?: string): string[] {
  const out: string[] = [];
  let dir = dirname(filePath);
  for (;;) {
    out.push(joinPath(dir, GUIDELINES_FILE));
    if (root !== undefined && (dir === root || dir.length <= root.length)) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** The nearest existing guidelines file for a path, by asking `exists`. */
export function findGuidelines(
  filePath: string,
  exists: (path: string) => boolean,
  root?: string,
): string | undefined {
  return guidelinesCandidates(filePath, root).find(exists);
}

/** The effective severity of a rule under these guidelines. */
export function severityOf(g: Guidelines, ruleId: string, fallback: Severity): Severity {
  return g.rules.get(ruleId)?.severity ?? fallback;
}
