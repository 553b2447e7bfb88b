/**
 * Hardening, probe rows 9 and 10: demo tokens are printed only when Ponte
 * made up the secret itself; NODE_ENV must be a value Ponte knows; tokens
 * living longer than AUTH_MAX_TOKEN_AGE, or issued in the future, are refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors';
import { projectRoot } from '../../src/projectRoot';
import { demoTokenSecret, startupBanner } from '../../src/startupBanner';
import { createFixtureDb } from '../helpers/fixtureErp';
import { TEST_SECRET, startTestServer, type TestServer } from '../helpers/testServer';

const SECRET = { AUTH_JWT_SECRET: TEST_SECRET };
const DEMO = { demoCustomer: 'C00001', demoAgent: 'AG01' };
const TOKENS = { customer: 'eyJcustomer', agent: 'eyJagent', service: 'eyJservice' };

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env, () => new Uint8Array(48));
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('NODE_ENV', () => {
  test('an unknown NODE_ENV ("prod") is a configuration error naming NODE_ENV', () => {
    assert.match(configError({ ...SECRET, NODE_ENV: 'prod' }), /NODE_ENV: must be production, development or test/);
  });

  test('production, development, test and unset are accepted', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      assert.doesNotThrow(() => loadConfig({ ...SECRET, NODE_ENV }));
    }
    assert.equal(loadConfig(SECRET).production, false);
  });

  test('Ponte started with NODE_ENV=prod exits with code 2 and the message, without listening', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'prod', PORT: '0', ERP_URL: 'sqlite:/nonexistent.sqlite' };
    delete env.NODE_TEST_CONTEXT;
    delete env.AUTH_JWT_SECRET;
    const run = await runMain(env, () => false);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /NODE_ENV/);
    assert.doesNotMatch(run.stdout, /listening/);
  });
});

describe('AUTH_MAX_TOKEN_AGE', () => {
  test('defaults to 24 hours', () => {
    assert.equal(loadConfig(SECRET).auth.maxTokenAgeSeconds, 86_400);
  });

  test('is read in seconds', () => {
    assert.equal(loadConfig({ ...SECRET, AUTH_MAX_TOKEN_AGE: '3600' }).auth.maxTokenAgeSeconds, 3600);
  });

  test('a value that is not a whole number of seconds from 60 up is a configuration error', () => {
    for (const value of ['abc', '0', '59', '-5', '1.5']) {
      assert.match(configError({ ...SECRET, AUTH_MAX_TOKEN_AGE: value }), /AUTH_MAX_TOKEN_AGE/, value);
    }
  });
});

describe('demo tokens in the start-up banner', () => {
  test('are signed only with a secret Ponte generated itself', () => {
    const generated = loadConfig({}, () => new Uint8Array(48));
    assert.equal(generated.auth.generatedSecret, true);
    assert.equal(demoTokenSecret(generated.auth, DEMO), generated.auth.secret);
  });

  test('are never signed with a configured AUTH_JWT_SECRET, production or not', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      assert.equal(demoTokenSecret(loadConfig({ ...SECRET, NODE_ENV }).auth, DEMO), null, NODE_ENV);
    }
    assert.equal(demoTokenSecret(loadConfig(SECRET).auth, DEMO), null);
  });

  test('are not signed without a demo ERP', () => {
    assert.equal(demoTokenSecret(loadConfig({}, () => new Uint8Array(48)).auth, null), null);
  });

  test('the banner lists the tokens it is given, and none when given none', () => {
    const withTokens = startupBanner('http://localhost:4000', 'http://127.0.0.1:9464', DEMO, TOKENS);
    assert.match(withTokens, /PONTE_SERVICE_TOKEN=eyJservice/);
    const without = startupBanner('http://localhost:4000', null, DEMO, null);
    assert.match(without, /Ponte is listening: http:\/\/localhost:4000\/graphql/);
    assert.doesNotMatch(without, /TOKEN/);
  });

  test('Ponte started on the demo ERP with a configured secret outside production prints no token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-banner-'));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...SECRET,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DEMO_ERP_PATH: join(dir, 'demo.sqlite'),
        DEMO_ARTICLES: '50',
        DEMO_CUSTOMERS: '10',
        CHANGE_FEED_POLL_MS: '0',
        // A free port: 9464 may be taken on the machine running the tests.
        METRICS_PORT: '0',
      };
      delete env.NODE_TEST_CONTEXT;
      delete env.NODE_ENV;
      delete env.ERP_URL;
      const run = await runMain(env, (stdout) => /listening/.test(stdout));
      assert.match(run.stdout, /Ponte is listening/, run.stderr);
      assert.doesNotMatch(run.stdout, /TOKEN|eyJ/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs dist/src/main.js until it exits, or until `done(stdout)` and then stops it. */
async function runMain(env: NodeJS.ProcessEnv, done: (stdout: string) => boolean) {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    // Give the banner a moment to be written whole before stopping.
    if (done(stdout)) setTimeout(() => child.kill('SIGTERM'), 300);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(guard);
  return { code, stdout, stderr };
}

describe('token lifetime over HTTP', () => {
  const ME = '{ me { code } }';
  const key = new TextEncoder().encode(TEST_SECRET);
  let server: TestServer;
  let shortServer: TestServer;

  before(async () => {
    const db = createFixtureDb();
    server = await startTestServer(db);
    shortServer = await startTestServer(db, { env: { AUTH_MAX_TOKEN_AGE: '3600' } });
  });
  after(async () => {
    await server.close();
    await shortServer.close();
  });

  const sign = (iatOffset: number, expOffset: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: 'service' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now + iatOffset)
      .setExpirationTime(now + expOffset)
      .sign(key);
  };

  const assertRefused = (res: { status: number; body: { errors?: Array<{ extensions?: { code?: string } }> } }) => {
    assert.equal(res.status, 401);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  };

  test('a token valid for 12 h is accepted by default', async () => {
    const res = await server.gql(ME, { token: await sign(0, 12 * 3600) });
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined);
  });

  test('a token valid for more than 24 h is refused by default (401 UNAUTHENTICATED)', async () => {
    assertRefused(await server.gql(ME, { token: await sign(0, 24 * 3600 + 120) }));
  });

  test('with AUTH_MAX_TOKEN_AGE=3600 a 12 h token is refused', async () => {
    assertRefused(await shortServer.gql(ME, { token: await sign(0, 12 * 3600) }));
    const fine = await shortServer.gql(ME, { token: await sign(0, 1800) });
    assert.equal(fine.status, 200);
  });

  test('a token issued an hour in the future is refused', async () => {
    assertRefused(await server.gql(ME, { token: await sign(3600, 7200) }));
  });

  test('a token issued 30 s in the future (clock skew) is accepted', async () => {
    const res = await server.gql(ME, { token: await sign(30, 3600) });
    assert.equal(res.status, 200);
  });
});
