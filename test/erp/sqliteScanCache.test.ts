/**
 * A scan on SQLite (SqliteErp.each: the statistics read millions of
 * movements once) must not fill the connection's page cache with pages no
 * other statement wants: it runs with SQLite's small default cache, and the
 * connection's own size is back afterwards, even when the statement fails.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteErp } from '../../src/erp/sqlite';
import type { Params, Raw } from '../../src/erp/sqlErp';
import { createFixtureDb } from '../helpers/fixtureErp';

class ScanProbe extends SqliteErp {
  scan(sql: string, params: Params, onRow: (row: Raw) => void): Promise<void> {
    return this.each(sql, params, onRow);
  }
}

describe('a scan on SQLite', () => {
  test('reads with a 2,000 KiB page cache and restores the connection\'s own after it', async () => {
    const erp = new ScanProbe(createFixtureDb());
    erp.db.pragma('cache_size = -16000');
    const during: unknown[] = [];
    await erp.scan('PRAGMA cache_size', {}, (row) => during.push(row.cache_size));
    assert.deepEqual(during, [-2000]);
    assert.equal(erp.db.pragma('cache_size', { simple: true }), -16000);
  });

  test('restores the connection\'s page cache when the statement fails', async () => {
    const erp = new ScanProbe(createFixtureDb());
    erp.db.pragma('cache_size = -8000');
    await assert.rejects(erp.scan('SELECT * FROM no_such_table', {}, () => undefined));
    assert.equal(erp.db.pragma('cache_size', { simple: true }), -8000);
  });
});
