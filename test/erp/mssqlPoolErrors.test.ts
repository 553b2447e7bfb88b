/**
 * The SQL Server pool's 'error' events are logged (src/erp/mssql.ts), not
 * dropped, and an outage's stream of identical failures is collapsed into
 * one line per window with a count. No SQL Server needed: the handler alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolErrorHandler } from '../../src/erp/mssql';

function recorder() {
  const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
  return { lines, error: (fields: object, message: string) => lines.push({ fields: fields as Record<string, unknown>, message }) };
}

test('a pool error reaches the logger with the error itself', () => {
  const log = recorder();
  const error = new Error('Connection lost - read ECONNRESET');
  poolErrorHandler(log)(error);
  assert.equal(log.lines.length, 1);
  assert.equal(log.lines[0]!.fields.err, error);
  assert.equal(log.lines[0]!.fields.suppressedSinceLast, 0);
  assert.match(log.lines[0]!.message, /pool/);
});

test('during an outage one line per window, counting the errors in between', () => {
  const log = recorder();
  let now = 0;
  const handle = poolErrorHandler(log, 10_000, () => now);
  for (now = 0; now < 25_000; now += 1_000) handle(new Error(`attempt at ${now}`));
  assert.deepEqual(
    log.lines.map((l) => [(l.fields.err as Error).message, l.fields.suppressedSinceLast]),
    [
      ['attempt at 0', 0],
      ['attempt at 10000', 9],
      ['attempt at 20000', 9],
    ],
  );
});
