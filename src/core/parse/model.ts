/**
 * The parsed shape of a `.sft.yaml` file that rules read.
 *
 * A pair's nodes carry offsets into `pair.src` (the text they were parsed from); adding
 * `pair.base` gives offsets in the current document. A full parse uses the document text
 * with base 0; an incremental re-parse of one pair uses that pair's slice, and later pairs
 * only move their base. This keeps per-keystroke work in proportion to one pair.
 */
import { isScalar, isSeq, type Node, type Pair as YamlPair, type Scalar, type YAMLMap } from 'yaml';
import { scalarMap, type ScalarMap } from './scalar-map';
import type { Span } from '../types';

/** One `key: value` entry of a map, with the key's text. */
export interface Field {
  key: string;
  keyNode: Scalar;
  value: Node | null;
  /** The whole entry (key to end of value), in node offsets. */
  span: Span;
}

/** A silence comment: `# sft-ignore rule-a, rule-b: reason`. */
export interface Silence {
  rules: string[];
  reason: string;
  /** The comment text, in node offsets. */
  span: Span;
  /** Spans of each rule name, for problems about unknown rule ids. */
  ruleSpans: Span[];
}

/** One demonstration pair. */
export interface PairModel {
  index: number;
  /** Adds to node offsets to give document offsets. */
  base: number;
  /** The text node offsets index into. */
  src: string;
  /** The sequence item node (a map for a well-formed pair). */
  node: Node | null;
  /** The pair's slice, node offsets: from the start of its `-` line to the next item's line. */
  slice: Span;
  /** Column of the `-` indicator. */
  indent: number;
  /** The item's entries by key; the first wins when a key repeats. */
  fields: Map<string, Field>;
  /** Every entry in order, repeats included. */
  entries: Field[];
  /** The pair's id when it is a plain string. */
  id?: string;
  silences: Silence[];
  /** YAML syntax errors inside the pair (from the full parse), node offsets. */
  syntax: SyntaxIssue[];
  /** Per-pair memo (counts, lint results), shared by copies that differ only in `base`. */
  memo: Map<string, unknown>;
}

/** A YAML syntax error or warning reported by the parser. */
export interface SyntaxIssue extends Span {
  code: string;
  message: string;
  warning: boolean;
}

/** Entries of a map node, keys as text. */
export function mapEntries(node: YAMLMap, src: string): Field[] {
  const out: Field[] = [];
  for (const item of node.items as YamlPair<Node | null, Node | null>[]) {
    const k = item.key;
    if (!isScalar(k) || !k.range) continue;
    const value = item.value ?? null;
    const end = value?.range ? value.range[1] : k.range[1];
    out.push({
      key: String(k.value ?? src.slice(k.range[0], k.range[1])),
      keyNode: k,
      value,
      span: { start: k.range[0], end },
    });
  }
  return out;
}

const scalarMaps = new WeakMap<Scalar, ScalarMap>();

/** Node-offset span of value[start, end) of a scalar (exact, through the scalar map). */
export function valueSpan(pair: { src: string }, node: Scalar, start: number, end: number): Span {
  let map = scalarMaps.get(node);
  if (!map) {
    map = scalarMap(pair.src, node);
    scalarMaps.set(node, map);
  }
  return map.span(start, end);
}

/** A scalar's text, or undefined for anything else (maps, lists, null). */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? node.value : String(node.value);
}

/** The strings of a list of scalars (flow or block); undefined when not a list. */
export function stringList(node: Node | null | undefined): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const it of node.items as (Node | null)[]) {
    const t = scalarText(it);
    if (t !== undefined) out.push(t);
  }
  return out;
}
