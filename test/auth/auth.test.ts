/**
 * graphql-api.md, "Who is calling": bearer tokens, roles, the acting
 * customer, and the configuration that decides how tokens are verified.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors';
import { projectRoot } from '../../src/projectRoot';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { errorCodes } from '../helpers/rawHttp';
import { TEST_SECRET, startTestServer, type GqlResponse, type TestServer } from '../helpers/testServer';

const secret = new TextEncoder().encode(TEST_SECRET);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Signs arbitrary claims with the server's secret (HS256), exp in one hour unless given. */
function signHs256(claims: Record<string, unknown>, options: { exp?: number | null; key?: Uint8Array; alg?: string } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? inOneHour());
  return jwt.sign(options.key ?? secret);
}

const ME = '{ me { code } }';
const CATALOG_AND_ME = '{ me { code } catalog(first: 1) { edges { node { sku } } } }';

function assertRefused(res: GqlResponse): void {
  assert.equal(res.status, 401, `expected HTTP 401, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.deepEqual(errorCodes(res.body), ['UNAUTHENTICATED']);
  // Never a fallback to anonymous: no data at all.
  assert.equal(res.body.data ?? null, null);
}

describe('auth over HTTP', () => {
  let server: TestServer;

  before(async () => {
    const db = createFixtureDb();
    insertRows(db, 'ecom_agents', [
      { agent_code: 'AG1', name: 'Agente Uno', email: null },
      { agent_code: 'AG2', name: 'Agente Due', email: null },
    ]);
    insertRows(db, 'ecom_customers', [
      customer('C1', { agent_code: 'AG1' }),
      customer('C2', { agent_code: 'AG1' }),
      customer('C3', { agent_code: 'AG2' }),
      customer('C4', { agent_code: 'AG1' }),
      customer('C5', { agent_code: 'AG1' }),
      customer('C6', { agent_code: null }),
    ]);
    insertRows(db, 'ecom_articles', [article('A1')]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  describe('tokens', () => {
    test('a request without Authorization is anonymous: me is null', async () => {
      const res = await server.gql(CATALOG_AND_ME);
      assert.equal(res.status, 200);
      assert.equal(res.body.errors, undefined);
      assert.equal(res.body.data.me, null);
      assert.deepEqual(res.body.data.catalog.edges, [{ node: { sku: 'A1' } }]);
    });

    test('a valid customer token is accepted: me is its customer', async () => {
      const res = await server.gql(ME, { token: await server.token({ role: 'customer', customer: 'C1' }) });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.data, { me: { code: 'C1' } });
    });

    test('an expired token is refused with 401 UNAUTHENTICATED', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' }, -60);
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token signed with another secret is refused with 401', async () => {
      const token = await signHs256(
        { role: 'customer', customer: 'C1' },
        { key: new TextEncoder().encode('another-secret-that-is-also-32-bytes-long!!') },
      );
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token whose signature was tampered with is refused with 401', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const [h, , s] = token.split('.');
      const forged = `${h}.${b64url({ role: 'customer', customer: 'C2', exp: inOneHour() })}.${s}`;
      assertRefused(await server.gql(CATALOG_AND_ME, { token: forged }));
    });

    test('an unsecured token (alg "none", empty signature) is refused with 401', async () => {
      const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ role: 'customer', customer: 'C1', exp: inOneHour() })}.`;
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token signed with HS512 (not the configured HS256) is refused with 401', async () => {
      const token = await signHs256({ role: 'customer', customer: 'C1' }, { alg: 'HS512' });
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('an RS256 token is refused when HS256 is configured', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({ role: 'customer', customer: 'C1' })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setExpirationTime(inOneHour())
        .sign(privateKey);
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token without exp is refused with 401', async () => {
      const token = await signHs256({ role: 'customer', customer: 'C1' }, { exp: null });
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token not valid yet (nbf in the future) is refused with 401', async () => {
      const token = await new SignJWT({ role: 'customer', customer: 'C1' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setNotBefore(inOneHour())
        .setExpirationTime(inOneHour() + 3600)
        .sign(secret);
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token without a role is refused with 401', async () => {
      const token = await signHs256({ customer: 'C1' });
      assertRefused(await server.gql(CATALOG_AND_ME, { token }));
    });

    test('a token with an unknown role is refused with 401', async () => {
      for (const role of ['admin', 'Customer', '', 42]) {
        const token = await signHs256({ role, customer: 'C1', agent: 'AG1' });
        assertRefused(await server.gql(CATALOG_AND_ME, { token }));
      }
    });

    test('a customer token without a customer claim is refused with 401', async () => {
      for (const claims of [{ role: 'customer' }, { role: 'customer', customer: '' }, { role: 'customer', customer: 7 }]) {
        const token = await signHs256(claims);
        assertRefused(await server.gql(CATALOG_AND_ME, { token }));
      }
    });

    test('an agent token without an agent claim is refused with 401', async () => {
      for (const claims of [{ role: 'agent' }, { role: 'agent', customer: 'C1' }, { role: 'agent', agent: '' }]) {
        const token = await signHs256(claims);
        assertRefused(await server.gql(CATALOG_AND_ME, { token }));
      }
    });

    test('a malformed Authorization header is refused with 401', async () => {
      const valid = await server.token({ role: 'customer', customer: 'C1' });
      for (const authorization of ['Token x', 'Bearer', 'Bearer ', `Basic ${valid}`, 'Bearer not a token', `Bearer ${valid} extra`]) {
        const res = await server.gql(CATALOG_AND_ME, { headers: { authorization } });
        assertRefused(res);
      }
    });

    test('a garbage bearer token is refused with 401', async () => {
      assertRefused(await server.gql(CATALOG_AND_ME, { token: 'abc.def.ghi' }));
    });
  });

  describe('acting customer', () => {
    test('an agent with X-Acting-Customer of a customer it follows acts as that customer', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      const res = await server.gql(ME, { token, acting: 'C2' });
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data, { me: { code: 'C2' } });
    });

    test('an agent without X-Acting-Customer acts for nobody: me is null', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      const res = await server.gql(ME, { token });
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data, { me: null });
    });

    test('an agent acting for a customer it does not follow is FORBIDDEN', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      for (const acting of ['C3', 'C6']) {
        const res = await server.gql(ME, { token, acting });
        assert.deepEqual(errorCodes(res.body), ['FORBIDDEN'], acting);
        assert.equal(res.body.data?.me ?? null, null);
      }
    });

    test('an agent acting for a non-existent customer gets the same FORBIDDEN as for one it does not follow', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      const notFollowed = await server.gql(ME, { token, acting: 'C3' });
      const missing = await server.gql(ME, { token, acting: 'NOBODY' });
      assert.deepEqual(errorCodes(missing.body), ['FORBIDDEN']);
      assert.equal(missing.status, notFollowed.status);
      assert.deepEqual(missing.body, notFollowed.body);
    });

    test('a service token may act for any customer', async () => {
      const token = await server.token({ role: 'service' });
      for (const acting of ['C1', 'C3', 'C6']) {
        const res = await server.gql(ME, { token, acting });
        assert.equal(res.body.errors, undefined, acting);
        assert.deepEqual(res.body.data, { me: { code: acting } });
      }
    });

    test('a service token with a customer claim acts for that customer', async () => {
      const token = await server.token({ role: 'service', customer: 'C3' });
      const res = await server.gql(ME, { token });
      assert.deepEqual(res.body.data, { me: { code: 'C3' } });
    });

    test('a customer token with X-Acting-Customer of another customer is FORBIDDEN', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const res = await server.gql(ME, { token, acting: 'C2' });
      assert.deepEqual(errorCodes(res.body), ['FORBIDDEN']);
      assert.equal(res.body.data?.me ?? null, null);
    });

    test('a customer token with X-Acting-Customer of itself is accepted', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const res = await server.gql(ME, { token, acting: 'C1' });
      assert.deepEqual(res.body.data, { me: { code: 'C1' } });
    });
  });

  describe('Customer entities (_entities)', () => {
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { code companyName } } }';
    const refs = (...codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'Customer', code })) });
    const codes = (res: GqlResponse) => res.body.data._entities.map((c: any) => c?.code ?? null);

    test('anonymous callers resolve no customer', async () => {
      const res = await server.gql(ENTITIES, { variables: refs('C1', 'C3') });
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(codes(res), [null, null]);
    });

    test('a customer resolves itself only', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const res = await server.gql(ENTITIES, { token, variables: refs('C1', 'C2', 'NOBODY') });
      assert.deepEqual(codes(res), ['C1', null, null]);
    });

    test('an agent resolves the customers it follows, and nobody else, exactly as for a missing code', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      const res = await server.gql(ENTITIES, { token, variables: refs('C1', 'C3', 'NOBODY', 'C6') });
      assert.deepEqual(codes(res), ['C1', null, null, null]);
    });

    test('a service resolves any customer', async () => {
      const token = await server.token({ role: 'service' });
      const res = await server.gql(ENTITIES, { token, variables: refs('C3', 'C6', 'NOBODY') });
      assert.deepEqual(codes(res), ['C3', 'C6', null]);
    });
  });

  describe('customers', () => {
    const PAGE = `query($first: Int, $after: String) {
      customers(first: $first, after: $after) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } }
    }`;

    test('an agent lists only its own customers, page by page', async () => {
      const token = await server.token({ role: 'agent', agent: 'AG1' });
      const first = await server.gql(PAGE, { token, variables: { first: 2 } });
      assert.equal(first.body.errors, undefined);
      const page1 = first.body.data.customers;
      assert.deepEqual(page1.edges.map((e: any) => e.node.code), ['C1', 'C2']);
      assert.equal(page1.pageInfo.hasNextPage, true);
      assert.equal(page1.pageInfo.endCursor, page1.edges[1].cursor);

      const second = await server.gql(PAGE, { token, variables: { first: 2, after: page1.pageInfo.endCursor } });
      assert.equal(second.body.errors, undefined);
      const page2 = second.body.data.customers;
      assert.deepEqual(page2.edges.map((e: any) => e.node.code), ['C4', 'C5']);
      assert.equal(page2.pageInfo.hasNextPage, false);

      const all = await server.gql(PAGE, { token });
      assert.deepEqual(all.body.data.customers.edges.map((e: any) => e.node.code), ['C1', 'C2', 'C4', 'C5']);
      assert.equal(all.body.data.customers.pageInfo.hasNextPage, false);
    });

    test('a service lists every customer', async () => {
      const token = await server.token({ role: 'service' });
      const res = await server.gql(PAGE, { token });
      assert.deepEqual(res.body.data.customers.edges.map((e: any) => e.node.code), ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
    });

    // A field's refusal: customers is null with its error, in a 200 (issue 12, partial data).
    test('customers as a customer is FORBIDDEN', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const res = await server.gql(PAGE, { token });
      assert.equal(res.status, 200);
      assert.deepEqual(errorCodes(res.body), ['FORBIDDEN']);
      assert.deepEqual(res.body.data, { customers: null });
    });

    test('customers as anonymous is UNAUTHENTICATED', async () => {
      const res = await server.gql(PAGE);
      assert.equal(res.status, 200);
      assert.deepEqual(errorCodes(res.body), ['UNAUTHENTICATED']);
      assert.deepEqual(res.body.data, { customers: null });
    });
  });
});

describe('auth with issuer and audience checks', () => {
  let server: TestServer;
  before(async () => {
    const db = createFixtureDb();
    insertRows(db, 'ecom_customers', [customer('C1')]);
    server = await startTestServer(db, { env: { AUTH_ISSUER: 'https://idp.example.com/', AUTH_AUDIENCE: 'ponte' } });
  });
  after(() => server.close());

  test('a token with the configured issuer and audience is accepted', async () => {
    const token = await signHs256({ role: 'customer', customer: 'C1', iss: 'https://idp.example.com/', aud: 'ponte' });
    const res = await server.gql(ME, { token });
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });

  test('a token with another issuer, or none, is refused with 401', async () => {
    for (const iss of ['https://evil.example.com/', undefined]) {
      const token = await signHs256({ role: 'customer', customer: 'C1', aud: 'ponte', ...(iss ? { iss } : {}) });
      assertRefused(await server.gql(ME, { token }));
    }
  });

  test('a token for another audience, or none, is refused with 401', async () => {
    for (const aud of ['other-api', undefined]) {
      const token = await signHs256({ role: 'customer', customer: 'C1', iss: 'https://idp.example.com/', ...(aud ? { aud } : {}) });
      assertRefused(await server.gql(ME, { token }));
    }
  });
});

describe('auth with a JWKS URL (RS256 / ES256)', () => {
  let server: TestServer;
  let jwks: Server;
  let rsa: PrivateKey;
  let ec: PrivateKey;
  let rsaPublicPem: string;

  before(async () => {
    const rsaPair = await generateKeyPair('RS256', { extractable: true });
    const ecPair = await generateKeyPair('ES256', { extractable: true });
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    rsaPublicPem = await exportSPKI(rsaPair.publicKey);
    const keys = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    const db = createFixtureDb();
    insertRows(db, 'ecom_customers', [customer('C1')]);
    // startTestServer sets AUTH_JWT_SECRET; an empty value counts as unset.
    server = await startTestServer(db, { env: { AUTH_JWT_SECRET: '', AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  });
  after(async () => {
    await server.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  const sign = (key: PrivateKey, alg: string, kid: string) =>
    new SignJWT({ role: 'customer', customer: 'C1' }).setProtectedHeader({ alg, kid }).setExpirationTime(inOneHour()).sign(key);

  test('an RS256 token signed with a published key is accepted', async () => {
    const res = await server.gql(ME, { token: await sign(rsa, 'RS256', 'rsa-1') });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });

  test('an ES256 token signed with a published key is accepted', async () => {
    const res = await server.gql(ME, { token: await sign(ec, 'ES256', 'ec-1') });
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });

  test('an RS256 token signed with an unpublished key is refused with 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    assertRefused(await server.gql(ME, { token: await sign(privateKey, 'RS256', 'rsa-1') }));
  });

  test('an HS256 token is refused with 401, even one keyed with the published public key', async () => {
    assertRefused(await server.gql(ME, { token: await signHs256({ role: 'customer', customer: 'C1' }) }));
    const confused = await new SignJWT({ role: 'customer', customer: 'C1' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setExpirationTime(inOneHour())
      .sign(new TextEncoder().encode(rsaPublicPem));
    assertRefused(await server.gql(ME, { token: confused }));
  });
});

describe('configuration', () => {
  const base = { AUTH_JWT_SECRET: TEST_SECRET };

  const assertConfigError = (env: Record<string, string>, mentions: string, devSecret?: () => Uint8Array) => {
    assert.throws(
      () => loadConfig(env, devSecret),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
        assert.match(error.message, new RegExp(mentions));
        return true;
      },
    );
  };

  test('a valid configuration loads', () => {
    const config = loadConfig({ ...base, ERP_URL: 'sqlite:/tmp/erp.sqlite' });
    assert.deepEqual(config.erp, { kind: 'sqlite', path: '/tmp/erp.sqlite' });
    assert.equal(config.auth.jwksUrl, null);
  });

  test('a malformed ERP_URL is a ConfigError', () => {
    for (const url of ['ftp://x', 'postgres://u:p@h/db', 'sqlite:', 'mssql://', 'not a url']) {
      assertConfigError({ ...base, ERP_URL: url }, 'ERP_URL');
    }
  });

  test('an HS256 secret shorter than 32 bytes is a ConfigError', () => {
    assertConfigError({ AUTH_JWT_SECRET: 'x'.repeat(31) }, 'AUTH_JWT_SECRET');
    assert.doesNotThrow(() => loadConfig({ AUTH_JWT_SECRET: 'x'.repeat(32) }));
  });

  test('both AUTH_JWT_SECRET and AUTH_JWKS_URL set is a ConfigError', () => {
    assertConfigError({ ...base, AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json' }, 'AUTH_JWKS_URL');
  });

  test('no secret and no JWKS URL in production is a ConfigError, even with a development secret at hand', () => {
    assertConfigError({ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET', () => new Uint8Array(48));
    assertConfigError({ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET');
  });

  test('a ConfigError lists every problem, not only the first', () => {
    assertConfigError({ ERP_URL: 'ftp://x', AUTH_JWT_SECRET: 'short' }, 'ERP_URL[\\s\\S]*AUTH_JWT_SECRET');
  });

  test('the server refuses to start on a bad ERP_URL: exit code 2 and a clear message on stderr', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ERP_URL: 'ftp://x', AUTH_JWT_SECRET: TEST_SECRET, PORT: '0', NODE_ENV: 'test' };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A safety net only: a server that started by mistake must not outlive the test.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(guard);
    assert.equal(code, 2, `exit code; stderr: ${stderr}; stdout: ${stdout}`);
    assert.match(stderr, /Invalid configuration/);
    assert.match(stderr, /ERP_URL/);
    assert.match(stderr, /sqlite: or mssql:\/\//);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.doesNotMatch(stdout, /listening/);
  });
});
