/**
 * The adapter contract fixture's SQL Server path (contractFixture.ts),
 * checked without a server: the DDL script split, parity with the SQLite DDL,
 * typed inputs for every fixture row, and the scratch-database guard. The
 * contract itself is adapterContract.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { FIXTURE, MSSQL_DDL, SQLITE_DDL, assertScratchDatabase, mssqlInputs, mssqlTables, splitMssqlScript } from './contractFixture';

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;


describe('SQL Server contract fixture path (no server needed)', () => {
  const script = readFileSync(MSSQL_DDL(), 'utf8');
  const tables = mssqlTables(script);

  test('the script splits into CREATE TABLE / CREATE INDEX statements, none containing a statement break', () => {
    const statements = splitMssqlScript(script);
    assert.ok(statements.length > 20);
    for (const s of statements) {
      assert.match(s, /^CREATE\s+(?:TABLE|(?:UNIQUE\s+)?(?:CLUSTERED\s+|NONCLUSTERED\s+)?INDEX)\b/i, s.slice(0, 60));
      assert.doesNotMatch(s, /;\s*\n/, 'one statement each');
    }
  });

  test('the SQL Server DDL has the same tables and columns as the SQLite DDL (plus identity surrogates)', () => {
    const db = new Database(':memory:');
    try {
      db.exec(readFileSync(SQLITE_DDL(), 'utf8'));
      const sqliteTables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ecom\\_%' ESCAPE '\\'").all() as { name: string }[])
        .map((t) => t.name)
        .sort();
      assert.deepEqual([...tables.keys()].sort(), sqliteTables);
      for (const table of sqliteTables) {
        const sqliteColumns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        const mssqlColumns = tables.get(table)!;
        assert.deepEqual(
          mssqlColumns.filter((c) => sqliteColumns.includes(c.name)).map((c) => c.name),
          sqliteColumns,
          `${table}: same columns in the same order`,
        );
        for (const extra of mssqlColumns.filter((c) => !sqliteColumns.includes(c.name))) {
          assert.ok(extra.identity, `${table}.${extra.name} exists only on SQL Server and is no identity surrogate`);
        }
      }
    } finally {
      db.close();
    }
  });

  test('every fixture row maps to typed SQL Server inputs (decimal strings, UTC dates, booleans, buffers)', () => {
    let inputs = 0;
    for (const { table, rows } of FIXTURE) {
      const columns = tables.get(table);
      assert.ok(columns, `${table} is in mssql.sql`);
      for (const row of rows) {
        for (const input of mssqlInputs(columns, table, row)) {
          inputs += 1;
          const column = columns.find((c) => c.name === input.name)!;
          if (input.value === null) continue;
          if (column.type === 'date') {
            assert.ok(input.value instanceof Date);
            assert.equal(input.value.toISOString().slice(0, 10), row[input.name], `${table}.${input.name}`);
            assert.equal(input.value.toISOString().slice(10), 'T00:00:00.000Z');
          }
          if (column.type === 'datetime2') assert.ok(input.value instanceof Date && !Number.isNaN(input.value.getTime()));
          if (column.type === 'bit') assert.equal(typeof input.value, 'boolean');
          if (column.type === 'decimal') assert.match(input.value as string, PLAIN_DECIMAL);
          if (column.type === 'varbinary') assert.ok(Buffer.isBuffer(input.value));
        }
      }
    }
    assert.ok(inputs > 200);
    assert.throws(() => mssqlInputs(tables.get('ecom_articles')!, 'ecom_articles', { no_such_column: 'x' }), /not a column/);
    assert.throws(() => mssqlInputs(tables.get('ecom_changes')!, 'ecom_changes', { change_id: 1n }), /identity/);
  });

  test('the suite refuses a database that is not named as a scratch one', () => {
    assert.throws(() => assertScratchDatabase('mssql://sa:x@localhost:1433/erp_production?encrypt=false'), /scratch database/);
    assertScratchDatabase('mssql://sa:Passw0rd!@localhost:1433/ponte_contract?encrypt=false');
  });
});

