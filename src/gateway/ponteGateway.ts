/**
 * Gateway mode: Ponte serves the supergraph that composes its own subgraph
 * (executed in process) with remote subgraphs (a CMS's content, …), so a
 * storefront asks one endpoint for content and live prices in one query.
 *
 * The supergraph comes from the subgraphs' `_service { sdl }` at start
 * (re-composed every `pollMs` when set, swapped by @apollo/gateway without
 * dropping requests) or from a supergraph file composed ahead of time (by
 * rover). Every operation is guarded (visibilityGuard.ts) so a product the
 * viewer may not see is removed even when only content fields were asked.
 */
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { badUserInput, subgraphUnavailable } from '../errors';
import { PONTE_SUBGRAPH, type SubgraphEndpoint, SupergraphError, composeSupergraph, fetchSubgraphSdl } from './composeSupergraph';
import { GUARD_ALIAS, guardProducts, removeGuard, usesGuardAlias } from './visibilityGuard';
import { message } from '../messages/catalogue';
import type { Language } from '../messages/language';
import { DEFAULTS } from '../settings/defaults';

export interface PonteGatewayOptions {
  /** Ponte's own subgraph SDL (printSubgraphSchema of the served schema). */
  ponteSdl: string;
  /** Ponte's subgraph, executed in process. */
  ponte: GraphQLDataSource;
  /** The remote subgraphs (GATEWAY_SUBGRAPHS); ignored with a supergraph file. */
  subgraphs: readonly SubgraphEndpoint[];
  /** A supergraph composed ahead of time (SUPERGRAPH_FILE); its Ponte subgraph must be named "ponte". */
  supergraphFile: string | null;
  /** Re-compose from the subgraphs every so often; 0 = never. */
  pollMs: number;
  /** Deadline for reading one subgraph's SDL. */
  sdlTimeoutMs: number;
  /** The data source of a remote subgraph (remoteSubgraph.ts). */
  remote: (endpoint: SubgraphEndpoint) => GraphQLDataSource;
  logger: Logger;
}

/** Reads the subgraphs' schemas and composes them; throws a SupergraphError naming what failed. */
export async function composeFromSubgraphs(options: Pick<PonteGatewayOptions, 'ponteSdl' | 'subgraphs' | 'sdlTimeoutMs'>): Promise<string> {
  const remote = await Promise.all(options.subgraphs.map(async (s) => ({ ...s, sdl: await fetchSubgraphSdl(s, options.sdlTimeoutMs) })));
  return composeSupergraph([{ name: PONTE_SUBGRAPH, url: 'in-process://ponte', sdl: options.ponteSdl }, ...remote]);
}

/** The supergraph the gateway starts with, and how to compose it again (null: it never changes). */
interface SupergraphSource {
  initial: string;
  poll: (() => Promise<string>) | null;
}

async function supergraphSource(options: PonteGatewayOptions): Promise<SupergraphSource> {
  if (options.supergraphFile !== null) {
    const sdl = await readFile(options.supergraphFile, 'utf8').catch((error: Error) => {
      throw new SupergraphError(`SUPERGRAPH_FILE ${options.supergraphFile}: ${error.message}`);
    });
    return { initial: sdl, poll: null };
  }
  const initial = await composeFromSubgraphs(options);
  return { initial, poll: options.pollMs > 0 ? () => composeFromSubgraphs(options) : null };
}

function makeGateway(source: SupergraphSource, options: PonteGatewayOptions): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      let current = source.initial;
      let timer: NodeJS.Timeout | null = null;
      if (source.poll) {
        const poll = source.poll;
        timer = setInterval(() => {
          poll()
            .then((next) => {
              if (next === current) return;
              current = next;
              update(next);
              options.logger.info('gateway: supergraph re-composed and swapped');
            })
            // A subgraph down or a composition error keeps the graph being served.
            .catch((error: unknown) => options.logger.warn({ err: error }, 'gateway: re-composition failed; the current supergraph stays'));
        }, options.pollMs);
        timer.unref();
      }
      return { supergraphSdl: current, cleanup: async () => void (timer && clearInterval(timer)) };
    },
    buildService: ({ name, url }) => (name === PONTE_SUBGRAPH ? options.ponte : options.remote({ name, url: url ?? '' })),
    logger: {
      debug: () => undefined,
      info: (message: unknown) => options.logger.info(String(message)),
      warn: (message: unknown) => options.logger.warn(String(message)),
      error: (message: unknown) => options.logger.error(String(message)),
    },
  });
}

/** An operation as the gateway runs it: guarded, or refused for using the guard's alias itself. */
type Guarded = { document: DocumentNode } | { reserved: true };

/** Per schema (a re-composition gives a new one) and per parsed document (Apollo keeps those per query): guarded once. */
const guarded = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Guarded>>();

function guardedDocument(document: DocumentNode, schema: GraphQLSchema): Guarded {
  let perSchema = guarded.get(schema);
  if (!perSchema) {
    perSchema = new WeakMap();
    guarded.set(schema, perSchema);
  }
  let out = perSchema.get(document);
  if (!out) {
    out = usesGuardAlias(document) ? { reserved: true } : { document: guardProducts(document, schema) };
    perSchema.set(document, out);
  }
  return out;
}

function guardExecutor(executor: GatewayExecutor): GatewayExecutor {
  return async (requestContext) => {
    const operation = guardedDocument(requestContext.document, requestContext.schema);
    if ('reserved' in operation) return { errors: [badUserInput(message('input.reservedAlias', { alias: GUARD_ALIAS }))] };
    const result = await executor({ ...requestContext, document: operation.document });
    removeGuard(result.data);
    if (result.extensions) {
      removeGuardCompletions(result.extensions);
      if (Object.keys(result.extensions).length === 0) delete (result as { extensions?: unknown }).extensions;
    }
    return result;
  };
}

/**
 * The gateway reports each null it put in place of the guard's non-null
 * field (`extensions.valueCompletion`); that null is how an invisible
 * product is removed, and saying so would tell the client it exists.
 */
function removeGuardCompletions(extensions: Record<string, unknown>): void {
  const completions = extensions.valueCompletion;
  if (!Array.isArray(completions)) return;
  const kept = completions.filter((c: { path?: unknown[] }) => !(Array.isArray(c.path) && c.path.at(-1) === GUARD_ALIAS));
  if (kept.length > 0) extensions.valueCompletion = kept;
  else delete extensions.valueCompletion;
}

/** The gateway for Apollo Server: @apollo/gateway with every operation guarded. Composition errors reject. */
export async function createPonteGateway(options: PonteGatewayOptions): Promise<GatewayInterface> {
  const gateway = makeGateway(await supergraphSource(options), options);
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(loadOptions) {
      const { schema, executor } = await gateway.load(loadOptions);
      return { schema, executor: guardExecutor(executor) };
    },
  };
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The gateway's formatError. A subgraph's error arrives re-made by the
 * gateway (its code kept, the subgraph named in `serviceName`): Ponte's own
 * were masked when they were made (InProcessSubgraph), a remote one is that
 * subgraph's to word, so both pass; the gateway's own errors (parsing,
 * validation, planning) go through Ponte's formatError. SUBGRAPH_UNAVAILABLE
 * is Ponte's word for a remote subgraph that did not answer, made before
 * the caller's language is known: it is said here, in that language.
 */
export function passSubgraphErrors(format: FormatError, languageOf: (error: unknown) => Language = () => DEFAULTS.language): FormatError {
  return (formatted, error) => {
    const subgraph = formatted.extensions?.serviceName;
    if (typeof subgraph !== 'string') return format(formatted, error);
    const { path, locations } = formatted;
    const message = formatted.extensions?.code === 'SUBGRAPH_UNAVAILABLE' ? subgraphUnavailable(subgraph).messageIn(languageOf(error)) : formatted.message;
    return { message, ...(path ? { path } : {}), ...(locations ? { locations } : {}), extensions: { ...formatted.extensions } };
  };
}
