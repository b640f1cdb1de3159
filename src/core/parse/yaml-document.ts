/**
 * `yaml`'s `parseDocument`, with the nesting depth bounded and SFT Studio's own messages.
 *
 * `yaml` composes nodes by recursion: a value nested some thousand levels deep (`[[[[...` or
 * `- - - - ...`) overflows the stack, and the overflow comes back as one "Maximum call
 * stack size exceeded" error per level. Its concrete syntax tree is built without recursion,
 * so the depth is measured there, by an explicit stack, before composing: a collection
 * deeper than {@link MAX_NESTING} becomes an empty value and one error at its place. The
 * text stays as written; only what is read from it stops at that depth.
 */
import {
  Composer,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type DocumentOptions,
  type ErrorCode,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

/**
 * The deepest nesting of collections read in a YAML file. The `.sft.yaml` format needs six
 * levels (file, `pairs`, pair, `examples`, example, value) and the guidelines file five; the
 * limit leaves room for data under unknown keys and stays far below what overflows the stack.
 */
export const MAX_NESTING = 100;

/** The error code of a value nested deeper than {@link MAX_NESTING}. */
const TOO_DEEP = 'NESTING_TOO_DEEP' as ErrorCode;

type Options = ParseOptions & DocumentOptions & SchemaOptions;
type Slot = { token: CST.Token; depth: number; set: (t: CST.Token) => void };

function isCollection(
  t: CST.Token | null | undefined,
): t is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return t?.type === 'block-map' || t?.type === 'block-seq' || t?.type === 'flow-collection';
}

/**
 * Cut every collection nested deeper than {@link MAX_NESTING} in a document token, in place,
 * to an empty plain scalar; the offset of the first one cut, or -1.
 */
function boundDepth(doc: CST.Document): number {
  let first = -1;
  const stack: Slot[] = [];
  const push = (token: CST.Token | null | undefined, depth: number, set: Slot['set']): void => {
    if (isCollection(token)) stack.push({ token, depth, set });
  };
  push(doc.value, 1, (t) => (doc.value = t));
  while (stack.length) {
    const { token, depth, set } = stack.pop()!;
    if (!isCollection(token)) continue;
    if (depth > MAX_NESTING) {
      if (first < 0 || token.offset < first) first = token.offset;
      set({ type: 'scalar', offset: token.offset, indent: token.indent, source: '' });
      continue;
    }
    for (const item of token.items) {
      push(item.key, depth + 1, (t) => (item.key = t));
      push(item.value, depth + 1, (t) => (item.value = t));
    }
  }
  return first;
}

/**
 * Parse one YAML document like `yaml`'s `parseDocument`, with nesting bounded: a value
 * nested deeper than {@link MAX_NESTING} is an error at its place, and a second document in
 * the text is an error saying that a file holds one.
 */
export function parseYamlDocument(text: string, options: Options): Document.Parsed {
  // Where the first document nests too deep (later documents are not read).
  let tooDeep: number | undefined;
  function* bounded(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      if (token.type === 'document') {
        const at = boundDepth(token);
        tooDeep ??= at;
      }
      yield token;
    }
  }
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(bounded(new Parser().parse(text)), true, text.length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(
      new YAMLParseError(
        [next.range[0], next.range[1]],
        'MULTIPLE_DOCS',
        'A file holds one YAML document: this second one, after a `---` line, is not read. Keep every pair in the first document, or move these lines to a file of their own',
      ),
    );
    break;
  }
  // compose(..., true) always yields a document, an empty one for an empty text.
  const parsed = doc!;
  if (tooDeep !== undefined && tooDeep >= 0)
    parsed.errors.push(
      new YAMLParseError(
        [tooDeep, tooDeep + 1],
        TOO_DEEP,
        `Nesting deeper than ${MAX_NESTING} levels; SFT Studio reads values nested at most ${MAX_NESTING} levels deep`,
      ),
    );
  return parsed;
}
