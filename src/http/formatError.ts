/**
 * The last stop before an error reaches a client. Coded errors pass; ERP
 * failures become ERP_UNAVAILABLE / ERP_TIMEOUT; GraphQL's own parse and
 * validation errors are BAD_USER_INPUT; anything else is logged in full and
 * masked, so SQL text, stack traces and connection strings never leave.
 * Ponte's own messages are rendered here in the language of the error's
 * request (`languageOf`, see src/http/messageLanguage.ts).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { type ErrorCode, ErpFailure, PonteError, internalError } from '../errors';
import { message } from '../messages/catalogue';
import type { Language } from '../messages/language';
import { DEFAULTS } from '../settings/defaults';

const INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
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
    // Apollo raises this one without a code; its message is the only handle.
    if (formatted.message === 'provided sha does not match query') {
      const mistake = new PonteError('PERSISTED_QUERY_HASH_MISMATCH');
      logInfo(mistake);
      return coded(mistake, where, language);
    }
    if (typeof code === 'string' && INPUT_CODES.has(code)) {
      // graphql-js's own words (which argument, which type), shortened, under the registry's code;
      // they exist in English only, so Italian introduces them.
      return coded(new PonteError('BAD_USER_INPUT', message('input.graphql', { detail: withShortQuotes(formatted.message) })), where, language);
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
