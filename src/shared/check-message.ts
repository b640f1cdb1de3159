/**
 * The one check of a webview message, for every protocol (pair editor, annotations view,
 * coverage report): the
 * message as its schema reads it, or undefined, with why, to the log. A message that fails is
 * dropped, never acted on. No Node API and no vscode import: webviews bundle it.
 */
import type * as z from 'zod/mini';

/** A message checked against its schema, or undefined (with why, to `log`). */
export function checkMessage<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  log: (why: string) => void,
  protocol: string,
): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  log(`dropped a message that is not in the ${protocol} protocol: ${r.error.message}`);
  return undefined;
}
