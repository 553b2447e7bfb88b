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
  /** Default message; callers may pass a more specific one from a fixed set. */
  message: string;
}

const REGISTRY: Record<ErrorCode, ErrorSpec> = {
  UNAUTHENTICATED: { status: 401, message: 'Authentication required: the token is missing, malformed, expired or not trusted.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  ACTING_CUSTOMER_REQUIRED: {
    status: 403,
    message: "This needs a customer: an agent or service names the customer it acts for with X-Acting-Customer.",
  },
  BAD_USER_INPUT: { status: 400, message: 'The request has an invalid argument.' },
  GRAPHQL_PARSE_FAILED: { status: 400, message: 'The document is not valid GraphQL.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: 'The document does not match the schema.' },
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  OPERATION_RESOLUTION_FAILURE: { status: 400, message: 'The operation to run could not be determined: name it with operationName.' },
  // 200 as Apollo answers them: the client's APQ link reads the code and retries with the query.
  PERSISTED_QUERY_NOT_FOUND: { status: 200, message: 'PersistedQueryNotFound' },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 200, message: 'PersistedQueryNotSupported' },
  ERP_UNAVAILABLE: { status: 503, message: 'The ERP cannot be reached right now; retry later.' },
  ERP_TIMEOUT: { status: 504, message: 'The ERP did not answer in time; retry later.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'The query is too complex.' },
  PERSISTED_QUERY_HASH_MISMATCH: { status: 400, message: 'The persisted query hash does not match the query.' },
  UNKNOWN_ENTITY_TYPE: { status: 400, message: 'This subgraph does not resolve entities of that type.' },
  NOT_FOUND: { status: 404, message: 'There is nothing at this address: GraphQL is served at /graphql.' },
  SUBGRAPH_UNAVAILABLE: { status: 502, message: 'A content service is not answering; the rest of the answer is complete.' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal error.' },
};

/** An error meant for the client: its message and code are safe to show. */
export class PonteError extends GraphQLError {
  readonly code: ErrorCode;
  readonly httpStatus: number;

  /** `status` overrides the registry's only where HTTP itself says more (a body too large is 413, not 400). */
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>, status?: number) {
    const spec = REGISTRY[code];
    // No HTTP status here: a field's error travels in a 200 response next to
    // whatever data could still be resolved, as GraphQL clients expect;
    // refusingRequest below adds the status to an error refusing a whole request.
    super(message ?? spec.message, { extensions: { code, ...details } });
    this.name = 'PonteError';
    this.code = code;
    this.httpStatus = status ?? spec.status;
  }
}

export const unauthenticated = (message?: string) => new PonteError('UNAUTHENTICATED', message);
export const forbidden = (message?: string) => new PonteError('FORBIDDEN', message);
export const actingCustomerRequired = () => new PonteError('ACTING_CUSTOMER_REQUIRED');
export const badUserInput = (message: string, details?: Record<string, unknown>) =>
  new PonteError('BAD_USER_INPUT', message, details);
// Hardening (input text): refused before execution, so no data at all: HTTP 400 as for a validation error.
export const refusedBeforeExecution = (message: string, details?: Record<string, unknown>) =>
  refusingRequest(new PonteError('BAD_USER_INPUT', message, details));
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
export const fileLinkRefused = () => new PonteError('FORBIDDEN', 'This link is expired or not valid.');

/** Fastify's refusals in the registry's words; its own messages quote the body or the content type. */
const MALFORMED: Record<number, string> = {
  400: 'The request is malformed: its body could not be read.',
  413: 'The request body is too large.',
  415: 'The request content type is not supported: send application/json.',
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
  return new PonteError('BAD_REQUEST', MALFORMED[status], undefined, status);
}

/**
 * The body of an error sent outside Apollo (a fastify hook or route): the
 * GraphQL error shape, so every client reads `errors[0].extensions.code`
 * wherever Ponte refused it.
 */
export function errorBody(error: PonteError): { errors: Array<{ message: string; extensions: { code: ErrorCode } }> } {
  return { errors: [{ message: error.message, extensions: { code: error.code } }] };
}

/**
 * An error that refuses the whole request (cost limit, rate limit): its HTTP
 * status travels with it, since no data is returned next to it and Apollo
 * would answer a plugin's error with 500 otherwise.
 */
export function requestRefused(code: ErrorCode, message?: string, retryAfterSeconds?: number): PonteError {
  return refusingRequest(new PonteError(code, message), retryAfterSeconds);
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
