/** What a workspace rule reads from the index: look-ups, never the whole world. */
import type { Guidelines } from '../guidelines';
import type { NearMatches } from './lsh';
import type { IndexedPair } from './types';

/** The index as workspace rules see it. */
export interface WorkspaceView {
  /** Every indexed pair with this id (the pair itself included). */
  pairsWithId(id: string): readonly IndexedPair[];
  /** Other pairs whose prompts reach `threshold` estimated Jaccard similarity, most similar first. */
  nearMatches(pair: IndexedPair, threshold: number): NearMatches;
}

/** The inputs of one workspace rule run over one file. */
export interface WorkspaceRuleContext {
  view: WorkspaceView;
  /** The file's pairs, in order. */
  pairs: readonly IndexedPair[];
  guidelines: Guidelines;
  /** How messages name a file (a workspace-relative path rather than a URI). */
  displayName: (file: string) => string;
}

/** At most this many related places per problem; a 500-way duplicate should not list 499. */
export const MAX_RELATED = 20;

/** "file:line" for messages (1-based line, as people read it). */
export function placeOf(p: IndexedPair, displayName: (file: string) => string): string {
  return `${displayName(p.file)}:${p.line + 1}`;
}

/** The pair's name for messages. */
export function nameOf(p: IndexedPair): string {
  return p.id !== undefined ? `"${p.id}"` : `pair ${p.index + 1}`;
}
