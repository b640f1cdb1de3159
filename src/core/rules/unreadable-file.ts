import type { RuleMeta } from '../types';

/**
 * `unreadable-file` is reported by the hosts (the CLI, the extension) when a file cannot be
 * linted at all: too large, binary, not UTF-8, or not readable. The core never sees such a
 * file, so the rule has no check here; this is its description for docs, SARIF and settings.
 */
export const UNREADABLE_FILE_META: RuleMeta = {
  id: 'unreadable-file',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: false,
  description: 'The file cannot be read as text: too large, binary, not UTF-8, or not readable.',
};
