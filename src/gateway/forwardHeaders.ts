/**
 * Which of the caller's headers a remote subgraph receives (issue 10, item 3).
 *
 * A remote subgraph is another team's service: the caller's credentials are
 * for Ponte, and handing them on would let any subgraph act as that caller.
 * So the rule is an allow-list: `accept-language` (content is localised, and
 * the language says nothing about who asks) plus what the operator lists in
 * GATEWAY_FORWARD_HEADERS. `authorization` and `x-acting-customer` get no
 * special pass: listing them is the only way they leave Ponte.
 */

/** Forwarded whether listed or not. */
export const ALWAYS_FORWARDED: readonly string[] = ['accept-language'];

/**
 * Anything headers can be read from: Apollo's HeaderMap (a Map of lower-case
 * names), the Fetch API's or node-fetch's Headers (only `get` is used), or
 * Node's and fastify's `request.headers` (a record of lower-case names).
 */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function read(source: HeaderSource, name: string): string | undefined {
  if (typeof source.get === 'function') return (source.get as (n: string) => string | null | undefined)(name) ?? undefined;
  const value = (source as Readonly<Record<string, string | readonly string[] | undefined>>)[name];
  // Joined as Apollo's HeaderMap and the Fetch API join repeated headers.
  return typeof value === 'string' || value === undefined ? value : value.join(', ');
}

/** A header name as it travels: lower case, with no surrounding spaces. */
export function headerName(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The names a subgraph may receive: the defaults plus the listed ones,
 * lower-cased once here so per-request work is a lookup.
 */
export function forwardedNames(listed: readonly string[]): readonly string[] {
  return [...new Set([...ALWAYS_FORWARDED, ...listed.map(headerName)].filter((name) => name !== ''))];
}

/** The caller's headers a subgraph may receive, by lower-case name; absent ones are left out. */
export function pickForwarded(source: HeaderSource | undefined, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  if (!source) return picked;
  for (const name of names) {
    const value = read(source, name);
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
