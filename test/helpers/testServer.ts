/**
 * Ponte over real HTTP on an ephemeral port, against a given SQLite ERP, with
 * a known HS256 secret so tests can mint any token.
 */
import type Database from 'better-sqlite3';
import pino from 'pino';
import { request } from 'undici';
import { createPonteApp, type PonteApp } from '../../src/app';
import { mintToken, type TokenClaims } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config/config';
import type { ErpPort } from '../../src/erp/port';
import { SqliteErp, type SqliteErpOptions } from '../../src/erp/sqlite';
import { buildFeatureServices } from '../../src/featureServices';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-bytes-long!!';
const secretBytes = new TextEncoder().encode(TEST_SECRET);

export interface GqlOptions {
  token?: string;
  acting?: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface GqlResponse<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { data?: T; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
  erpCalls: number;
}

export interface TestServer {
  url: string;
  app: PonteApp;
  sqlite: SqliteErp;
  token(claims: TokenClaims, ttlSeconds?: number): Promise<string>;
  gql<T = any>(query: string, options?: GqlOptions): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  now?: () => Date;
  sqlite?: SqliteErpOptions;
  /** Enables the demo importer on this database. */
  demo?: boolean;
  /** The caches' clock (epoch ms), to expire facts. */
  cacheClock?: () => number;
  /** Wraps the adapter (fault injection: an ERP that goes down, slows, recovers). */
  wrapAdapter?: (sqlite: SqliteErp) => ErpPort;
}

export async function startTestServer(db: Database.Database, options: TestServerOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    AUTH_JWT_SECRET: TEST_SECRET,
    CHANGE_FEED_POLL_MS: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const sqlite = new SqliteErp(db, options.sqlite);
  const app = await createPonteApp({
    config,
    adapter: options.wrapAdapter ? options.wrapAdapter(sqlite) : sqlite,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.cacheClock ? { cacheClock: options.cacheClock } : {}),
    extendServices: (base) => buildFeatureServices({ ...base, demo: options.demo ?? false, sqlite }),
  });
  const url = await app.listen('127.0.0.1', 0);
  return {
    url,
    app,
    sqlite,
    token: (claims, ttl) => mintToken(secretBytes, claims, ttl),
    async gql(query, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      if (o.acting) headers['x-acting-customer'] = o.acting;
      const res = await request(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: o.variables ?? {} }),
      });
      const body = (await res.body.json()) as GqlResponse['body'];
      return { status: res.statusCode, headers: res.headers, body, erpCalls: Number(res.headers['x-ponte-erp-calls'] ?? NaN) };
    },
    close: () => app.close(),
  };
}
