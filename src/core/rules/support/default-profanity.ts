/**
 * The built-in profanity list of `harmful-term`: a short list of standard English
 * profanity and slurs, matched as whole words. Deliberately short: words with an everyday
 * meaning (ass, cock, dick, prick, damn) are left out, so the rule stays quiet on ordinary
 * prose; a project adds its own lexicon under `harmful_terms`.
 */

/** Whole words, lowercase; matching is case-insensitive. */
export const DEFAULT_PROFANITY: readonly string[] = [
  'fuck',
  'fucks',
  'fucked',
  'fucker',
  'fuckers',
  'fucking',
  'motherfucker',
  'motherfuckers',
  'shit',
  'shits',
  'shitty',
  'bullshit',
  'bitch',
  'bitches',
  'asshole',
  'assholes',
  'bastard',
  'bastards',
  'cunt',
  'cunts',
  'dickhead',
  'dickheads',
  'wanker',
  'wankers',
  'twat',
  'twats',
  'whore',
  'whores',
  'slut',
  'sluts',
];
