/**
 * placeOrder: validate, price and write an order into the ERP's inbox,
 * exactly once.
 *
 * Order of work: who is ordering → the idempotency fingerprint → a replay
 * of an earlier identical request returns that order untouched → every
 * check at once (nothing written when any fails) → header and lines in one
 * transaction, where UNIQUE (customer_code, idempotency_key), not a prior
 * read, decides which of two concurrent identical requests writes. Keys
 * belong to the customer: two customers never meet through one.
 */
import { badUserInput } from '../errors';
import { type Decimal, formatFixed, formatPlain } from '../decimal/decimal';
import { type DecimalInput, InvalidDecimal } from '../decimal/clientDecimal';
import type { CustomerRow, DestinationRow, ErpPort, OrderHeaderInsert, OrderHeaderRow, OrderLineInsert } from '../erp/port';
import type { ErpSettings } from '../settings/erpSettings';
import { type CartFacts, type EvaluatedLine, checkCart } from './checkCart';
import { type ShipTo, type ShipToInput, checkDestination, checkShipTo } from './checkShipping';
import { type OrderProblem, orderProblem, sortProblems } from './orderProblems';
import { requestHash } from './requestHash';
import { summariseVat } from './vatSummary';
import { message } from '../messages/catalogue';

export interface PlaceOrderRequest {
  idempotencyKey: string;
  lines: Array<{ sku: string; quantity: DecimalInput; expectedUnitPrice?: DecimalInput | null }>;
  destinationId?: string | null;
  shipTo?: ShipToInput | null;
  customerReference?: string | null;
  requestedDelivery?: string | null;
  notes?: string | null;
}

/** What placing an order reads and writes, supplied by the caller (the resolver wires a request's). */
export interface OrderDeps {
  erp: Pick<ErpPort, 'orderByIdempotencyKey' | 'insertOrder'>;
  cart: CartFacts;
  destinations(customerCode: string): Promise<DestinationRow[]>;
  settings(): Promise<ErpSettings>;
  /** Today in the ERP's zone, for the request's instant. */
  today(settings: ErpSettings): string;
  now: Date;
  maxOrderLines: number;
  /** Charges one order to the customer's rate limit; absent when limits are off. */
  chargeOrder?: (customerCode: string) => Promise<void>;
}

/** Who orders: the acting customer, the agent acting for it if any, and the channel. */
export interface Orderer {
  customer: CustomerRow;
  agentCode: string | null;
  channel: 'SALES_APP' | 'STOREFRONT';
}

export type PlaceOrderOutcome = { order: OrderHeaderRow; problems: [] } | { order: null; problems: OrderProblem[] };

/** Lengths of the inbox columns the client fills; longer input is refused, never cut. */
const MAX = { idempotencyKey: 100, customerReference: 50, notes: 1000, destinationId: 30 };

function optional(value: string | null | undefined, field: keyof typeof MAX): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > MAX[field]) throw badUserInput(message('input.textTooLong', { name: field, max: MAX[field] }));
  return trimmed === '' ? null : trimmed;
}

export async function placeOrder(deps: OrderDeps, orderer: Orderer, request: PlaceOrderRequest): Promise<PlaceOrderOutcome> {
  const { customer } = orderer;

  const key = request.idempotencyKey;
  if (key.length < 1 || key.length > MAX.idempotencyKey) throw badUserInput(message('input.idempotencyKey'));
  const destinationId = optional(request.destinationId, 'destinationId');
  const customerReference = optional(request.customerReference, 'customerReference');
  const notes = optional(request.notes, 'notes');
  const lines = request.lines.map((l, i) => {
    if (l.expectedUnitPrice instanceof InvalidDecimal) throw badUserInput(message('input.expectedUnitPrice', { index: i }));
    return { sku: l.sku, quantity: l.quantity, expectedUnitPrice: (l.expectedUnitPrice ?? null) as Decimal | null };
  });

  const hash = requestHash({
    customerCode: customer.code,
    lines: lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity instanceof InvalidDecimal ? l.quantity.text : l.quantity,
      expectedUnitPrice: l.expectedUnitPrice,
    })),
    destinationId,
    shipTo: request.shipTo ? { ...request.shipTo } : null,
    customerReference,
    requestedDelivery: request.requestedDelivery ?? null,
    notes,
  });

  // A retry of a request that already succeeded: the same order, nothing new.
  const earlier = await deps.erp.orderByIdempotencyKey(customer.code, key);
  if (earlier) return replay(earlier, hash, customer.code);
  // Rate-limited only past the replay: a retry of a stored order costs nothing.
  await deps.chargeOrder?.(customer.code);

  const settings = await deps.settings();
  const problems: OrderProblem[] = [];

  let shipTo: ShipTo | null = null;
  if (destinationId !== null && request.shipTo) {
    problems.push(orderProblem('INVALID_ADDRESS', null, message('order.addressTwice')));
  } else if (destinationId !== null) {
    const unknown = checkDestination(destinationId, await deps.destinations(customer.code));
    if (unknown) problems.push(unknown);
  } else if (request.shipTo) {
    const checked = checkShipTo(request.shipTo);
    problems.push(...checked.problems);
    shipTo = checked.shipTo;
  }

  const requestedDelivery = request.requestedDelivery ?? null;
  const today = deps.today(settings);
  // The ERP's calendar decides what "past" means, as for price validity.
  if (requestedDelivery !== null && requestedDelivery < today) {
    problems.push(orderProblem('INVALID_DELIVERY_DATE', null, message('order.deliveryDateInThePast', { date: requestedDelivery, today })));
  }

  const cart = await checkCart(deps.cart, customer.blocked, lines, deps.maxOrderLines);
  problems.push(...cart.problems);
  if (problems.length > 0) return { order: null, problems: sortProblems(problems) };
  const evaluated = cart.lines;

  const { header, lineRows } = buildInboxRows({
    key,
    hash,
    customerCode: customer.code,
    agentCode: orderer.agentCode,
    channel: orderer.channel,
    destinationId,
    shipTo,
    customerReference,
    requestedDelivery,
    notes,
    currency: settings.currency,
    createdAt: deps.now.toISOString(),
    lines: evaluated,
  });

  const written = await deps.erp.insertOrder(header, lineRows);
  if (!written.inserted) return replay(written.existing, hash, customer.code);
  return {
    order: { ...header, inboxId: written.inboxId, status: 'NEW', erpOrderNumber: null, erpMessage: null },
    problems: [],
  };
}

function replay(existing: OrderHeaderRow, hash: string, customerCode: string): PlaceOrderOutcome {
  // Another payload: refuse, and reveal nothing of that order. The customer
  // check is a second lock on a door the lookup already keeps shut.
  if (existing.requestHash !== hash || existing.customerCode !== customerCode) {
    return { order: null, problems: [orderProblem('IDEMPOTENCY_KEY_REUSED', null, message('order.idempotencyKeyReused'))] };
  }
  return { order: existing, problems: [] };
}

interface InboxFacts {
  key: string;
  hash: string;
  customerCode: string;
  agentCode: string | null;
  channel: string;
  destinationId: string | null;
  shipTo: ShipTo | null;
  customerReference: string | null;
  requestedDelivery: string | null;
  notes: string | null;
  currency: string;
  createdAt: string;
  lines: EvaluatedLine[];
}

/** The inbox rows for a fully checked order (every line priced). */
export function buildInboxRows(f: InboxFacts): { header: OrderHeaderInsert; lineRows: OrderLineInsert[] } {
  const lineRows = f.lines.map((l, i): OrderLineInsert => {
    if (!l.price || !l.quantity || !l.lineTotal || !l.vatRate) {
      throw new Error('invariant: an unpriced line reached the order writer');
    }
    const [d1, d2, d3] = l.price.discounts;
    return {
      lineNo: i + 1,
      sku: l.sku,
      quantity: formatPlain(l.quantity),
      listPrice: l.price.listPrice === null ? null : formatFixed(l.price.listPrice, 4),
      unitPrice: formatFixed(l.price.unitPrice, 4),
      discount1: d1 ? formatPlain(d1) : null,
      discount2: d2 ? formatPlain(d2) : null,
      discount3: d3 ? formatPlain(d3) : null,
      lineTotal: formatFixed(l.lineTotal, 2),
      vatRate: formatPlain(l.vatRate),
    };
  });
  const totals = summariseVat(f.lines.map((l) => ({ lineTotal: l.lineTotal!, vatRate: l.vatRate! })));
  return {
    header: {
      idempotencyKey: f.key,
      requestHash: f.hash,
      customerCode: f.customerCode,
      agentCode: f.agentCode,
      channel: f.channel,
      customerReference: f.customerReference,
      destinationId: f.destinationId,
      shipToName: f.shipTo?.name ?? null,
      shipToStreet: f.shipTo?.street ?? null,
      shipToPostcode: f.shipTo?.postcode ?? null,
      shipToCity: f.shipTo?.city ?? null,
      shipToProvince: f.shipTo?.province ?? null,
      shipToCountry: f.shipTo?.country ?? null,
      requestedDelivery: f.requestedDelivery,
      notes: f.notes,
      currency: f.currency,
      totalNet: formatFixed(totals.totalNet, 2),
      createdAt: f.createdAt,
    },
    lineRows,
  };
}
