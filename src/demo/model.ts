/** The demo's master data while it is drawn, before it becomes rows. */
import type { Group, PaymentTerms } from './data/company';
import type { Unit } from './data/catalogue';

export interface Article {
  sku: string;
  description: string;
  unit: Unit;
  familyCode: string | null;
  vatRate: string;
  packUnits: number;
  minOrderUnits: number;
  restricted: boolean;
  active: boolean;
  webEnabled: boolean;
  /** Open LIST-BASE price in 10^-4 units; null = no list price anywhere ("price on request"). */
  listPrice: number | null;
  /** A plausible price even when listPrice is null, for conditions and past documents. */
  refPrice: number;
}

export interface Destination {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  province: string | null;
  country: string;
  isDefault: boolean;
}

export interface Customer {
  code: string;
  companyName: string;
  vatNumber: string | null;
  taxCode: string | null;
  sdiCode: string | null;
  pec: string | null;
  email: string | null;
  phone: string | null;
  street: string;
  postcode: string;
  city: string;
  province: string | null;
  country: string;
  priceListCode: string | null;
  group: Group | null;
  agentCode: string | null;
  paymentTerms: PaymentTerms | null;
  blocked: boolean;
  destinations: Destination[];
}

export const visibleToAll = (a: Article): boolean => a.active && a.webEnabled && !a.restricted;
export const sellable = (a: Article): boolean => a.active && a.webEnabled && a.listPrice !== null;
