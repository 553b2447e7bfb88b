/**
 * What a gateway answer varies with besides the viewer and the query: the
 * headers forwarded to remote subgraphs (Accept-Language by default, and
 * whatever GATEWAY_FORWARD_HEADERS lists), since a content subgraph may
 * answer by them. The response cache keys a gateway answer by their values.
 */
import { forwardedNames } from './forwardHeaders';

/** A request header by lower-case name (repeated values joined with ", "), or undefined. */
export type HeaderReader = (name: string) => string | undefined;

/** The part of a cache key the forwarded headers make. */
export function varyHeaders(listed: readonly string[]): (read: HeaderReader) => string {
  const names = [...forwardedNames(listed)].sort();
  return (read) => JSON.stringify(names.map((name) => read(name) ?? null));
}
