/**
 * Gateway mode from the configuration: null when Ponte serves its subgraph
 * alone (GATEWAY=off, or no subgraph and no supergraph file), otherwise the
 * gateway for Apollo Server with its subgraphs' data sources, made once for
 * the life of the process.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { GatewayConfig } from '../config/config';
import type { SubgraphEndpoint } from './composeSupergraph';
import { InProcessSubgraph, type InProcessSubgraphOptions } from './inProcessSubgraph';
import { createPonteGateway } from './ponteGateway';
import { RemoteSubgraph } from './remoteSubgraph';
import { SubgraphMetrics } from './subgraphMetrics';

export interface GatewayFromConfigOptions<TContext> {
  config: GatewayConfig;
  /** Ponte's executable subgraph schema. */
  schema: GraphQLSchema;
  /** The subgraph server's formatError: Ponte's own errors are masked the same way in process. */
  formatError: (formatted: GraphQLFormattedError, error: unknown, context: TContext) => GraphQLFormattedError;
  /** Where the per-subgraph metrics are registered (the app's /metrics). */
  registry: Registry;
  logger: Logger;
  /** How an in-process fetch is answered (the response cache); always run when absent. */
  answer?: InProcessSubgraphOptions<TContext>['answer'];
  /** A remote subgraph's data source instead of the undici one (tests). */
  remoteSubgraph?: (endpoint: SubgraphEndpoint) => GraphQLDataSource;
}

export interface ServedGateway {
  gateway: GatewayInterface;
  /** Closes the remote subgraphs' pools. */
  close(): Promise<void>;
}

export async function gatewayFromConfig<TContext extends object>(options: GatewayFromConfigOptions<TContext>): Promise<ServedGateway | null> {
  const { config, logger } = options;
  if (!config.enabled || (config.subgraphs.length === 0 && config.supergraphFile === null)) return null;
  const metrics = new SubgraphMetrics(options.registry);
  // One data source per remote subgraph for the life of the process: a
  // re-composition asks for them again, and a new one would forget its
  // breaker's state and its pool.
  const remotes = new Map<string, GraphQLDataSource & { close?: () => Promise<void> }>();
  const remote = (endpoint: SubgraphEndpoint) => {
    const key = `${endpoint.name} ${endpoint.url}`;
    let source = remotes.get(key);
    if (!source) {
      source =
        options.remoteSubgraph?.(endpoint) ??
        new RemoteSubgraph<TContext & Record<string, unknown>>({
          name: endpoint.name,
          url: endpoint.url,
          timeoutMs: config.timeoutMs,
          connections: config.connections,
          forwardHeaders: config.forwardHeaders,
          metrics,
          logger,
        });
      remotes.set(key, source);
    }
    return source;
  };
  const gateway = await createPonteGateway({
    ponteSdl: printSubgraphSchema(options.schema),
    // The caller's context is Ponte's context: same viewer, same loaders, one batch per plan step.
    ponte: new InProcessSubgraph<TContext>({
      schema: options.schema,
      formatError: options.formatError,
      contextOf: (context) => context,
      metrics,
      ...(options.answer ? { answer: options.answer } : {}),
    }),
    subgraphs: config.subgraphs,
    supergraphFile: config.supergraphFile,
    pollMs: config.pollMs,
    sdlTimeoutMs: Math.max(config.timeoutMs, 5_000),
    remote,
    logger,
  });
  return {
    gateway,
    close: async () => void (await Promise.all([...remotes.values()].map((r) => r.close?.()))),
  };
}
