/**
 * Counts the ERP round trips made on behalf of one HTTP request, across all
 * the async work it fans out into (DataLoader batches included), without
 * threading a counter through every call.
 *
 * It also carries the request's work budget: the cost analysis is an
 * estimate made before execution, so the budget is the backstop that holds
 * whatever the estimate missed (see src/graphql/workBudget.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestErpScope {
  erpCalls: number;
  /** Most ERP calls this request may make; absent = unbounded (work outside HTTP). */
  maxErpCalls?: number;
  /** Lines priced so far (a price, a set of price breaks, a quote or order line). */
  pricedLines?: number;
  maxPricedLines?: number;
}

export const requestErpScope = new AsyncLocalStorage<RequestErpScope>();
