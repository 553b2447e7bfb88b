/**
 * src/auth/customerAccess.ts: which customer records a principal reads
 * beyond the one it acts for, for the customers list and for federation
 * references alike.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { orderChannel, requireAuthenticated } from '../../src/auth/actingCustomer';
import { listableCustomers, referencedCustomer, type CustomerLookups } from '../../src/auth/customerAccess';
import type { Principal } from '../../src/auth/principal';
import type { Viewer } from '../../src/auth/resolveViewer';
import type { CustomerFacts } from '../../src/customers/customerFacts';
import type { CustomerRow } from '../../src/erp/port';
import { PonteError } from '../../src/errors';

function row(code: string, agentCode: string | null): CustomerRow {
  return { code, agentCode } as CustomerRow;
}

const ROWS = new Map([
  ['C1', row('C1', 'AG1')],
  ['C2', row('C2', 'AG2')],
  ['C3', row('C3', null)],
]);

const ANONYMOUS: Principal = { role: 'anonymous' };
const CUSTOMER_C1: Principal = { role: 'customer', customer: 'C1' };
const AGENT_AG1: Principal = { role: 'agent', agent: 'AG1' };
const SERVICE: Principal = { role: 'service', customer: null };

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    assert.ok(error instanceof PonteError);
    return error.code;
  }
}

describe('listableCustomers', () => {
  const cases: Array<[string, Principal, string | { agentCode: string | null }]> = [
    ['anonymous: UNAUTHENTICATED', ANONYMOUS, 'UNAUTHENTICATED'],
    ['a customer: FORBIDDEN', CUSTOMER_C1, 'FORBIDDEN'],
    ['an agent: the customers it follows', AGENT_AG1, { agentCode: 'AG1' }],
    ['a service: every customer', SERVICE, { agentCode: null }],
    ['a service bound to a customer: still every customer', { role: 'service', customer: 'C1' }, { agentCode: null }],
  ];
  for (const [name, principal, expected] of cases) {
    test(name, () => {
      if (typeof expected === 'string') assert.equal(codeOf(() => listableCustomers(principal)), expected);
      else assert.deepEqual(listableCustomers(principal), expected);
    });
  }
});

describe('referencedCustomer', () => {
  /** Lookups that record what was asked, acting for `acting` (null: for nobody). */
  function lookups(acting: string | null) {
    const calls: string[] = [];
    const value: CustomerLookups = {
      viewer: async () => {
        calls.push('viewer');
        return { customer: acting === null ? null : ROWS.get(acting)! } as Viewer;
      },
      facts: async (code) => {
        calls.push(`facts ${code}`);
        const customer = ROWS.get(code);
        return customer ? ({ customer } as CustomerFacts) : null;
      },
    };
    return { value, calls };
  }

  const cases: Array<{ name: string; principal: Principal; acting: string | null; code: string; sees: boolean; calls: string[] }> = [
    { name: 'anonymous: none, and nothing is resolved', principal: ANONYMOUS, acting: null, code: 'C1', sees: false, calls: [] },
    { name: 'a customer: itself', principal: CUSTOMER_C1, acting: 'C1', code: 'C1', sees: true, calls: ['viewer'] },
    { name: 'a customer: no other, and nothing is loaded', principal: CUSTOMER_C1, acting: 'C1', code: 'C2', sees: false, calls: ['viewer'] },
    { name: 'an agent: a customer it follows', principal: AGENT_AG1, acting: null, code: 'C1', sees: true, calls: ['viewer', 'facts C1'] },
    { name: "an agent: not another agent's customer", principal: AGENT_AG1, acting: null, code: 'C2', sees: false, calls: ['viewer', 'facts C2'] },
    { name: 'an agent: not a customer nobody follows', principal: AGENT_AG1, acting: null, code: 'C3', sees: false, calls: ['viewer', 'facts C3'] },
    { name: 'an agent acting for a customer: that customer without a load', principal: AGENT_AG1, acting: 'C1', code: 'C1', sees: true, calls: ['viewer'] },
    { name: 'a service: any customer', principal: SERVICE, acting: null, code: 'C2', sees: true, calls: ['viewer', 'facts C2'] },
    { name: 'a service: an unknown code is null, like a forbidden one', principal: SERVICE, acting: null, code: 'NOPE', sees: false, calls: ['viewer', 'facts NOPE'] },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const { value, calls } = lookups(c.acting);
      const seen = await referencedCustomer(c.principal, c.code, value);
      assert.equal(seen?.code ?? null, c.sees ? c.code : null);
      assert.deepEqual(calls, c.calls);
    });
  }
});

describe('requireAuthenticated and orderChannel', () => {
  test('only anonymous callers are refused', () => {
    assert.equal(codeOf(() => requireAuthenticated(ANONYMOUS)), 'UNAUTHENTICATED');
    for (const principal of [CUSTOMER_C1, AGENT_AG1, SERVICE]) assert.equal(codeOf(() => requireAuthenticated(principal)), null);
  });

  test('an agent orders from the sales app; a customer or a service from the storefront', () => {
    assert.equal(orderChannel(AGENT_AG1), 'SALES_APP');
    assert.equal(orderChannel(CUSTOMER_C1), 'STOREFRONT');
    assert.equal(orderChannel(SERVICE), 'STOREFRONT');
  });
});
