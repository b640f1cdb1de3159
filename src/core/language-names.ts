/**
 * Names of languages for hovers, completion, pickers and messages: "French (fr)",
 * "Portuguese (Brazil) (pt-BR)". `Intl.DisplayNames` knows every BCP 47 language, in Node
 * and in browsers alike, so there is no table to keep; a tag it does not know (or a host
 * without it) falls back to the tag itself.
 */

let names: Intl.DisplayNames | null | undefined;

/** Created on first use: most sessions never name a language. */
function displayNames(): Intl.DisplayNames | null {
  if (names === undefined) {
    try {
      // "standard" says "Portuguese (Brazil)", not "Brazilian Portuguese": the language first, as in pickers.
      names = new Intl.DisplayNames(['en'], {
        type: 'language',
        languageDisplay: 'standard',
        fallback: 'none',
      });
    } catch {
      names = null;
    }
  }
  return names;
}

/** The English name of a language tag ("French", "Portuguese (Brazil)"); undefined when unknown or not a tag. */
export function languageName(tag: string): string | undefined {
  try {
    return displayNames()?.of(tag.trim()) || undefined;
  } catch {
    return undefined; // not a well-formed tag ("pt_BR")
  }
}

/** "French (fr)"; the tag alone when its language has no known name. */
export function languageLabel(tag: string): string {
  const name = languageName(tag);
  return name ? `${name} (${tag})` : tag;
}
