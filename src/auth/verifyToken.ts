/**
 * Bearer-token verification (graphql-api.md, "Who is calling").
 *
 * A request without Authorization is anonymous; a request with a token that
 * fails in any way (signature, algorithm, expiry, issuer, audience, claims)
 * is refused with UNAUTHENTICATED and never falls back to anonymous.
 */
import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '../config/config';
import { unauthenticated } from '../errors';
import { ANONYMOUS, type Principal } from './principal';
import { type Message, message } from '../messages/catalogue';

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/** What a customer or agent code in a token may be: printable ASCII, no spaces. */
export const CLAIM_CODE = /^[\x21-\x7e]{1,50}$/;

function claimCode(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && CLAIM_CODE.test(value) ? value : null;
}

/** Maps verified claims to a principal, or null when they do not make one. */
export function principalFromClaims(payload: JWTPayload): Principal | null {
  switch (payload.role) {
    case 'customer': {
      const customer = claimCode(payload, 'customer');
      return customer ? { role: 'customer', customer } : null;
    }
    case 'agent': {
      const agent = claimCode(payload, 'agent');
      return agent ? { role: 'agent', agent } : null;
    }
    case 'service': {
      if (payload.customer !== undefined && payload.customer !== null && claimCode(payload, 'customer') === null) return null;
      return { role: 'service', customer: claimCode(payload, 'customer') };
    }
    default:
      return null;
  }
}

/** Clock difference tolerated between the token issuer and Ponte. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Why a validly signed token is still refused for its times, or null. A
 * token that lives longer than `maxAgeSeconds` from now, or was issued in
 * the future, was not minted for a client session (a leaked secret, a
 * mis-set clock): refusing it bounds the damage of either.
 */
export function lifetimeProblem(payload: JWTPayload, nowSeconds: number, maxAgeSeconds: number): Message | null {
  if (typeof payload.exp === 'number' && payload.exp - nowSeconds > maxAgeSeconds) {
    return message('auth.tokenLivesTooLong');
  }
  if (typeof payload.iat === 'number' && payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    return message('auth.tokenFromTheFuture');
  }
  return null;
}

/**
 * Verified tokens remembered, so a client that sends the same token on every
 * request (a storefront's service token, an agent's session) pays the
 * signature check once. A token's claims cannot change, and its checks only
 * get easier with time except expiry, which is checked on every use.
 */
const VERIFIED_TOKENS = 10_000;

export function createTokenVerifier(auth: AuthConfig, now: () => number = Date.now): TokenVerifier {
  const verified = new LRUCache<string, { principal: Principal; exp: number }>({ max: VERIFIED_TOKENS });
  const options = {
    requiredClaims: ['exp'],
    ...(auth.issuer ? { issuer: auth.issuer } : {}),
    ...(auth.audience ? { audience: auth.audience } : {}),
  };
  let verifyJwt: (token: string) => Promise<JWTPayload>;
  if (auth.secret) {
    // A WebCrypto key imported once: given raw bytes or a KeyObject, jose
    // would import the key again on every verify.
    const key = webcrypto.subtle.importKey('raw', auth.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    verifyJwt = async (token) =>
      (await jwtVerify(token, await key, { ...options, algorithms: ['HS256'], currentDate: new Date(now()) })).payload;
  } else if (auth.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    verifyJwt = async (token) =>
      (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'], currentDate: new Date(now()) })).payload;
  } else {
    throw new Error('auth: neither a secret nor a JWKS URL is configured');
  }

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer[ ]+([A-Za-z0-9_\-.]+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated(message('auth.bearerFormat'));
    const token = match[1]!;
    const known = verified.get(token);
    if (known) {
      if (known.exp > now() / 1000) return known.principal;
      verified.delete(token);
      throw unauthenticated(message('auth.tokenExpired'));
    }
    let payload: JWTPayload;
    try {
      payload = await verifyJwt(token);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated(message('auth.tokenExpired'));
      throw unauthenticated();
    }
    const lifetime = lifetimeProblem(payload, Math.floor(now() / 1000), auth.maxTokenAgeSeconds);
    if (lifetime) throw unauthenticated(lifetime);
    const principal = principalFromClaims(payload);
    if (!principal) throw unauthenticated(message('auth.tokenClaims'));
    verified.set(token, { principal, exp: payload.exp! });
    return principal;
  };
}
