/**
 * The guarded ERP (src/erp/guardedErp.ts): the wrapper every adapter runs
 * behind. It counts calls (per port and per request), maps adapter errors to
 * ErpFailure "unavailable" and calls past their deadline to ErpFailure
 * "timeout". What every adapter itself must do is in adapterContract.test.ts;
 * the HTTP side of an outage is in erpOutage.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpFailure } from '../../src/errors';
import { ErpCallCounter, guardErp } from '../../src/erp/guardedErp';
import type { ErpPort } from '../../src/erp/port';
import { sqliteContractSetup, type ContractDb } from './contractFixture';

const skusOf = (rows: readonly { sku: string }[]) => rows.map((r) => r.sku);


describe('guardErp', () => {
  let h: ContractDb;
  before(async () => {
    h = await sqliteContractSetup();
  });
  after(async () => {
    await h?.teardown();
  });

  const options = { timeoutMs: 1000, maxConcurrency: 4 };

  test('counts one call per adapter method call, by operation, and passes results through', async () => {
    const counter = new ErpCallCounter();
    const guarded = guardErp(h.erp, counter, options);
    assert.equal(guarded.port.dialect, 'sqlite');
    assert.equal(counter.total, 0, 'reading dialect is no call');

    const scope = { erpCalls: 0 };
    const erp = guarded.forRequest(scope);
    const ref = await erp.referenceData();
    assert.equal(ref.warehouses.length, 3);
    await erp.referenceData();
    // A key list of any size is one call.
    assert.deepEqual(skusOf(await erp.articlesBySku(['SKU001', 'SKU002', 'NOPE'])), ['SKU001', 'SKU002']);
    assert.equal(await erp.latestChangeId(), await h.erp.latestChangeId());
    await guarded.port.latestChangeId();
    assert.equal(counter.total, 5);
    assert.deepEqual(Object.fromEntries(counter.byOperation), { referenceData: 2, articlesBySku: 1, latestChangeId: 2 });
    assert.equal(scope.erpCalls, 4, "the request's view counts its own calls, not the port's");

    counter.reset();
    assert.equal(counter.total, 0);
    assert.equal(counter.byOperation.size, 0);
  });

  test('a thrown adapter error becomes ErpFailure "unavailable", still counted once', async () => {
    const boom = new Error('connection reset');
    const broken = { dialect: 'sqlite', ping: async () => { throw boom; } } as unknown as ErpPort;
    const counter = new ErpCallCounter();
    const outcomes: string[] = [];
    const guarded = guardErp(broken, counter, { ...options, observer: (op, _ms, outcome) => outcomes.push(`${op}:${outcome}`) }).port;
    await assert.rejects(guarded.ping(), (error: unknown) => {
      assert.ok(error instanceof ErpFailure);
      assert.equal(error.kind, 'unavailable');
      assert.equal(error.operation, 'ping');
      assert.equal(error.origin, boom);
      return true;
    });
    assert.equal(counter.total, 1);
    assert.deepEqual(outcomes, ['ping:error']);
  });

  test('an operation listed as slow has its own deadline; the others keep timeoutMs', async () => {
    const after = (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(1), ms));
    const port = { dialect: 'sqlite', articleStatsAggregates: () => after(60), latestChangeId: () => after(60) } as unknown as ErpPort;
    const guarded = guardErp(port, new ErpCallCounter(), { timeoutMs: 20, maxConcurrency: 2, slowOperations: new Map([['articleStatsAggregates', 1000]]) }).port;
    assert.equal(await guarded.articleStatsAggregates({} as never), 1);
    await assert.rejects(guarded.latestChangeId(), (error: unknown) => error instanceof ErpFailure && error.kind === 'timeout');
  });

  test('a call slower than the deadline becomes ErpFailure "timeout"', async () => {
    let timer: NodeJS.Timeout | undefined;
    const slow = {
      dialect: 'sqlite',
      latestChangeId: () => new Promise<number>((resolve) => { timer = setTimeout(() => resolve(1), 500); }),
    } as unknown as ErpPort;
    const counter = new ErpCallCounter();
    const outcomes: string[] = [];
    const guarded = guardErp(slow, counter, { timeoutMs: 20, maxConcurrency: 1, observer: (op, _ms, outcome) => outcomes.push(`${op}:${outcome}`) }).port;
    const started = Date.now();
    try {
      await assert.rejects(guarded.latestChangeId(), (error: unknown) => {
        assert.ok(error instanceof ErpFailure);
        assert.equal(error.kind, 'timeout');
        assert.equal(error.operation, 'latestChangeId');
        return true;
      });
      assert.ok(Date.now() - started < 400, 'rejected at the deadline, not when the call finished');
      assert.equal(counter.total, 1);
      assert.deepEqual(outcomes, ['latestChangeId:timeout']);
    } finally {
      clearTimeout(timer);
    }
  });
});
