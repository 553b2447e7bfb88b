/**
 * Refuses a GraphQL document before it is parsed when it has too many tokens
 * or brackets nested too deep. graphql-js parses recursively, so a document
 * nested a few thousand levels deep overflows the JS stack inside `parse`,
 * before any validation rule (graphql-armor's included) can see it; the
 * lexer, by contrast, is iterative, so counting here is safe at any size.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Lexer, Source, TokenKind } from 'graphql';
import { PonteError } from '../errors';
import { sendError } from '../http/errorReply';
import { type Message, message } from '../messages/catalogue';

export interface DocumentGuardLimits {
  maxTokens: number;
  /** Deepest nesting of { [ ( brackets; field depth is checked later by graphql-armor. */
  maxNesting: number;
}

/** Why a document is refused, or null when it may be parsed. */
export function documentTooLarge(query: string, limits: DocumentGuardLimits): Message | null {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) return message('limits.tokens', { max: limits.maxTokens });
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) {
        depth += 1;
        if (depth > limits.maxNesting) return message('limits.nesting', { max: limits.maxNesting });
      } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) {
        depth -= 1;
      }
    }
  } catch {
    // A lexical error: the parser will report it properly.
    return null;
  }
  return null;
}

/** A fastify preHandler for /graphql: refuses, with QUERY_TOO_COMPLEX (400), before Apollo parses. */
export function documentGuardHook(limits: DocumentGuardLimits) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const query = (request.body as { query?: unknown } | null)?.query ?? (request.query as { query?: unknown } | null)?.query;
    const problem = typeof query === 'string' ? documentTooLarge(query, limits) : null;
    if (problem) {
      return sendError(reply, new PonteError('QUERY_TOO_COMPLEX', problem));
    }
    return undefined;
  };
}
