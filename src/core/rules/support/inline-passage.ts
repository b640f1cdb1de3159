import { countWords } from '../../text/words';

// A passage set off inside the prompt: after a line ending in a colon, after a blank line,
// between fences or triple quotes, as `>` quoted lines, or a quotation of 120+ characters.
const INLINE_PASSAGE =
  /:[ \t]*\r?\n[ \t]*\S|\n[ \t]*\r?\n[ \t]*\S|```|"""|^[ \t]*>|["“«„「『][^"”»“」』]{120,}["”»“」』]/m;

/** Words from which a prompt with a passage set off in it is taken to quote a source text. */
const SOURCE_MIN_WORDS = 100;

/**
 * Whether the prompt carries a passage itself: it sets a passage off and has at least
 * `minWords` words (by default, enough to be a source text quoted whole).
 */
export function hasInlinePassage(prompt: string, minWords = SOURCE_MIN_WORDS): boolean {
  // Counting stops past minWords: a long article costs no more than a short one.
  return INLINE_PASSAGE.test(prompt) && countWords(prompt, minWords) >= minWords;
}
