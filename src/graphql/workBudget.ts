/**
 * The per-request work budget, enforced while the request runs: at most N
 * ERP round trips (checked by the guarded port before each call) and at most
 * M priced lines (charged by the resolvers before they price). It backs up
 * the cost analysis (costLimit.ts), which estimates before execution and can
 * be wrong about data-dependent work such as a catalog page whose articles
 * are mostly hidden from the viewer.
 */
import { PonteError } from '../errors';
import { requestErpScope } from '../erp/requestScope';

export function erpBudgetExceeded(max: number): PonteError {
  return new PonteError('QUERY_TOO_COMPLEX', `The request needs more than ${max} ERP round trips.`);
}

/** Charges `lines` priced lines to the current request; throws QUERY_TOO_COMPLEX past the budget. */
export function chargePricedLines(lines: number): void {
  const scope = requestErpScope.getStore();
  if (!scope || scope.maxPricedLines === undefined) return;
  const after = (scope.pricedLines ?? 0) + lines;
  if (after > scope.maxPricedLines) throw new PonteError('QUERY_TOO_COMPLEX', `The request prices more than ${scope.maxPricedLines} lines.`);
  scope.pricedLines = after;
}
