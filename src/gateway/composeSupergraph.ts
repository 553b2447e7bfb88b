/**
 * The supergraph from the subgraphs' own schemas, composed at start (and on
 * each poll) with @apollo/composition, the same composition rover runs.
 * A composition that fails stops the start: serving a half-composed graph
 * would hide the error until a storefront page breaks.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { request } from 'undici';

/** Ponte's own subgraph's name in the supergraph; executed in process, whatever its URL. */
export const PONTE_SUBGRAPH = 'ponte';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface SubgraphSchema extends SubgraphEndpoint {
  sdl: string;
}

/** Composition or schema loading failed; the message names the subgraph and, from composition, the field. */
export class SupergraphError extends Error {
  override readonly name = 'SupergraphError';
}

/** A subgraph's SDL, read from `_service { sdl }` over HTTP. */
export async function fetchSubgraphSdl(endpoint: SubgraphEndpoint, timeoutMs: number): Promise<string> {
  const fail = (why: string) => new SupergraphError(`Subgraph "${endpoint.name}" (${endpoint.url}): cannot read its schema: ${why}`);
  let body: unknown;
  try {
    const res = await request(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' }),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.body.json().catch(() => null);
    if (res.statusCode !== 200) throw fail(`HTTP ${res.statusCode}`);
  } catch (error) {
    if (error instanceof SupergraphError) throw error;
    throw fail((error as Error).message);
  }
  const sdl = (body as { data?: { _service?: { sdl?: unknown } } } | null)?.data?._service?.sdl;
  if (typeof sdl !== 'string') throw fail('the answer has no _service.sdl (is it a Federation subgraph?)');
  return sdl;
}

/** The supergraph SDL, or a SupergraphError listing every composition error. */
export function composeSupergraph(subgraphs: readonly SubgraphSchema[]): string {
  const services = subgraphs.map((s) => {
    try {
      return { name: s.name, url: s.url, typeDefs: parse(s.sdl) };
    } catch (error) {
      throw new SupergraphError(`Subgraph "${s.name}": its schema does not parse: ${(error as Error).message}`);
    }
  });
  const result = composeServices(services);
  if (result.errors) {
    throw new SupergraphError(`The supergraph does not compose:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
