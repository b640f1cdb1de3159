/**
 * Fixes built on scalar edits: what the rules call to offer "replace this part of a text"
 * or "give this annotation a new value" as a fix that keeps the file valid.
 */
import type { Scalar } from 'yaml';
import type { Fix } from '../types';
import { editScalarText, replaceScalarValue, type ScalarChange } from './scalar-edit';
import { scalarSite, type NodeHome } from './scalar-site';

/** A fix from a scalar change; undefined when there is none. */
export function scalarFix(
  title: string,
  change: ScalarChange | undefined,
  preferred = true,
): Fix | undefined {
  if (!change?.edits.length) return undefined;
  const fix: Fix = { title, edits: change.edits, scope: change.scope };
  if (preferred) fix.preferred = true;
  return fix;
}

/** A fix that replaces value[start, end) of a text scalar with `insert`. */
export function textFix(
  home: NodeHome,
  node: Scalar,
  start: number,
  end: number,
  insert: string,
  title: string,
  preferred = true,
): Fix | undefined {
  const site = scalarSite(home.src, home.root, node);
  return site ? scalarFix(title, editScalarText(site, start, end, insert), preferred) : undefined;
}

/** A fix that gives a scalar a whole new value (an annotation's). */
export function valueFix(
  home: NodeHome,
  node: Scalar,
  value: string,
  title: string,
  preferred = true,
): Fix | undefined {
  const site = scalarSite(home.src, home.root, node);
  return site ? scalarFix(title, replaceScalarValue(site, value), preferred) : undefined;
}

/** A problem's fixes from one optional fix. */
export function fixList(fix: Fix | undefined): Fix[] | undefined {
  return fix ? [fix] : undefined;
}
