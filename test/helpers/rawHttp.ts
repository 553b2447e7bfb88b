/**
 * Raw HTTP for tests (to compare response bytes and to make GET
 * requests), and a server around any ERP adapter (to inject failures the
 * SQLite fixture cannot produce).
 */
import pino from 'pino';
import { request } from 'undici';
import { createPonteApp, type PonteApp } from '../../src/app';
import { mintToken, type TokenClaims } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config/config';
import type { ErpPort } from '../../src/erp/port';
import type { GqlOptions, GqlResponse } from './testServer';
import { TEST_SECRET } from './testServer';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request; the body comes back as text, untouched. */
export async function rawRequest(
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const res = await request(url, {
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

/** A GraphQL POST whose response body is returned as text, byte for byte. */
export async function rawGql(baseUrl: string, query: string, o: GqlOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.acting) headers['x-acting-customer'] = o.acting;
  return rawRequest(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: o.variables ?? {} }) });
}

export interface AdapterServer {
  url: string;
  app: PonteApp;
  token(claims: TokenClaims, ttlSeconds?: number): Promise<string>;
  gql<T = any>(query: string, options?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** Ponte over real HTTP around the given adapter (no feature services). */
export async function startServerWithAdapter(adapter: ErpPort, env: Record<string, string> = {}): Promise<AdapterServer> {
  const config = loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, CHANGE_FEED_POLL_MS: '0', LOG_LEVEL: 'silent', ...env });
  const app = await createPonteApp({ config, adapter, logger: pino({ level: 'silent' }) });
  const url = await app.listen('127.0.0.1', 0);
  const secret = new TextEncoder().encode(TEST_SECRET);
  return {
    url,
    app,
    token: (claims, ttl) => mintToken(secret, claims, ttl),
    async gql(query, o = {}) {
      const raw = await rawGql(url, query, o);
      return {
        status: raw.status,
        headers: raw.headers,
        body: JSON.parse(raw.text) as GqlResponse['body'],
        erpCalls: Number(raw.headers['x-ponte-erp-calls'] ?? NaN),
      };
    },
    close: () => app.close(),
  };
}

/** The error codes of a GraphQL response, in order. */
export function errorCodes(body: GqlResponse['body']): Array<string | undefined> {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}
