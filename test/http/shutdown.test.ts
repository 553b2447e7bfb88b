/**
 * SIGTERM during a burst of orders: Ponte stops taking new work, drains what
 * is in flight, exits 0 by itself, and leaves no order half written (every
 * header with its lines) and no acknowledged order missing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { mintToken } from '../../src/auth/mintToken';
import { projectRoot } from '../../src/projectRoot';
import { TEST_SECRET } from '../helpers/testServer';

describe('SIGTERM during a burst of orders', () => {
  test('drains, exits 0 by itself, and leaves every acknowledged order whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-sigterm-'));
    const erpPath = join(dir, 'demo.sqlite');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DEMO_ERP_PATH: erpPath,
      DEMO_ARTICLES: '200',
      DEMO_CUSTOMERS: '10',
      DEMO_IMPORT_DELAY_MS: '3600000',
      AUTH_JWT_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      CHANGE_FEED_POLL_MS: '0',
      // A free port: 9464 may be taken on the machine running the tests.
      METRICS_PORT: '0',
      RATE_LIMITS: 'off',
    };
    delete env.NODE_TEST_CONTEXT;
    delete env.NODE_ENV;
    delete env.ERP_URL;
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const m = /Ponte is listening: (http:\/\/\S+)\/graphql/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        void exited.then(() => reject(new Error(`exited before listening: ${stderr}`)));
      });
      const token = await mintToken(new TextEncoder().encode(TEST_SECRET), { role: 'customer', customer: 'C00001' });
      const gql = async (query: string) => {
        const res = await request(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return (await res.body.json()) as any;
      };
      const page = await gql('{ me { destinations { id } } catalog(first: 50) { edges { node { sku packQuantity minOrderQuantity price { unitPrice } } } } }');
      const destination = page.data.me.destinations[0].id as string;
      const sku = page.data.catalog.edges
        .map((e: any) => e.node)
        .find((n: any) => n.packQuantity === '1' && n.minOrderQuantity === '0' && n.price !== null).sku as string;

      const keys = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
      let answered = 0;
      const burst = keys.map((key) =>
        gql(`mutation { placeOrder(input: { idempotencyKey: "${key}", destinationId: "${destination}", lines: [{ sku: "${sku}", quantity: 1 }] }) { order { id } errors { code } } }`)
          .then((body) => {
            answered += 1;
            return { key, placed: body?.data?.placeOrder?.order?.id !== undefined };
          })
          .catch(() => ({ key, placed: false })),
      );
      while (answered < 3) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGTERM');
      const outcomes = await Promise.all(burst);
      assert.equal(await exited, 0, `exit code; stderr: ${stderr}`);

      const db = new Database(erpPath, { readonly: true });
      try {
        const headless = db
          .prepare('SELECT COUNT(*) AS n FROM ecom_order_inbox i WHERE NOT EXISTS (SELECT 1 FROM ecom_order_inbox_lines l WHERE l.inbox_id = i.inbox_id)')
          .get() as { n: number };
        assert.equal(headless.n, 0, 'no header without its lines');
        const stored = new Set((db.prepare('SELECT idempotency_key AS k FROM ecom_order_inbox').all() as { k: string }[]).map((r) => r.k));
        for (const o of outcomes) if (o.placed) assert.ok(stored.has(o.key), `acknowledged order ${o.key} is stored`);
        assert.ok(outcomes.some((o) => o.placed), 'some orders were placed before the signal');
      } finally {
        db.close();
      }
    } finally {
      clearTimeout(guard);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
