/**
 * Errors answered outside Apollo (fastify hooks and routes, fastify's own
 * refusals) leave through here: a coded error from src/errors.ts, its
 * registry status and the body GraphQL clients already read.
 */
import type { FastifyReply } from 'fastify';
import { ErpFailure, PonteError, errorBody, malformedRequest } from '../errors';
import { type Language, negotiateLanguage } from '../messages/language';
import { DEFAULTS } from '../settings/defaults';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of this request's messages, decided as it arrives (src/app.ts). */
    messageLanguage?: Language;
  }
}

/**
 * @param language the caller's; by default the one the request hook decided
 *   (src/app.ts), else its Accept-Language, else the contract's default.
 */
export function sendError(reply: FastifyReply, error: PonteError, language?: Language): FastifyReply {
  const request = reply.request;
  const shown = language ?? request.messageLanguage ?? negotiateLanguage(request.headers['accept-language']) ?? DEFAULTS.language;
  return reply.code(error.httpStatus).send(errorBody(error, shown));
}

/**
 * What the client is told about an error that reached fastify's error
 * handler; null for an internal failure, which is logged and masked.
 */
export function clientErrorOf(error: unknown): PonteError | null {
  if (error instanceof PonteError) return error;
  if (error instanceof ErpFailure) return error.toClientError();
  // Fastify marks its own refusals (unparsable body, too large, wrong content type) with a 4xx statusCode.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? malformedRequest(status) : null;
}
