/**
 * Errors answered outside Apollo (fastify hooks and routes, fastify's own
 * refusals) leave through here: a coded error from src/errors.ts, its
 * registry status and the body GraphQL clients already read.
 */
import type { FastifyReply } from 'fastify';
import { ErpFailure, PonteError, errorBody, malformedRequest } from '../errors';

export function sendError(reply: FastifyReply, error: PonteError): FastifyReply {
  return reply.code(error.httpStatus).send(errorBody(error));
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
