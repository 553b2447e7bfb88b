/**
 * What one HTTP request has spent: the ERP round trips made on its behalf
 * (counted by its view of the guarded port, src/erp/guardedErp.ts) and the
 * lines it priced. It also carries the request's work budget: the cost
 * analysis is an estimate made before execution, so the budget is the
 * backstop that holds whatever the estimate missed (src/graphql/workBudget.ts).
 * Created per request in src/app.ts and handed down explicitly.
 */
export interface RequestErpScope {
  erpCalls: number;
  /** Most ERP calls this request may make; absent = unbounded. */
  maxErpCalls?: number;
  /** Lines priced so far (a price, a set of price breaks, a quote or order line). */
  pricedLines?: number;
  maxPricedLines?: number;
}
