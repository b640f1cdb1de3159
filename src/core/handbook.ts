/**
 * Where the writers' handbook (the guidelines' `handbook`, a Markdown file) speaks of an
 * annotation value: the annotations view links each picked value to that section. Pure: the
 * host reads the file and opens it at the line found.
 */

/** A Markdown section: its heading's line (0-based), text and anchor. */
export interface HandbookSection {
  line: number;
  heading: string;
  /** The heading's anchor as Markdown previews and GitHub make it (`#prompt-types`). */
  anchor: string;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/** The GitHub-style anchor of a heading. */
function anchorOf(heading: string): string {
  return (
    '#' +
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-')
  );
}

/** `prompt_type` and `in_context` read as words: "prompt type", "in context". */
const words = (s: string) => s.toLowerCase().replace(/[_-]+/g, ' ').trim();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The section of `markdown` that speaks of `value` of annotation `key`: the section whose
 * heading names the value; else the one whose text marks it up (`closed_qa`, **closed_qa**,
 * *instructive*); else the one whose heading names the annotation ("Prompt types" for
 * `prompt_type`); else none.
 */
export function handbookSection(
  markdown: string,
  key: string,
  value: string,
): HandbookSection | undefined {
  const lines = markdown.split(/\r?\n/);
  const sections: HandbookSection[] = [];
  const owner: (HandbookSection | undefined)[] = [];
  let fenced = false;
  for (const [i, text] of lines.entries()) {
    if (/^ {0,3}(```|~~~)/.test(text)) fenced = !fenced;
    const m = fenced ? null : HEADING.exec(text);
    if (m) sections.push({ line: i, heading: m[2], anchor: anchorOf(m[2]) });
    owner.push(sections[sections.length - 1]);
  }
  if (value) {
    const named = sections.find((s) =>
      (' ' + words(s.heading) + ' ').includes(` ${words(value)} `),
    );
    if (named) return named;
    const v = escape(value);
    const marked = new RegExp(`\`${v}\`|\\*\\*${v}\\*\\*|(^|[^*])\\*${v}\\*`);
    const at = lines.findIndex((l, i) => !sections.some((s) => s.line === i) && marked.test(l));
    if (at >= 0 && owner[at]) return owner[at];
  }
  const k = words(key);
  return sections.find((s) => {
    const h = words(s.heading);
    return h === k || h.startsWith(`${k}s`) || h.startsWith(`${k} `);
  });
}
