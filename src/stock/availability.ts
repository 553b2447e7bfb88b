/**
 * Availability (graphql-api.md, "Availability"): a pure function of the
 * article's stock and incoming rows in web-enabled warehouses.
 */
import { Decimal, ZERO, erpDecimal } from '../decimal/decimal';
import type { IncomingRow, StockRow, WarehouseRow } from '../erp/port';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const StockStatus = { IN_STOCK: 'IN_STOCK', LOW_STOCK: 'LOW_STOCK', BACKORDER: 'BACKORDER', OUT_OF_STOCK: 'OUT_OF_STOCK' } as const;
export type StockStatus = (typeof StockStatus)[keyof typeof StockStatus];

export interface WarehouseAvailability {
  code: string;
  name: string;
  onHand: Decimal;
  committed: Decimal;
  available: Decimal;
}

export interface Availability {
  status: StockStatus;
  /** null when quantities are hidden (anonymous callers). */
  available: Decimal | null;
  warehouses: WarehouseAvailability[];
  nextArrival: { date: string; quantity: Decimal | null } | null;
}

export interface AvailabilityInput {
  stock: readonly StockRow[];
  incoming: readonly IncomingRow[];
  /** All warehouses; only web-enabled ones count. */
  warehouses: readonly WarehouseRow[];
  lowStockThreshold: Decimal;
  /** Anonymous callers get the status and the arrival date, no quantities. */
  showQuantities: boolean;
}

const nonNegative = (d: Decimal) => (d.isNegative() ? ZERO : d);

export function computeAvailability(input: AvailabilityInput): Availability {
  const webEnabled = new Map(input.warehouses.filter((w) => w.webEnabled).map((w) => [w.code, w]));

  let available = ZERO;
  const perWarehouse: WarehouseAvailability[] = [];
  for (const row of input.stock) {
    const warehouse = webEnabled.get(row.warehouseCode);
    if (!warehouse) continue;
    const onHand = erpDecimal(row.onHand, ZERO);
    const committed = erpDecimal(row.committed, ZERO);
    const free = nonNegative(onHand.minus(committed));
    available = available.plus(free);
    perWarehouse.push({ code: warehouse.code, name: warehouse.name, onHand, committed, available: free });
  }
  perWarehouse.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  let nextDate: string | null = null;
  let nextQuantity = ZERO;
  for (const row of input.incoming) {
    if (!webEnabled.has(row.warehouseCode)) continue;
    const quantity = erpDecimal(row.quantity, ZERO);
    if (!quantity.isPositive() || quantity.isZero()) continue;
    if (nextDate === null || row.expectedDate < nextDate) {
      nextDate = row.expectedDate;
      nextQuantity = quantity;
    } else if (row.expectedDate === nextDate) {
      nextQuantity = nextQuantity.plus(quantity);
    }
  }

  // The contract's order: the first rule that holds decides.
  let status: StockStatus;
  if (available.greaterThanOrEqualTo(input.lowStockThreshold)) status = 'IN_STOCK';
  else if (available.isPositive() && !available.isZero()) status = 'LOW_STOCK';
  else if (nextDate !== null) status = 'BACKORDER';
  else status = 'OUT_OF_STOCK';

  return {
    status,
    available: input.showQuantities ? available : null,
    warehouses: input.showQuantities ? perWarehouse : [],
    nextArrival: nextDate === null ? null : { date: nextDate, quantity: input.showQuantities ? nextQuantity : null },
  };
}
