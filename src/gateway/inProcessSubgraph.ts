/**
 * Ponte's own subgraph as the gateway sees it: executed in the same
 * process, against the same schema the subgraph server serves, with the
 * caller's context passed straight through. No HTTP hop, no second token
 * check: the viewer resolved for the incoming request is the one Ponte's
 * resolvers see, so prices, stock and visibility are the caller's.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema, execute, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { PONTE_SUBGRAPH } from './composeSupergraph';
import type { SubgraphMetrics } from './subgraphMetrics';

export interface InProcessSubgraphOptions<TContext> {
  /** The executable subgraph schema (buildPonteSchema()). */
  schema: GraphQLSchema;
  /**
   * The same masking as the subgraph server's formatError: coded errors
   * pass, anything else is logged and becomes INTERNAL_SERVER_ERROR, so an
   * internal message never reaches the gateway's answer.
   */
  formatError: (formatted: GraphQLFormattedError, error: unknown, context: TContext) => GraphQLFormattedError;
  /** The context a subgraph request runs with, from the gateway request's. */
  contextOf: (context: TContext) => unknown;
  /** Counts each fetch (as `ponte`, outcome ok or error) beside the remote subgraphs' calls. */
  metrics?: SubgraphMetrics;
  /**
   * Answers a fetch, running it or not (subgraphResponseCache.ts): a page's
   * Ponte part is the same fetch on every view. Default: always run.
   */
  answer?: (context: TContext, query: string, document: DocumentNode, variables: Record<string, unknown>, run: () => Promise<ExecutionResult>) => Promise<ExecutionResult>;
}

/**
 * Subgraph operations are a function of the incoming operation and the
 * plan, so a handful of texts repeat; parsed once each, bounded by size.
 */
const MAX_CACHED_QUERY_BYTES = 4 * 1024 * 1024;

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export class InProcessSubgraph<TContext extends object> implements GraphQLDataSource<TContext & Record<string, any>> {
  private readonly documents = new LRUCache<string, DocumentNode>({
    maxSize: MAX_CACHED_QUERY_BYTES,
    sizeCalculation: (_value, key) => Math.max(1, key.length * 4),
  });

  constructor(private readonly options: InProcessSubgraphOptions<TContext>) {}

  private parsed(query: string): DocumentNode {
    const document = parse(query);
    this.documents.set(query, document);
    return document;
  }

  async process(request: GraphQLDataSourceProcessOptions<TContext & Record<string, any>>): Promise<GatewayGraphQLResponse> {
    const query = request.request.query;
    if (query === undefined) return { errors: [{ message: 'The gateway sent no query.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    const document = this.documents.get(query) ?? this.parsed(query);
    const started = performance.now();
    const context = request.context as TContext;
    const variables = request.request.variables ?? {};
    const run = async () =>
      execute({
        schema: this.options.schema,
        document,
        variableValues: variables,
        operationName: request.request.operationName ?? null,
        contextValue: this.options.contextOf(context),
      });
    const result = this.options.answer ? await this.options.answer(context, query, document, variables, run) : await run();
    this.options.metrics?.record(PONTE_SUBGRAPH, result.errors?.length ? 'error' : 'ok', (performance.now() - started) / 1000);
    const response: GatewayGraphQLResponse = {};
    if (result.data !== undefined) response.data = result.data as Record<string, unknown> | null;
    if (result.errors?.length) response.errors = result.errors.map((error) => this.options.formatError(error.toJSON(), error, context));
    return response;
  }
}
