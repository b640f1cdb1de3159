/**
 * Writing a string as YAML source that reads back as the same string: plain when that is
 * safe, else quoted. "Safe" covers YAML 1.2 (what SFT Studio reads) and the YAML 1.1
 * readers that training pipelines often use downstream (`yes`, `on`, `1:20`, dates).
 */

// Values a YAML 1.2 or 1.1 reader takes for something other than text when written plain.
const NOT_TEXT =
  /^(?:~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?(?:0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9_.]+(?:e[-+]?[0-9]+)?|\.inf|\.nan)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/i;
// Characters YAML does not allow unescaped (C0 controls but tab, DEL, C1 controls, the BOM,
// lone surrogates), plus the Unicode line and paragraph separators, which YAML 1.1 reads as breaks.
const UNPRINTABLE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNPRINTABLE_G = new RegExp(UNPRINTABLE.source, 'g');
const FLOW = /[,[\]{}]/;

/** Whether a plain scalar written as `value` would read as text rather than null, a boolean or a number. */
export function readsAsText(value: string): boolean {
  return value !== '' && !NOT_TEXT.test(value);
}

/**
 * Whether `value`, written plain on one line, reads back as exactly `value` (a string):
 * no indicator at its start, no `: ` or ` #` inside, no spaces at either end, no flow
 * indicators inside a flow collection, and not a word that reads as another type.
 */
export function plainSafe(value: string, inFlow: boolean): boolean {
  if (!readsAsText(value) || /[\r\n]/.test(value) || UNPRINTABLE.test(value)) return false;
  if (/^[ \t]|[ \t]$/.test(value)) return false;
  const c = value[0];
  if (',[]{}#&*!|>\'"%@`'.includes(c)) return false;
  if (
    (c === '-' || c === '?' || c === ':') &&
    (value.length === 1 || /[ \t]/.test(value[1]) || (inFlow && FLOW.test(value[1])))
  )
    return false;
  if (/:(?:[ \t]|$)|[ \t]#/.test(value)) return false;
  if (inFlow && (FLOW.test(value) || /:[,[\]{}]/.test(value))) return false;
  return true;
}

/** `value` as a double-quoted scalar: JSON's escapes (all valid YAML), plus YAML's for what JSON leaves raw. */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(UNPRINTABLE_G, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x85) return '\\N';
    if (code === 0x2028) return '\\L';
    if (code === 0x2029) return '\\P';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `value` as a single-quoted scalar, or undefined when single quotes cannot hold it (line breaks, controls). */
export function singleQuoted(value: string): string | undefined {
  if (/[\r\n\t]/.test(value) || UNPRINTABLE.test(value)) return undefined;
  return `'${value.replace(/'/g, "''")}'`;
}

/** A string as a YAML scalar that reads back as the same text: plain when safe, else double-quoted. */
export function yamlScalar(value: string, inFlow = true): string {
  return plainSafe(value, inFlow) ? value : doubleQuoted(value);
}

/** A list as a YAML flow sequence: `[a, b]`. */
export function yamlFlowList(values: readonly string[]): string {
  return `[${values.map((v) => yamlScalar(v)).join(', ')}]`;
}
