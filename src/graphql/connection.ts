/**
 * Relay connections, built in one place so every list pages the same way:
 * the cursor of an edge is its row's key, and endCursor the last edge's.
 */

export interface Connection<N> {
  edges: Array<{ cursor: string; node: N }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * A page read with `limit: size + 1`: the extra row is never shown, it only
 * tells that a next page exists (no second query, no count).
 */
export function connection<R, N>(rows: readonly R[], size: number, cursorOf: (row: R) => string, toNode: (row: R) => N): Connection<N> {
  return pageConnection(rows.slice(0, size), rows.length > size, cursorOf, toNode);
}

/** A page whose source already knows whether more follows (the catalog skips hidden articles while it reads). */
export function pageConnection<R, N>(
  rows: readonly R[],
  hasNextPage: boolean,
  cursorOf: (row: R) => string,
  toNode: (row: R) => N,
): Connection<N> {
  // An edge's cursor is written when a query reads it: most pages ask for the nodes and endCursor only.
  const edges = rows.map((row) => ({
    get cursor() {
      return cursorOf(row);
    },
    node: toNode(row),
  }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null } };
}

/**
 * The same page once every node has resolved. Nodes are started together,
 * so the loads they make (an order's lines) go out as one batch.
 */
export async function settled<N>(page: Connection<Promise<N>>): Promise<Connection<N>> {
  const nodes = await Promise.all(page.edges.map((edge) => edge.node));
  return { edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i]! })), pageInfo: page.pageInfo };
}
