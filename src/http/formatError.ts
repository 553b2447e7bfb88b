/**
 * The last stop before an error reaches a client. Coded errors pass; ERP
 * failures become ERP_UNAVAILABLE / ERP_TIMEOUT; Apollo's own refusals
 * (parse, validation, persisted queries, a malformed request, an operation
 * it cannot pick, a variable that does not coerce) keep Apollo's code, from
 * the registry, with graphql-js's words shortened; anything else is logged
 * in full and masked, so SQL text, stack traces and connection strings
 * never leave. The HTTP status is not decided here: Apollo sets it from the
 * error before formatting (400 for its refusals, 200 for persisted-query
 * misses), and a field's error never changes it.
 * Ponte's own messages are rendered here in the language of the error's
 * request (`languageOf`, see src/http/messageLanguage.ts).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { type ErrorCode, ErpFailure, PonteError, internalError } from '../errors';
import { message } from '../messages/catalogue';
import type { Language } from '../messages/language';
import { DEFAULTS } from '../settings/defaults';

/** Apollo's codes, passed on under the registry's entry of the same name; BAD_USER_INPUT is a variable that does not coerce. */
const APOLLO_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
]);

/**
 * Apollo raises these without a code; their message is the only handle.
 * Another APQ version than 1 is a persisted query this server does not
 * support: Apollo Client's APQ link then sends the whole query, as it does
 * for PERSISTED_QUERY_NOT_SUPPORTED (Apollo's status for it stays 400).
 */
const UNCODED: ReadonlyMap<string, ErrorCode> = new Map<string, ErrorCode>([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_NOT_SUPPORTED'],
]);

/** Client mistakes with their own code: logged at info, never as failures. */
const CLIENT_MISTAKES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['PERSISTED_QUERY_HASH_MISMATCH', 'UNKNOWN_ENTITY_TYPE']);

export function createFormatError(
  log: (error: unknown) => void,
  logInfo: (error: unknown) => void = () => undefined,
  languageOf: (error: unknown) => Language = () => DEFAULTS.language,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const language = languageOf(error);
    let original = unwrapResolverError(error);
    // Validation rules' errors arrive wrapped once more by Apollo.
    const inner = (original as { originalError?: unknown } | null)?.originalError;
    if (!(original instanceof PonteError) && inner instanceof PonteError) original = inner;
    const where = { ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
    if (original instanceof PonteError) {
      if (CLIENT_MISTAKES.has(original.code)) logInfo(original);
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      return { message: original.messageIn(language), ...where, extensions };
    }
    if (original instanceof ErpFailure) {
      log(original);
      return coded(original.toClientError(), where, language);
    }
    const code = formatted.extensions?.code;
    const uncoded = UNCODED.get(formatted.message);
    if (uncoded) {
      const mistake = new PonteError(uncoded);
      logInfo(mistake);
      return coded(mistake, where, language);
    }
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED') {
      // Apollo's exact words in every language: persisted-query links match the text as well as the code.
      return coded(new PonteError(code), where, language);
    }
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      // graphql-js's and Apollo's own words (which argument, which type), shortened, under the registry's code;
      // they exist in English only, so Italian introduces them.
      return coded(new PonteError(code as ErrorCode, message('input.graphql', { detail: withShortQuotes(formatted.message) })), where, language);
    }
    log(original);
    return coded(internalError(), where, language);
  };
}

function coded(error: PonteError, where: Pick<GraphQLFormattedError, 'path' | 'locations'>, language: Language): GraphQLFormattedError {
  return { message: error.messageIn(language), ...where, extensions: { code: error.code } };
}

/** Longest part of a client's input an error repeats. */
const MAX_ECHO = 40;
const MAX_MESSAGE = 500;
/** A JSON-quoted value longer than MAX_ECHO: graphql-js quotes the whole value it could not coerce. */
const LONG_QUOTE = new RegExp(String.raw`"((?:[^"\\]|\\.){${MAX_ECHO}})(?:[^"\\]|\\.)+"`, 'g');

/**
 * GraphQL's own parse, validation and coercion messages repeat the value
 * they refused ("Int cannot represent non-integer value: \"…\""), however
 * long: each quoted value is cut to a short prefix, and the message too.
 */
export function withShortQuotes(message: string): string {
  const shortened = message.replace(LONG_QUOTE, '"$1…"');
  return shortened.length > MAX_MESSAGE ? `${shortened.slice(0, MAX_MESSAGE)}…` : shortened;
}
