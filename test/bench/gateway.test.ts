/**
 * The gateway scenario's pure pieces (issue 10): the page documents, the
 * page check, the JSON comparison of the two gateways, and the goals with
 * their verdicts. The figures themselves are reported, never asserted.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { checkGatewayPage, firstDifference, formatGoal, gatewayGoals, gatewayPageQuery, gatewayPageScenario } from '../../bench/lib/gateway';
import { parseArgs } from '../../bench/lib/args';
import type { ScenarioResult } from '../../bench/lib/loadRunner';

const figure = (throughput: number, p99Ms: number) => ({ throughput, latency: { p99Ms } }) as unknown as ScenarioResult;

describe('gateway scenario', () => {
  test('the page with content asks content, price and availability; without content only Ponte fields', () => {
    const withContent = gatewayPageQuery(['A1', 'A2'], true);
    const without = gatewayPageQuery(['A1', 'A2'], false);
    parse(withContent);
    parse(without);
    assert.match(withContent, /products\(skus: \["A1","A2"\]\) \{ sku title slug images \{ url \} price\(quantity: 1\) \{ unitPrice \} availability \{ status available \} \}/);
    assert.doesNotMatch(without, /title|slug|images/);
    assert.match(without, /sku price\(quantity: 1\) \{ unitPrice \} availability \{ status available \}/);
  });

  test('page check: every sku in order, titles with content, at least one price', () => {
    const product = (sku: string, title: string | null, price: string | null) => ({ sku, title, price: price === null ? null : { unitPrice: price }, availability: { status: 'IN_STOCK', available: '3' } });
    const check = checkGatewayPage(['A1', 'A2'], true);
    assert.equal(check({ data: { products: [product('A1', 'Uno', '1.00'), product('A2', 'Due', null)] } }), null);
    assert.match(check({ data: { products: [product('A1', 'Uno', '1.00'), product('A2', '  ', '2.00')] } })!, /A2 has no title/);
    assert.match(check({ data: { products: [product('A1', 'Uno', null), product('A2', 'Due', null)] } })!, /no product has a price/);
    assert.match(check({ data: { products: [product('A1', 'Uno', '1.00'), null] } })!, /product 1 is not A2/);
    assert.match(check({ data: { products: [product('A1', 'Uno', '1.00')] } })!, /1 of 2/);
    assert.equal(checkGatewayPage(['A1'], false)({ data: { products: [product('A1', null, '1.00')] } }), null);
  });

  test('the uncached page names each request anew; the cached one sends the same body', () => {
    const cached = gatewayPageScenario('c', {}, ['A1'], false);
    assert.equal(cached.next(0)!.body, cached.next(1)!.body);
    const uncached = gatewayPageScenario('u', {}, ['A1'], false, true);
    const a = JSON.parse(uncached.next(0)!.body).query as string;
    const b = JSON.parse(uncached.next(0)!.body).query as string;
    assert.notEqual(a, b);
    assert.equal(a.replace(/^query P\w+ /, ''), gatewayPageQuery(['A1'], false));
    parse(a);
  });

  test('firstDifference names the first path that differs', () => {
    assert.equal(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), null);
    assert.equal(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }), '$.a[1].b: 2 vs 3');
    assert.equal(firstDifference({ a: [1] }, { a: [1, 2] }), '$.a: 1 items vs 2');
    assert.equal(firstDifference({ a: 1 }, { a: 1, c: null }), '$.c: undefined vs null');
  });

  test('goals: ≥ 2× the stock req/s, ≤ 0.5× its p99, ≥ 0.5× Ponte alone', () => {
    const met = gatewayGoals({ gatewayMode: figure(1000, 20), stock: figure(400, 50), ponteAlone: figure(1800, 10) });
    assert.deepEqual(
      met.map((g) => [Number(g.value.toFixed(3)), g.met]),
      [
        [2.5, true],
        [0.4, true],
        [0.556, true],
      ],
    );
    assert.equal(formatGoal(met[0]!), '- gateway mode req/s vs the stock gateway: 2.50× (goal ≥ 2×) → met');
    const missed = gatewayGoals({ gatewayMode: figure(100, 60), stock: figure(100, 100), ponteAlone: figure(1000, 5) });
    assert.deepEqual(missed.map((g) => g.met), [false, false, false]);
    assert.equal(formatGoal(missed[1]!), '- gateway mode p99 vs the stock gateway: 0.60× (goal ≤ 0.5×) → NOT met');
    const notRun = gatewayGoals({ gatewayMode: figure(100, 60), stock: null, ponteAlone: null });
    assert.deepEqual(notRun.map((g) => g.met), [null, null, null]);
    assert.equal(formatGoal(notRun[2]!), "- gateway mode req/s vs Ponte's own page without content: n/a (goal ≥ 0.5×) → n/a");
  });

  test('--only gateway is a known scenario', () => {
    const options = parseArgs(['--only', 'gateway']);
    assert.ok(options !== 'help');
    assert.deepEqual(options.only, ['gateway']);
  });
});
