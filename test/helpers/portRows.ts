/**
 * Rows as the ERP port hands them to the domain (camelCase, typed), for
 * tests that build facts without a database. Database rows (snake_case, for
 * the fixture ERP) are in erpRows.ts.
 */
import type { CustomerRow } from '../../src/erp/port';

/** A customer on the default price list, followed by no agent, not blocked. */
export const customerRow = (code: string, group: string | null, overrides: Partial<CustomerRow> = {}): CustomerRow => ({
  code,
  companyName: code,
  vatNumber: null,
  taxCode: null,
  sdiCode: null,
  pec: null,
  email: null,
  phone: null,
  street: null,
  postcode: null,
  city: null,
  province: null,
  country: 'IT',
  priceListCode: null,
  group,
  agentCode: null,
  paymentTerms: null,
  blocked: false,
  ...overrides,
});
