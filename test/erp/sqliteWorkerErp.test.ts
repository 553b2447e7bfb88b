/**
 * The SQLite worker pool (src/erp/sqliteWorkerErp.ts) outlives its threads:
 * a worker that dies (a crash, out of memory) fails only the calls it held
 * and is replaced, so Ponte never ends up waiting on a thread that is gone.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteWorkerErp, type SqliteWorkerPort } from '../../src/erp/sqliteWorkerErp';
import { movableBuffers } from '../../src/erp/sqliteWorkerProtocol';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';

describe('the SQLite worker pool', () => {
  let dir: string;
  let erp: SqliteWorkerPort;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ponte-workers-'));
    const db = createFixtureDb();
    insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
    const path = join(dir, 'erp.sqlite');
    writeFileSync(path, db.serialize());
    erp = await openSqliteWorkerErp(path, { callTimeoutMs: 5000, workers: 2 });
  });
  after(async () => {
    await erp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('workers that die are replaced, and the next calls are answered', async () => {
    await erp.killWorker(0);
    await erp.killWorker(1);
    const rows = await erp.articlesBySku(['A1', 'A2']);
    assert.deepEqual(rows.map((r) => r.sku).sort(), ['A1', 'A2']);
    await erp.killWorker(0);
    await Promise.all([erp.ping(), erp.ping(), erp.ping()]);
  });

  test('calls made together go to different workers, so they run side by side', async () => {
    const before = erp.callsTaken();
    await Promise.all([erp.articlesBySku(['A1']), erp.articlesBySku(['A2'])]);
    const taken = erp.callsTaken().map((n, i) => n - before[i]!);
    assert.deepEqual(taken, [1, 1]);
  });

  test('a name that is not a port method is refused, not run', async () => {
    await assert.rejects(
      (erp as unknown as { notAPortMethod(): Promise<void> }).notAPortMethod(),
      (e: unknown) => e instanceof Error && /not a port method/.test(e.message),
    );
  });
});

describe('what a worker moves to the main thread instead of copying', () => {
  test('the buffers of typed arrays that own them, once each', () => {
    const shared = new BigInt64Array(4);
    const own = new Int32Array(8);
    assert.deepEqual(movableBuffers({ a: shared, b: own, c: shared, d: 'text', e: [1, 2] }), [shared.buffer, own.buffer]);
  });

  test('never a Node Buffer (it may share a pooled buffer), a view of part of a buffer, or anything nested', () => {
    const whole = new Uint8Array(16);
    assert.deepEqual(movableBuffers({ file: Buffer.from('fattura'), part: whole.subarray(4), nested: { whole } }), []);
    assert.deepEqual(movableBuffers([whole]), []);
    assert.deepEqual(movableBuffers(null), []);
  });
});
