/** The data file of each tokenizer and of the language detector, in a bundle's `data/` folder (esbuild.mjs writes them). */
import type { TokenizerName } from '../core/text/tokens';

export const DATA_FILES: Readonly<Record<TokenizerName | 'eld', string>> = {
  o200k_base: 'o200k_base.json',
  cl100k_base: 'cl100k_base.json',
  eld: 'eld-small.bin',
};
