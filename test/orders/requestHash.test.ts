/**
 * The request hash (src/orders/requestHash.ts): erp-contract.md,
 * ecom_order_inbox.request_hash, "SHA-256 of the canonical order payload;
 * same key with another payload is refused", with graphql-api.md's
 * "Idempotency keys belong to the acting customer" and README "Orders":
 * "SHA-256 of a canonical form of the payload and the acting customer".
 *
 * Two tables: payloads that are the same order (a retry must hash alike, or
 * a safe retry would be refused as IDEMPOTENCY_KEY_REUSED) and payloads that
 * are another order (which must hash apart, or a different order would be
 * answered with the first one). Each row names the rule it checks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { requestHash, type CanonicalOrder } from '../../src/orders/requestHash';

const SHIP_TO = { name: 'Ferramenta Rossi', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT' };

function order(overrides: Partial<CanonicalOrder> = {}): CanonicalOrder {
  return {
    customerCode: 'C1',
    lines: [
      { sku: 'A1', quantity: new Decimal('2'), expectedUnitPrice: new Decimal('9.9900') },
      { sku: 'A2', quantity: new Decimal('10'), expectedUnitPrice: null },
    ],
    destinationId: null,
    shipTo: { ...SHIP_TO },
    customerReference: 'PO-17',
    requestedDelivery: '2026-12-15',
    notes: 'Consegna al mattino',
    ...overrides,
  };
}

const withLine = (i: number, change: Partial<CanonicalOrder['lines'][number]>) => {
  const lines = order().lines.map((l) => ({ ...l }));
  lines[i] = { ...lines[i]!, ...change };
  return order({ lines });
};

describe('the request hash is a SHA-256 (request_hash char(64))', () => {
  test('64 lower-case hex digits', () => {
    assert.match(requestHash(order()), /^[0-9a-f]{64}$/);
  });
  test('the same payload hashes alike every time', () => {
    assert.equal(requestHash(order()), requestHash(order()));
  });
});

const { province: _province, ...WITHOUT_PROVINCE } = SHIP_TO;
const NO_PROVINCE = () => order({ shipTo: { ...SHIP_TO, province: null } });

/** `order` must hash as `as` (by default the base order). */
const SAME_ORDER: Array<{ rule: string; order: CanonicalOrder; as?: CanonicalOrder }> = [
  { rule: 'a quantity with padding zeros is the same decimal ("2" = "2.000")', order: withLine(0, { quantity: new Decimal('2.000') }) },
  { rule: 'an expected unit price with fewer zeros is the same decimal ("9.9900" = "9.99")', order: withLine(0, { expectedUnitPrice: new Decimal('9.99') }) },
  { rule: 'a shipTo field absent and the same field null are the same address', order: order({ shipTo: WITHOUT_PROVINCE }), as: NO_PROVINCE() },
  { rule: 'a shipTo field null and the same field blank are the same address', order: order({ shipTo: { ...SHIP_TO, province: '   ' } }), as: NO_PROVINCE() },
  { rule: 'shipTo country "it" is the same as "IT" (ISO 3166-1 alpha-2, written upper-case)', order: order({ shipTo: { ...SHIP_TO, country: 'it' } }) },
  { rule: 'shipTo fields are trimmed', order: order({ shipTo: { ...SHIP_TO, city: '  Milano ' } }) },
  { rule: 'shipTo keys in another order are the same address', order: order({ shipTo: { country: 'IT', province: 'MI', city: 'Milano', postcode: '20100', street: 'Via Roma 1', name: 'Ferramenta Rossi' } }) },
  { rule: 'customerReference is trimmed', order: order({ customerReference: ' PO-17 ' }) },
  { rule: 'notes are trimmed', order: order({ notes: 'Consegna al mattino\n' }) },
];

describe('the same order hashes alike (a retry is not IDEMPOTENCY_KEY_REUSED)', () => {
  for (const row of SAME_ORDER) {
    test(row.rule, () => {
      assert.equal(requestHash(row.order), requestHash(row.as ?? order()));
    });
  }
  test('blank notes and null notes are the same (absent and null alike)', () => {
    assert.equal(requestHash(order({ notes: '  ' })), requestHash(order({ notes: null })));
  });
  test('a blank destinationId and a null one are the same', () => {
    assert.equal(requestHash(order({ destinationId: ' ' })), requestHash(order({ destinationId: null })));
  });
});

const ANOTHER_ORDER: Array<{ rule: string; order: CanonicalOrder }> = [
  { rule: 'another acting customer (keys belong to the acting customer)', order: order({ customerCode: 'C2' }) },
  { rule: 'another sku on a line', order: withLine(0, { sku: 'A3' }) },
  { rule: 'another quantity on a line', order: withLine(0, { quantity: new Decimal('3') }) },
  { rule: 'a quantity differing only in the third decimal', order: withLine(1, { quantity: new Decimal('10.001') }) },
  { rule: 'another expectedUnitPrice', order: withLine(0, { expectedUnitPrice: new Decimal('9.9800') }) },
  { rule: 'an expectedUnitPrice given where it was absent', order: withLine(1, { expectedUnitPrice: new Decimal('1') }) },
  { rule: 'an expectedUnitPrice dropped', order: withLine(0, { expectedUnitPrice: null }) },
  { rule: 'the lines in another order (line numbers differ)', order: order({ lines: [...order().lines].reverse() }) },
  { rule: 'a line fewer', order: order({ lines: order().lines.slice(0, 1) }) },
  { rule: 'a line repeated', order: order({ lines: [...order().lines, order().lines[1]!] }) },
  { rule: 'a destinationId instead of nothing', order: order({ destinationId: 'C1-D1' }) },
  { rule: 'no shipTo instead of an address', order: order({ shipTo: null }) },
  { rule: 'another shipTo street', order: order({ shipTo: { ...SHIP_TO, street: 'Via Roma 2' } }) },
  { rule: 'another shipTo country', order: order({ shipTo: { ...SHIP_TO, country: 'SM' } }) },
  { rule: 'another customerReference', order: order({ customerReference: 'PO-18' }) },
  { rule: 'no customerReference', order: order({ customerReference: null }) },
  { rule: 'another requestedDelivery', order: order({ requestedDelivery: '2026-12-16' }) },
  { rule: 'no requestedDelivery', order: order({ requestedDelivery: null }) },
  { rule: 'other notes', order: order({ notes: 'Consegna al pomeriggio' }) },
  { rule: 'notes differing only in case', order: order({ notes: 'consegna al mattino' }) },
];

describe('another order hashes apart (same key, another payload is IDEMPOTENCY_KEY_REUSED)', () => {
  const base = requestHash(order());
  for (const row of ANOTHER_ORDER) {
    test(row.rule, () => {
      assert.notEqual(requestHash(row.order), base);
    });
  }
  test('a value moved from one field to another is another order (customerReference ↔ notes)', () => {
    assert.notEqual(requestHash(order({ customerReference: 'x', notes: null })), requestHash(order({ customerReference: null, notes: 'x' })));
  });
  test('a quantity that is not a number hashes apart from every decimal, and from another such text', () => {
    const invalid = withLine(0, { quantity: 'abc' });
    assert.notEqual(requestHash(invalid), base);
    assert.notEqual(requestHash(invalid), requestHash(withLine(0, { quantity: 'abd' })));
  });
});
