/**
 * Counts the ERP round trips made on behalf of one HTTP request, across all
 * the async work it fans out into (DataLoader batches included), without
 * threading a counter through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestErpScope {
  erpCalls: number;
}

export const requestErpScope = new AsyncLocalStorage<RequestErpScope>();
