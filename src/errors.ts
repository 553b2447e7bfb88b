/**
 * The one registry of coded errors. Every error a client can see is created
 * here, with its stable `extensions.code` and HTTP status; resolvers and
 * services never build error strings by hand.
 *
 * Anything that is not a PonteError reaching the GraphQL layer is masked as
 * INTERNAL_SERVER_ERROR (see src/http/formatError.ts), so SQL text, stack
 * traces and connection strings never leave the process.
 */
import { GraphQLError } from 'graphql';
import { type Message, localise, message } from './messages/catalogue';
import type { Language } from './messages/language';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  // An agent or service asked for a customer's private data without naming the customer (X-Acting-Customer).
  | 'ACTING_CUSTOMER_REQUIRED'
  | 'BAD_USER_INPUT'
  // Apollo Server's own codes, kept so that Apollo Client, urql and Apollo's tooling read them as they expect.
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'ERP_UNAVAILABLE'
  | 'ERP_TIMEOUT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  // Hardening: client mistakes that used to surface as internal errors.
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'UNKNOWN_ENTITY_TYPE'
  | 'NOT_FOUND'
  // Gateway mode: a remote subgraph failed or its breaker is open; the rest of the answer stands.
  | 'SUBGRAPH_UNAVAILABLE'
  // What every other failure is masked as, so the client still reads a code.
  | 'INTERNAL_SERVER_ERROR';

interface ErrorSpec {
  /**
   * The HTTP status when this error refuses a whole request (a fastify hook,
   * the context, requestRefused). A field error never changes the status:
   * it travels in a 200 next to the data that could still be resolved.
   */
  status: number;
  /** Default message (one without parameters); callers may pass a more specific one from the catalogue (src/messages). */
  message: Message;
}

const REGISTRY: Record<ErrorCode, ErrorSpec> = {
  UNAUTHENTICATED: { status: 401, message: message('error.unauthenticated') },
  FORBIDDEN: { status: 403, message: message('error.forbidden') },
  ACTING_CUSTOMER_REQUIRED: { status: 403, message: message('error.actingCustomerRequired') },
  BAD_USER_INPUT: { status: 400, message: message('error.badUserInput') },
  GRAPHQL_PARSE_FAILED: { status: 400, message: message('error.graphqlParseFailed') },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: message('error.graphqlValidationFailed') },
  BAD_REQUEST: { status: 400, message: message('error.badRequest') },
  OPERATION_RESOLUTION_FAILURE: { status: 400, message: message('error.operationResolutionFailure') },
  // 200 as Apollo answers them: the client's APQ link reads the code and retries with the query.
  PERSISTED_QUERY_NOT_FOUND: { status: 200, message: message('error.persistedQueryNotFound') },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 200, message: message('error.persistedQueryNotSupported') },
  ERP_UNAVAILABLE: { status: 503, message: message('error.erpUnavailable') },
  ERP_TIMEOUT: { status: 504, message: message('error.erpTimeout') },
  RATE_LIMITED: { status: 429, message: message('error.rateLimited') },
  QUERY_TOO_COMPLEX: { status: 400, message: message('error.queryTooComplex') },
  PERSISTED_QUERY_HASH_MISMATCH: { status: 400, message: message('error.persistedQueryHashMismatch') },
  UNKNOWN_ENTITY_TYPE: { status: 400, message: message('error.unknownEntityType') },
  NOT_FOUND: { status: 404, message: message('error.notFound') },
  SUBGRAPH_UNAVAILABLE: { status: 502, message: message('error.subgraphUnavailable') },
  INTERNAL_SERVER_ERROR: { status: 500, message: message('error.internal') },
};

/**
 * An error meant for the client: its message and code are safe to show.
 * `message` is the English sentence (for logs); the client reads the
 * sentence in its own language, rendered at the edge from `sentence`
 * (src/http/formatError.ts, src/http/errorReply.ts).
 */
export class PonteError extends GraphQLError {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  readonly sentence: Message;

  /** `status` overrides the registry's only where HTTP itself says more (a body too large is 413, not 400). */
  constructor(code: ErrorCode, sentence?: Message, details?: Record<string, unknown>, status?: number) {
    const spec = REGISTRY[code];
    const said = sentence ?? spec.message;
    // No HTTP status here: a field's error travels in a 200 response next to
    // whatever data could still be resolved, as GraphQL clients expect;
    // refusingRequest below adds the status to an error refusing a whole request.
    super(localise(said, 'en'), { extensions: { code, ...details } });
    this.name = 'PonteError';
    this.sentence = said;
    this.code = code;
    this.httpStatus = status ?? spec.status;
  }

  /** The message in the caller's language. */
  messageIn(language: Language): string {
    return localise(this.sentence, language);
  }
}

export const unauthenticated = (sentence?: Message) => new PonteError('UNAUTHENTICATED', sentence);
export const forbidden = (sentence?: Message) => new PonteError('FORBIDDEN', sentence);
export const actingCustomerRequired = () => new PonteError('ACTING_CUSTOMER_REQUIRED');
export const badUserInput = (sentence: Message, details?: Record<string, unknown>) => new PonteError('BAD_USER_INPUT', sentence, details);
// Hardening (input text): refused before execution, so no data at all: HTTP 400 as for a validation error.
export const refusedBeforeExecution = (sentence: Message, details?: Record<string, unknown>) =>
  refusingRequest(new PonteError('BAD_USER_INPUT', sentence, details));
export const erpUnavailable = () => new PonteError('ERP_UNAVAILABLE');
export const erpTimeout = () => new PonteError('ERP_TIMEOUT');
export const internalError = () => new PonteError('INTERNAL_SERVER_ERROR');
/**
 * A remote subgraph that timed out, failed or sits behind an open breaker.
 * The subgraph's name is safe to show (it is the operator's label, not a
 * URL) and tells the client which fields came back null.
 */
export const subgraphUnavailable = (subgraph: string) => new PonteError('SUBGRAPH_UNAVAILABLE', undefined, { subgraph });
/** GET /files: expired, altered, foreign and missing all read alike, so a link cannot probe which files exist. */
export const fileLinkRefused = () => new PonteError('FORBIDDEN', message('files.linkRefused'));

/** Fastify's refusals in the registry's words; its own messages quote the body or the content type. */
const MALFORMED: Record<number, Message> = {
  400: message('http.unreadableBody'),
  413: message('http.bodyTooLarge'),
  415: message('http.unsupportedContentType'),
};

/** A request for an address no route serves. */
export function notFound(): PonteError {
  return new PonteError('NOT_FOUND');
}

/**
 * A request fastify refused before any route ran (a body that is not JSON,
 * too large, of a type no parser takes): BAD_REQUEST, as Apollo names a
 * malformed HTTP request, with fastify's 4xx status, since that status is
 * the one HTTP clients and proxies act on.
 */
export function malformedRequest(status: number): PonteError {
  return new PonteError('BAD_REQUEST', MALFORMED[status] ?? message('http.malformed'), undefined, status);
}

/**
 * The body of an error sent outside Apollo (a fastify hook or route): the
 * GraphQL error shape, so every client reads `errors[0].extensions.code`
 * wherever Ponte refused it.
 */
export function errorBody(error: PonteError, language: Language): { errors: Array<{ message: string; extensions: { code: ErrorCode } }> } {
  return { errors: [{ message: error.messageIn(language), extensions: { code: error.code } }] };
}

/**
 * An error that refuses the whole request (cost limit, rate limit): its HTTP
 * status travels with it, since no data is returned next to it and Apollo
 * would answer a plugin's error with 500 otherwise.
 */
export function requestRefused(code: ErrorCode, sentence?: Message, retryAfterSeconds?: number): PonteError {
  return refusingRequest(new PonteError(code, sentence), retryAfterSeconds);
}

/**
 * Marks an error as refusing the whole request (a bad token, found while
 * the context is built): Apollo answers with its registry status. Only such
 * refusals set a status other than 200; a field's error never does.
 */
export function refusingRequest(error: PonteError, retryAfterSeconds?: number): PonteError {
  const headers = new Map<string, string>();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  (error.extensions as Record<string, unknown>).http = { status: error.httpStatus, headers };
  return error;
}

/**
 * Thrown by the guarded ERP port; carries the adapter's original error for
 * logs only. Mapped to ERP_UNAVAILABLE / ERP_TIMEOUT at the edge.
 */
export class ErpFailure extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout',
    readonly operation: string,
    readonly origin?: unknown,
  ) {
    super(`ERP ${kind} during ${operation}`);
    this.name = 'ErpFailure';
  }

  toClientError(): PonteError {
    return this.kind === 'timeout' ? erpTimeout() : erpUnavailable();
  }
}

/** Raised at start-up for invalid configuration: printed, then exit code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
