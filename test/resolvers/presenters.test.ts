/**
 * What the resolvers hand to GraphQL, built outside them: documents and
 * their shipments (presentDocument), order statuses and discounts
 * (presentOrder), and the one toPrice for product and quote prices.
 */
import 'reflect-metadata';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { presentDocument, presentDocumentLine, presentShipment } from '../../src/documents/presentDocument';
import type { DocumentLineRow, DocumentRow, OrderHeaderRow } from '../../src/erp/port';
import { discountsOf, presentOrder } from '../../src/orders/presentOrder';
import type { PriceView } from '../../src/pricing/presentPrice';
import { Price, toPrice } from '../../resolvers/types/price.type';

function documentRow(overrides: Partial<DocumentRow> = {}): DocumentRow {
  return {
    id: 'D1',
    customerCode: 'C1',
    type: 'INVOICE',
    number: 'FT/1',
    date: '2026-03-10',
    currency: 'EUR',
    totalNet: '10.00',
    totalVat: '2.20',
    totalGross: '12.20',
    dueDate: null,
    paid: null,
    destinationId: null,
    carrier: null,
    trackingNumber: null,
    shippedAt: null,
    expectedDelivery: null,
    orderReference: null,
    ...overrides,
  };
}

describe('presentDocument', () => {
  const types: Array<[string, string]> = [
    ['INVOICE', 'INVOICE'],
    ['CREDIT_NOTE', 'CREDIT_NOTE'],
    ['DELIVERY_NOTE', 'DELIVERY_NOTE'],
    ['ORDER_CONFIRMATION', 'ORDER_CONFIRMATION'],
    ['QUOTE', 'QUOTE'],
    ['OTHER', 'OTHER'],
    ['PROFORMA', 'OTHER'],
    ['toString', 'OTHER'],
    ['invoice', 'OTHER'],
  ];
  for (const [stored, shown] of types) {
    test(`type ${stored} reads as ${shown}`, () => {
      assert.equal(presentDocument(documentRow({ type: stored })).type, shown);
    });
  }

  test('amounts are the ERP strings as written, and the row rides along for the shipment', () => {
    const row = documentRow();
    const view = presentDocument(row);
    assert.deepEqual([view.totalNet, view.totalVat, view.totalGross], ['10.00', '2.20', '12.20']);
    assert.equal(view.row, row);
  });

  test('a line shows only the discounts applied, in order', () => {
    const line = { lineNo: 1, discount1: '0', discount2: '2.5', discount3: null } as DocumentLineRow;
    assert.deepEqual(presentDocumentLine(line).discounts, ['2.5']);
  });
});

describe('presentShipment', () => {
  test('a document without delivery details has no shipment', () => {
    assert.equal(presentShipment(documentRow(), null), null);
  });

  const facts: Array<[string, Partial<DocumentRow>]> = [
    ['a carrier', { carrier: 'BRT' }],
    ['a tracking number', { trackingNumber: '0841' }],
    ['a shipping instant', { shippedAt: '2026-03-12T08:30:00Z' }],
    ['an expected delivery', { expectedDelivery: '2026-03-14' }],
    ['a destination', { destinationId: 'D1' }],
  ];
  for (const [name, overrides] of facts) {
    test(`${name} alone makes a shipment`, () => {
      assert.notEqual(presentShipment(documentRow(overrides), null), null);
    });
  }

  test('the destination given is the one shown', () => {
    const destination = { id: 'D1' };
    assert.equal(presentShipment(documentRow({ destinationId: 'D1' }), destination)?.destination, destination);
  });
});

describe('presentOrder', () => {
  const header = (status: string) => ({ inboxId: '1', status, totalNet: '0.00' }) as OrderHeaderRow;
  const statuses: Array<[string, string]> = [
    ['NEW', 'NEW'],
    ['IMPORTED', 'IMPORTED'],
    ['REJECTED', 'REJECTED'],
    ['PROCESSING', 'NEW'],
    ['constructor', 'NEW'],
  ];
  for (const [stored, shown] of statuses) {
    test(`status ${stored} reads as ${shown}`, () => {
      assert.equal(presentOrder(header(stored), []).status, shown);
    });
  }

  const discounts: Array<[Array<string | null>, string[]]> = [
    [[null, null, null], []],
    [['10.00', '5', '0.00'], ['10.00', '5']],
    [['0', '2.5', null], ['2.5']],
    [['-0.00', '0.0000', '3'], ['3']],
  ];
  for (const [slots, applied] of discounts) {
    test(`discounts ${JSON.stringify(slots)} → ${JSON.stringify(applied)}`, () => {
      assert.deepEqual(discountsOf({ discount1: slots[0]!, discount2: slots[1]!, discount3: slots[2]! }), applied);
    });
  }
});

describe('toPrice', () => {
  test('a presented price becomes the GraphQL Price, field for field, its source the domain value', () => {
    const view = {
      quantity: '2',
      currency: 'EUR',
      listPrice: '10.0000',
      basePrice: '10.0000',
      discounts: ['10'],
      unitPrice: '9.0000',
      unitPriceWithVat: '10.98',
      lineTotal: '18.00',
      source: 'PRICE_LIST',
      conditionId: null,
      discountConditionId: '7',
      result: { quantity: new Decimal(2) },
    } as unknown as PriceView;
    const price = toPrice(view);
    assert.ok(price instanceof Price);
    assert.deepEqual({ ...price }, { ...view });
  });
});
