/**
 * The content subgraph as its own HTTP server (Apollo Server's standalone
 * server: any path answers, /graphql included). The gateway composes it from
 * `_service { sdl }` at start and fetches `_entities` from it per page.
 *
 * It carries two test/demo controls, so a gateway's failure isolation can be
 * shown against a real server: an artificial delay before every request and
 * a switch that makes it answer 503, both changeable while it runs.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError, Kind } from 'graphql';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContentCatalog } from './catalog';
import type { ContentArticle } from './contentFor';
import { buildContentSchema } from './schema';

export interface ContentSubgraphOptions {
  /** 0 (the default) picks a free port: tests. */
  port?: number;
  /** Default 127.0.0.1: a demo has no business on other interfaces. */
  host?: string;
  /** Test/demo control: milliseconds every request waits before it runs. Default 0. */
  delayMs?: number;
  /** Test/demo control: answer every request 503 (SUBGRAPH_FAILING). Default false. */
  failing?: boolean;
}

/** Test/demo controls, read on every request: change them while the server runs. */
export interface ContentSubgraphControls {
  delayMs: number;
  failing: boolean;
}

/** What reached the server, so tests can count a gateway's calls. */
export interface ContentSubgraphStats {
  /** HTTP GraphQL requests, failed ones included. */
  requests: number;
  /** Operations that asked for `_entities`. */
  entityCalls: number;
  /** Representations across those calls. */
  entityRepresentations: number;
}

export interface ContentSubgraph {
  /** http://host:port/graphql */
  url: string;
  controls: ContentSubgraphControls;
  readonly stats: ContentSubgraphStats;
  resetStats(): void;
  /** Ends waiting delays at once, then stops (in-flight requests finish). */
  close(): Promise<void>;
}

const emptyStats = (): ContentSubgraphStats => ({ requests: 0, entityCalls: 0, entityRepresentations: 0 });

export async function createContentSubgraph(articles: readonly ContentArticle[], options: ContentSubgraphOptions = {}): Promise<ContentSubgraph> {
  const controls: ContentSubgraphControls = { delayMs: options.delayMs ?? 0, failing: options.failing ?? false };
  let stats = emptyStats();
  const closing = new AbortController();

  const countEntities: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          const asksEntities = !!operation && operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
          if (!asksEntities) return;
          stats.entityCalls++;
          const representations = request.variables?.['representations'];
          if (Array.isArray(representations)) stats.entityRepresentations += representations.length;
        },
      };
    },
  };

  const server = new ApolloServer({
    schema: buildContentSchema(createContentCatalog(articles)),
    // As in Ponte (src/app.ts): no ftv1 traces (nothing reports to Apollo
    // Studio, and a gateway asking for them would pay for them on every
    // page) and no cache hints (nothing reads them).
    plugins: [countEntities, ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The process that starts it owns the signals: Ponte's demo runs this
    // server inside its own process and shuts both down in its own order.
    stopOnTerminationSignals: false,
  });

  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
    context: async () => {
      stats.requests++;
      if (controls.delayMs > 0) {
        await sleep(controls.delayMs, undefined, { signal: closing.signal }).catch(() => {
          throw unavailable('the content subgraph is stopping');
        });
      }
      if (controls.failing) throw unavailable('the content subgraph is failing (test control)');
      return {};
    },
  });

  return {
    url: new URL('/graphql', url).href,
    controls,
    get stats() {
      return { ...stats };
    },
    resetStats() {
      stats = emptyStats();
    },
    async close() {
      closing.abort();
      await server.stop();
    },
  };
}

/** A 503, so a gateway sees a subgraph down rather than a bad query. */
function unavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SUBGRAPH_FAILING', http: { status: 503 } } });
}
