/**
 * RemoteSubgraph (src/gateway/remoteSubgraph.ts) against a real HTTP server
 * playing the subgraph: the keep-alive pool, which headers leave Ponte, and
 * failure isolation (deadline, breaker, SUBGRAPH_UNAVAILABLE, metrics, logs).
 * Timing is asserted through outcomes (metrics, breaker state, the server
 * seeing the request aborted), never through wall-clock thresholds.
 * The same data source inside @apollo/gateway: remoteSubgraph.gateway.test.ts.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import pino from 'pino';
import { Registry } from 'prom-client';
import { RemoteSubgraph, type RemoteSubgraphOptions } from '../../src/gateway/remoteSubgraph';
import { SubgraphMetrics } from '../../src/gateway/subgraphMetrics';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>;

interface FakeSubgraph {
  url: string;
  /** TCP connections accepted since start. */
  connections: number;
  /** HTTP requests received since start. */
  hits: number;
  /** Requests whose client went away before the answer was sent. */
  aborted: number;
  lastHeaders: IncomingMessage['headers'];
  lastBody: unknown;
  handler: Handler;
  close(): Promise<void>;
}

const ok: Handler = (_req, _body, res) => json(res, 200, { data: { hello: 'world' } });

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function startSubgraph(handler: Handler = ok): Promise<FakeSubgraph> {
  let server: Server;
  const fake: FakeSubgraph = {
    url: '',
    connections: 0,
    hits: 0,
    aborted: 0,
    lastHeaders: {},
    lastBody: undefined,
    handler,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server = createServer((req, res) => {
    fake.hits += 1;
    fake.lastHeaders = req.headers;
    res.on('close', () => {
      if (!res.writableFinished) fake.aborted += 1;
    });
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      fake.lastBody = body ? JSON.parse(body) : undefined;
      void fake.handler(req, body, res);
    });
  });
  server.on('connection', () => (fake.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return fake;
}

/** A port nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

interface Harness {
  source: RemoteSubgraph;
  registry: Registry;
  logs: Array<{ level: number; msg: string; subgraph?: string }>;
  counted(outcome: string): Promise<number>;
  breakerGauge(): Promise<number | undefined>;
}

const opened: RemoteSubgraph[] = [];
const servers: FakeSubgraph[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function harness(url: string, options: Partial<RemoteSubgraphOptions<Record<string, any>>> = {}): Harness {
  const registry = new Registry();
  const logs: Harness['logs'] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const source = new RemoteSubgraph({ name: 'content', url, forwardHeaders: [], metrics: new SubgraphMetrics(registry), logger, ...options });
  opened.push(source);
  const value = async (name: string, labels: Record<string, string>) => {
    const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
    return metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
  };
  return {
    source,
    registry,
    logs,
    counted: async (outcome) => (await value('ponte_subgraph_requests_total', { subgraph: 'content', outcome })) ?? 0,
    breakerGauge: () => value('ponte_subgraph_breaker_state', { subgraph: 'content' }),
  };
}

function call(source: RemoteSubgraph, headers: Record<string, string> = {}, query = '{ hello }') {
  const options = {
    kind: 'incoming operation',
    request: { query, variables: { a: 1 }, operationName: undefined },
    incomingRequestContext: { request: { http: { method: 'POST', url: '/graphql', headers: new HeaderMap(Object.entries(headers)) } } },
    context: {},
  } as unknown as GraphQLDataSourceProcessOptions<Record<string, any>>;
  return source.process(options);
}

const UNAVAILABLE = {
  errors: [{ message: 'A content service is not answering; the rest of the answer is complete.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'content' } }],
};

/** The response as the wire would carry it: the error is a PonteError instance (see remoteSubgraph.ts). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('RemoteSubgraph: calls', () => {
  test('a call posts {query, variables, operationName} as JSON and returns the subgraph data', async () => {
    const sub = await startSubgraph();
    servers.push(sub);
    const h = harness(sub.url);
    assert.deepEqual(await call(h.source), { data: { hello: 'world' } });
    assert.deepEqual(sub.lastBody, { query: '{ hello }', variables: { a: 1 } });
    assert.equal(sub.lastHeaders['content-type'], 'application/json');
    assert.equal(await h.counted('ok'), 1);
    assert.equal(await h.breakerGauge(), 0);
  });

  test('the keep-alive pool reuses connections: 20 calls, at most `connections` sockets', async () => {
    const sub = await startSubgraph(async (_req, _body, res) => {
      await sleep(5);
      json(res, 200, { data: { hello: 'world' } });
    });
    servers.push(sub);
    const h = harness(sub.url, { connections: 4 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(h.source)));
    assert.ok(answers.every((a) => a.data?.hello === 'world'));
    assert.equal(sub.hits, 20);
    assert.ok(sub.connections <= 4, `${sub.connections} connections for 20 concurrent calls`);
    for (let i = 0; i < 20; i += 1) await call(h.source);
    assert.ok(sub.connections <= 4, `${sub.connections} connections after 20 more sequential calls`);
  });
});

describe('RemoteSubgraph: headers', () => {
  const caller = {
    authorization: 'Bearer secret-for-ponte',
    'x-acting-customer': 'C0001',
    'accept-language': 'it-IT',
    'x-request-id': 'r-1',
    cookie: 'session=1',
  };

  test('by default only Accept-Language leaves Ponte: no Authorization, no X-Acting-Customer, nothing unlisted', async () => {
    const sub = await startSubgraph();
    servers.push(sub);
    await call(harness(sub.url).source, caller);
    assert.equal(sub.lastHeaders['accept-language'], 'it-IT');
    for (const name of ['authorization', 'x-acting-customer', 'x-request-id', 'cookie']) assert.equal(sub.lastHeaders[name], undefined, name);
  });

  test('listed headers are forwarded, whatever their case in the list; the others still are not', async () => {
    const sub = await startSubgraph();
    servers.push(sub);
    await call(harness(sub.url, { forwardHeaders: ['Authorization', 'x-acting-customer', 'X-Request-Id'] }).source, caller);
    assert.equal(sub.lastHeaders.authorization, 'Bearer secret-for-ponte');
    assert.equal(sub.lastHeaders['x-acting-customer'], 'C0001');
    assert.equal(sub.lastHeaders['x-request-id'], 'r-1');
    assert.equal(sub.lastHeaders['accept-language'], 'it-IT');
    assert.equal(sub.lastHeaders.cookie, undefined);
  });

  test('headersOf(context), when given, is where the caller headers are read from', async () => {
    const sub = await startSubgraph();
    servers.push(sub);
    const h = harness(sub.url, { headersOf: () => new HeaderMap([['accept-language', 'de-DE']]) });
    await call(h.source, { 'accept-language': 'it-IT' });
    assert.equal(sub.lastHeaders['accept-language'], 'de-DE');
  });

  test('headersOf may hand over a Node/fastify headers record as is', async () => {
    const sub = await startSubgraph();
    servers.push(sub);
    const h = harness(sub.url, { forwardHeaders: ['x-tenant'], headersOf: () => ({ 'accept-language': 'fr-FR', 'x-tenant': ['a', 'b'], authorization: 'Bearer x' }) });
    await call(h.source);
    assert.equal(sub.lastHeaders['accept-language'], 'fr-FR');
    assert.equal(sub.lastHeaders['x-tenant'], 'a, b');
    assert.equal(sub.lastHeaders.authorization, undefined);
  });
});

describe('RemoteSubgraph: failure isolation', () => {
  test('a slow subgraph is aborted at the deadline and answers SUBGRAPH_UNAVAILABLE naming it', async () => {
    const sub = await startSubgraph(async (_req, _body, res) => {
      await sleep(1_000);
      if (!res.destroyed) json(res, 200, { data: { hello: 'late' } });
    });
    servers.push(sub);
    const h = harness(sub.url, { timeoutMs: 100 });
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(await h.counted('timeout'), 1);
    assert.equal(await h.counted('ok'), 0);
    // The abort reaches the socket: the server sees its client leave before it answered.
    for (let i = 0; i < 50 && sub.aborted === 0; i += 1) await sleep(10);
    assert.equal(sub.aborted, 1);
    const histogram = (await h.registry.getMetricsAsJSON()).find((m) => m.name === 'ponte_subgraph_request_duration_seconds');
    assert.equal(histogram?.values.find((v) => (v as { metricName?: string }).metricName?.endsWith('_count'))?.value, 1);
  });

  test('a subgraph that is down (closed port) answers SUBGRAPH_UNAVAILABLE, outcome error', async () => {
    const h = harness(await closedPortUrl());
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(await h.counted('error'), 1);
  });

  test('after N failures the breaker opens: no network call, outcome open, gauge 2; after halfOpenAfter a healthy subgraph closes it', async () => {
    let healthy = false;
    const sub = await startSubgraph((req, _body, res) => {
      if (healthy) return json(res, 200, { data: { hello: 'back' } });
      req.socket.destroy();
    });
    servers.push(sub);
    const h = harness(sub.url, { breaker: { consecutiveFailures: 3, halfOpenAfterMs: 50 } });

    for (let i = 0; i < 3; i += 1) assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(sub.hits, 3);
    assert.equal(await h.counted('error'), 3);
    assert.equal(h.source.breakerState, 2);
    assert.equal(await h.breakerGauge(), 2);

    const connectionsWhenOpened = sub.connections;
    for (let i = 0; i < 10; i += 1) assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(sub.hits, 3, 'no request while the breaker is open');
    assert.equal(sub.connections, connectionsWhenOpened, 'no connection attempt while the breaker is open');
    assert.equal(await h.counted('open'), 10);

    const warns = h.logs.filter((l) => l.level === 40);
    assert.equal(warns.length, 1, 'one warn line when it opened, none per refused call');
    assert.equal(warns[0]?.subgraph, 'content');

    healthy = true;
    await sleep(60);
    assert.deepEqual(await call(h.source), { data: { hello: 'back' } });
    assert.equal(h.source.breakerState, 0);
    assert.equal(await h.breakerGauge(), 0);
    assert.deepEqual(await call(h.source), { data: { hello: 'back' } });
    assert.equal(await h.counted('ok'), 2);
    assert.equal(h.logs.filter((l) => l.level === 30 && l.subgraph === 'content').length, 1, 'one info line when it closed');
    assert.equal(h.logs.filter((l) => l.level === 40).length, 1);
  });

  test('a failed half-open trial re-opens the breaker without another warn line', async () => {
    const sub = await startSubgraph((req) => void req.socket.destroy());
    servers.push(sub);
    const h = harness(sub.url, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 20 } });
    await call(h.source);
    await call(h.source);
    assert.equal(h.source.breakerState, 2);
    await sleep(30);
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(sub.hits, 3, 'exactly one trial call went through');
    assert.equal(h.source.breakerState, 2);
    assert.equal(h.logs.filter((l) => l.level === 40).length, 1);
  });

  test('invalid JSON and a 500 HTML page are SUBGRAPH_UNAVAILABLE, and count against the breaker', async () => {
    let reply: Handler = (_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": {"hello": ');
    };
    const sub = await startSubgraph((req, body, res) => reply(req, body, res));
    servers.push(sub);
    const h = harness(sub.url, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    reply = (_req, _body, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Internal Server Error</body></html>');
    };
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(await h.counted('error'), 2);
    assert.equal(h.source.breakerState, 2);
  });

  test('a 503 with a GraphQL body (a subgraph restarting or overloaded) is SUBGRAPH_UNAVAILABLE and counts against the breaker', async () => {
    const sub = await startSubgraph((_req, _body, res) => json(res, 503, { errors: [{ message: 'overloaded', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
    servers.push(sub);
    const h = harness(sub.url, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.deepEqual(asJson(await call(h.source)), UNAVAILABLE);
    assert.equal(await h.counted('error'), 2);
    assert.equal(h.source.breakerState, 2);
  });

  test('a 200 with GraphQL errors (or a 400 with a GraphQL body) is passed on as is and is no breaker failure', async () => {
    const answer = { data: { hello: null }, errors: [{ message: 'Not found', path: ['hello'], extensions: { code: 'NOT_FOUND' } }] };
    let status = 200;
    const sub = await startSubgraph((_req, _body, res) => json(res, status, answer));
    servers.push(sub);
    const h = harness(sub.url, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) assert.deepEqual(await call(h.source), answer);
    status = 400;
    const refused = { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    sub.handler = (_req, _body, res) => json(res, status, refused);
    for (let i = 0; i < 3; i += 1) assert.deepEqual(await call(h.source), refused);
    assert.equal(await h.counted('ok'), 6);
    assert.equal(h.source.breakerState, 0);
  });
});
