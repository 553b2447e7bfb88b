/**
 * Verifies the bearer token once per request, in a fastify hook, and keeps
 * the outcome on the request: the rate limiter needs the principal before
 * GraphQL runs, and the GraphQL context reuses it instead of verifying again.
 * A failed verification is kept too, not thrown here, so that the limiter
 * can count failures per address before the 401 goes out.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verifyToken';
import { PonteError, unauthenticated } from '../errors';
import { message } from '../messages/catalogue';

export type Authentication = { principal: Principal; failure?: undefined } | { principal?: undefined; failure: PonteError };

declare module 'fastify' {
  interface FastifyRequest {
    authentication?: Authentication;
  }
}

export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  // Two Authorization headers are an attack or a bug; never guess which one counts.
  if (Array.isArray(value)) throw unauthenticated(message('auth.oneHeader', { name }));
  return value;
}

export async function authenticate(verify: TokenVerifier, headers: IncomingHttpHeaders): Promise<Authentication> {
  try {
    return { principal: await verify(singleHeader(headers, 'authorization')) };
  } catch (error) {
    if (error instanceof PonteError) return { failure: error };
    throw error;
  }
}

export function authenticationHook(verify: TokenVerifier) {
  return async (request: FastifyRequest): Promise<void> => {
    request.authentication = await authenticate(verify, request.headers);
  };
}
