/**
 * Issue 12, developer tooling: `npm run token` (dist/tools/token.js) mints a
 * development token the server accepts as the principal asked for, prints
 * only the token on stdout, refuses bad arguments with exit code 2 and
 * production with exit code 1 unless told otherwise.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { projectRoot } from '../../src/projectRoot';
import { createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { TEST_SECRET, startTestServer, type TestServer } from '../helpers/testServer';

const SCRIPT = join(projectRoot(), 'dist', 'tools', 'token.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled command with exactly this environment (no inherited AUTH_* or NODE_ENV). */
function token(args: string[], env: Record<string, string> = { AUTH_JWT_SECRET: TEST_SECRET }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The one line of stdout, which must be a JWT and nothing else. */
function tokenOf(run: Run): string {
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'stdout holds the token alone');
  return run.stdout.trim();
}

function accountsDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Agente Uno', email: null }]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' }), customer('C2')]);
  return db;
}

const CUSTOMERS = '{ customers(first: 10) { edges { node { code } } } }';
const customerCodes = (body: { data?: { customers?: { edges: Array<{ node: { code: string } }> } } }) => body.data?.customers?.edges.map((e) => e.node.code);

describe('a minted token works against a server with the same secret', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(accountsDb());
  });
  after(() => server.close());

  test('--customer C1: the server sees customer C1', async () => {
    const res = await server.gql('{ me { code } }', { token: tokenOf(await token(['--customer', 'C1'])) });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });

  test('--agent AG1: the server sees agent AG1, who follows C1 only', async () => {
    const res = await server.gql(CUSTOMERS, { token: tokenOf(await token(['--agent', 'AG1'])) });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(customerCodes(res.body), ['C1']);
  });

  test('--agent AG1 --acting C1: the X-Acting-Customer header to send is on stderr, and it works', async () => {
    const run = await token(['--agent', 'AG1', '--acting', 'C1']);
    assert.equal(run.stderr, 'X-Acting-Customer: C1\n');
    const res = await server.gql('{ me { code } }', { token: tokenOf(run), acting: 'C1' });
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });

  test('--service: the server sees a service, who reaches every customer', async () => {
    const res = await server.gql(CUSTOMERS, { token: tokenOf(await token(['--service'])) });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(customerCodes(res.body)?.sort(), ['C1', 'C2']);
  });

  test('the token lives 12 hours by default and --ttl sets its life', async () => {
    const life = (t: string) => {
      const { exp, iat } = decodeJwt(t);
      return exp! - iat!;
    };
    assert.equal(life(tokenOf(await token(['--service']))), 12 * 3600);
    assert.equal(life(tokenOf(await token(['--service', '--ttl', '600']))), 600);
  });
});

describe('AUTH_ISSUER and AUTH_AUDIENCE', () => {
  const ADDRESSED = { AUTH_JWT_SECRET: TEST_SECRET, AUTH_ISSUER: 'https://id.example.it', AUTH_AUDIENCE: 'ponte' };
  let server: TestServer;
  before(async () => {
    server = await startTestServer(accountsDb(), { env: ADDRESSED });
  });
  after(() => server.close());

  test('a token minted from the same environment carries them and is accepted', async () => {
    const minted = tokenOf(await token(['--customer', 'C1'], ADDRESSED));
    assert.deepEqual({ iss: decodeJwt(minted).iss, aud: decodeJwt(minted).aud }, { iss: 'https://id.example.it', aud: 'ponte' });
    const res = await server.gql('{ me { code } }', { token: minted });
    assert.deepEqual(res.body.data, { me: { code: 'C1' } });
  });
});

describe('refusals', () => {
  const usageError = async (args: string[], why: RegExp) => {
    const run = await token(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(run.stdout, '', 'nothing on stdout');
    assert.match(run.stderr, why);
    assert.match(run.stderr, /usage: npm run -s token/);
  };

  test('an unknown flag is a usage error (exit 2)', async () => {
    await usageError(['--customer', 'C1', '--role', 'admin'], /--role/);
  });

  test('no role, or two, is a usage error', async () => {
    await usageError([], /exactly one of --customer, --agent, --service/);
    await usageError(['--customer', 'C1', '--service'], /exactly one of/);
  });

  test('a customer acting for another customer is a usage error', async () => {
    await usageError(['--customer', 'C1', '--acting', 'C2'], /--acting/);
  });

  test('a flag without its value, a stray argument or a malformed code is a usage error', async () => {
    await usageError(['--agent'], /--agent/);
    await usageError(['--service', 'extra'], /extra/);
    await usageError(['--customer', 'C 1'], /--customer/);
    await usageError(['--service', '--ttl', '10'], /--ttl/);
  });

  test('a ttl longer than AUTH_MAX_TOKEN_AGE is refused (exit 2): the server would refuse the token', async () => {
    const run = await token(['--service', '--ttl', '7200'], { AUTH_JWT_SECRET: TEST_SECRET, AUTH_MAX_TOKEN_AGE: '3600' });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /AUTH_MAX_TOKEN_AGE/);
  });

  test('a configuration error is reported with exit code 2', async () => {
    const run = await token(['--service'], { AUTH_JWT_SECRET: 'short' });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /AUTH_JWT_SECRET/);
  });

  test('in production it refuses (exit 1) unless --allow-production', async () => {
    const production = { AUTH_JWT_SECRET: TEST_SECRET, NODE_ENV: 'production' };
    const refused = await token(['--service'], production);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /--allow-production/);
    tokenOf(await token(['--service', '--allow-production'], production));
  });

  test('with AUTH_JWKS_URL there is no key to sign with (exit 1)', async () => {
    const run = await token(['--service'], { AUTH_JWKS_URL: 'https://id.example.it/.well-known/jwks.json' });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /AUTH_JWKS_URL/);
  });

  test('--help prints the usage on stdout and exits 0', async () => {
    const run = await token(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: npm run -s token/);
  });
});
