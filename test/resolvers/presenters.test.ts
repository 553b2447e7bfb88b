/**
 * What the resolvers hand to GraphQL, built outside them: documents and
 * their shipments (presentDocument), order statuses and discounts
 * (presentOrder), and the one toPrice for product and quote prices.
 */
import 'reflect-metadata';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { presentDocument, presentDocumentFile, presentDocumentLine, presentShipment } from '../../src/documents/presentDocument';
import type { DocumentFileRow, DocumentLineRow, DocumentRow, OrderHeaderRow } from '../../src/erp/port';
import { discountsOf, presentOrder } from '../../src/orders/presentOrder';
import type { PriceView } from '../../src/pricing/presentPrice';
import { Price, toPrice } from '../../resolvers/types/price.type';

const ROME = 'Europe/Rome';

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
    assert.equal(presentShipment(documentRow(), null, ROME), null);
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
      assert.notEqual(presentShipment(documentRow(overrides), null, ROME), null);
    });
  }

  test('the destination given is the one shown', () => {
    const destination = { id: 'D1' };
    assert.equal(presentShipment(documentRow({ destinationId: 'D1' }), destination, ROME)?.destination, destination);
  });

  test("shippedAt, the ERP's wall-clock time, is shown with the offset of the ERP's zone", () => {
    assert.equal(presentShipment(documentRow({ shippedAt: '2026-11-30T10:15:00' }), null, ROME)?.shippedAt, '2026-11-30T10:15:00+01:00');
    assert.equal(presentShipment(documentRow({ shippedAt: '2026-07-01 10:15' }), null, ROME)?.shippedAt, '2026-07-01T10:15:00+02:00');
  });

  test('a shippedAt that is not a datetime is null, not an error for the whole document', () => {
    assert.equal(presentShipment(documentRow({ carrier: 'BRT', shippedAt: 'domani' }), null, ROME)?.shippedAt, null);
  });
});

describe('presentDocumentFile', () => {
  const kinds: Array<[string, string]> = [
    ['PDF', 'PDF'],
    ['FATTURAPA_XML', 'FATTURAPA_XML'],
    ['OTHER', 'OTHER'],
    ['pdf ', 'PDF'],
    ['P7M', 'OTHER'],
    ['toString', 'OTHER'],
  ];
  for (const [stored, shown] of kinds) {
    test(`kind ${JSON.stringify(stored)} reads as ${shown}`, () => {
      const file = { id: 'F1', documentId: 'D1', kind: stored, fileName: 'a', contentType: 'application/pdf', size: 1 } as DocumentFileRow;
      assert.equal(presentDocumentFile(file).kind, shown);
    });
  }
});

describe('presentOrder', () => {
  const header = (status: string, extra: Partial<OrderHeaderRow> = {}) =>
    ({ inboxId: '1', status, channel: 'STOREFRONT', totalNet: '0.00', createdAt: '2026-06-15T10:00:00.000Z', ...extra }) as OrderHeaderRow;
  const statuses: Array<[string, string]> = [
    ['NEW', 'NEW'],
    ['IMPORTED', 'IMPORTED'],
    ['REJECTED', 'REJECTED'],
    ['PROCESSING', 'NEW'],
    ['constructor', 'NEW'],
  ];
  for (const [stored, shown] of statuses) {
    test(`status ${stored} reads as ${shown}`, () => {
      assert.equal(presentOrder(header(stored), [], ROME).status, shown);
    });
  }

  const channels: Array<[string, string]> = [
    ['STOREFRONT', 'STOREFRONT'],
    ['SALES_APP', 'SALES_APP'],
    ['EDI', 'OTHER'],
    ['PHONE', 'OTHER'],
    ['', 'OTHER'],
    ['hasOwnProperty', 'OTHER'],
  ];
  for (const [stored, shown] of channels) {
    test(`channel ${JSON.stringify(stored)} reads as ${shown}`, () => {
      assert.equal(presentOrder(header('NEW', { channel: stored }), [], ROME).channel, shown);
    });
  }

  test('createdAt, written in UTC, is shown in the ERP zone with its offset', () => {
    assert.equal(presentOrder(header('NEW'), [], ROME).createdAt, '2026-06-15T12:00:00+02:00');
    assert.equal(presentOrder(header('NEW', { createdAt: '2026-12-01T09:30:05.250Z' }), [], ROME).createdAt, '2026-12-01T10:30:05.250+01:00');
  });

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
