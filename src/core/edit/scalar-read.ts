/**
 * Reading back a scalar's source as YAML would, without parsing a document: the checks a
 * lexer makes about where a scalar starts and ends, then `yaml`'s own resolver for its value
 * (folding, escapes, block indentation and chomping). A fix's edit is written in place only
 * when its new source reads back as the intended text; otherwise the scalar is rewritten.
 */
import { CST, Scalar } from 'yaml';
import { readsAsText } from './scalar-write';

/** Where a scalar sits: what its source must satisfy to stay one scalar with the same extent. */
export interface ScalarContext {
  /** Inside a flow collection (`[...]`, `{...}`), where `,[]{}` end a plain scalar. */
  inFlow: boolean;
  /** Indentation of the parent collection: a block scalar's content is indented further. */
  indent: number;
}

type FlowType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';

/** The value `yaml` resolves a flow scalar token to, or undefined on any error. */
function resolveFlow(type: FlowType, source: string, indent: number): string | undefined {
  let failed = false;
  const r = CST.resolveAsScalar({ type, offset: 0, indent, source }, true, () => {
    failed = true;
  });
  return failed || !r ? undefined : r.value;
}

/** A plain scalar's source stays one plain scalar: no indicator start, no comment, no `: `, no flow indicators in flow. */
function plainSourceOk(source: string, inFlow: boolean): boolean {
  if (!source || /^[ \t\r\n]|[ \t\r\n]$/.test(source)) return false;
  const c = source[0];
  if (',[]{}#&*!|>\'"%@`'.includes(c)) return false;
  if (
    (c === '-' || c === '?' || c === ':') &&
    (source.length === 1 || /[ \t\r\n]/.test(source[1]) || (inFlow && /[,[\]{}]/.test(source[1])))
  )
    return false;
  if (/:(?:[ \t\r\n]|$)|[ \t\r\n]#/.test(source)) return false;
  // A continuation line that starts a document marker ends the scalar.
  if (/\n(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(source)) return false;
  return !inFlow || !/[,[\]{}]/.test(source);
}

/** A quoted scalar's source is one quoted scalar: the closing quote is its last character and no other quote closes it. */
function quotedSourceOk(source: string, double: boolean): boolean {
  const q = double ? '"' : "'";
  if (source.length < 2 || source[0] !== q || source[source.length - 1] !== q) return false;
  let i = 1;
  while (i < source.length - 1) {
    const ch = source[i];
    if (double && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === q) {
      if (!double && source[i + 1] === q && i + 1 < source.length - 1) {
        i += 2;
        continue;
      }
      return false;
    }
    i++;
  }
  return i === source.length - 1;
}

const HEADER = /^([|>])([1-9]?)([-+]?)([1-9]?)([ \t]+#[^\r\n]*|[ \t]*)(\r?\n)/;

/** The parts of a block scalar's source: header indicators, explicit indentation, chomping, header line, content. */
export interface BlockParts {
  literal: boolean;
  /** Explicit indentation indicator, 0 when none. */
  explicit: number;
  chomp: '' | '-' | '+';
  /** The header line, line break included. */
  header: string;
  content: string;
}

/** Split a block scalar's source into header and content; undefined when the header is not one. */
export function blockParts(source: string): BlockParts | undefined {
  const m = HEADER.exec(source);
  if (!m || (m[2] && m[4])) return undefined;
  return {
    literal: m[1] === '|',
    explicit: Number(m[2] || m[4] || 0),
    chomp: m[3] as BlockParts['chomp'],
    header: m[0],
    content: source.slice(m[0].length),
  };
}

/** Indentation of a block's content: the explicit one, else that of its first line with text. */
export function blockIndent(parts: BlockParts, indent: number): number | undefined {
  if (parts.explicit) return indent + parts.explicit;
  let most = 0;
  for (const line of parts.content.split('\n')) {
    const sp = /^ */.exec(line)![0].length;
    if (line.slice(sp).replace(/\r$/, '') !== '') return sp;
    most = Math.max(most, sp);
  }
  return most || undefined;
}

function resolveBlock(source: string, ctx: ScalarContext): string | undefined {
  const parts = blockParts(source);
  if (!parts) return undefined;
  const n = blockIndent(parts, ctx.indent);
  // Content indented no further than the parent is not content: the scalar would end early.
  if (n !== undefined && n <= ctx.indent) return undefined;
  if (n !== undefined) {
    for (const line of parts.content.split('\n')) {
      const sp = /^ */.exec(line)![0].length;
      if (sp < n && line.slice(sp).replace(/\r$/, '') !== '') return undefined;
    }
  }
  // The indicators as the header token; the rest of the header line (spaces, comment, break) as one more token.
  const headerSource = /^[|>][0-9+-]*/.exec(parts.header)![0];
  const token = {
    type: 'block-scalar' as const,
    offset: 0,
    indent: ctx.indent,
    source: parts.content,
    props: [
      { type: 'block-scalar-header' as const, offset: 0, indent: ctx.indent, source: headerSource },
      {
        type: 'newline' as const,
        offset: headerSource.length,
        indent: ctx.indent,
        source: parts.header.slice(headerSource.length),
      },
    ],
  };
  let failed = false;
  const r = CST.resolveAsScalar(token, true, () => {
    failed = true;
  });
  return failed || !r ? undefined : r.value;
}

/**
 * Whether `source`, written in place of a scalar of style `type`, reads back as the string
 * `value` and nothing else: the same style, the same extent, text (not a number or null).
 */
export function readsAs(
  source: string,
  type: Scalar.Type | undefined,
  value: string,
  ctx: ScalarContext,
): boolean {
  switch (type) {
    case Scalar.PLAIN:
      return (
        plainSourceOk(source, ctx.inFlow) &&
        resolveFlow('scalar', source, ctx.indent) === value &&
        readsAsText(value)
      );
    case Scalar.QUOTE_SINGLE:
      return (
        quotedSourceOk(source, false) &&
        resolveFlow('single-quoted-scalar', source, ctx.indent) === value
      );
    case Scalar.QUOTE_DOUBLE:
      return (
        quotedSourceOk(source, true) &&
        resolveFlow('double-quoted-scalar', source, ctx.indent) === value
      );
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return resolveBlock(source, ctx) === value;
    default:
      return false;
  }
}
