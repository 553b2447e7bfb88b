/** The distributor the demo plays: its price lists, warehouses, agents, terms and carriers. */

export const BASE_LIST = 'LIST-BASE';
export const CURRENCY = 'EUR';

/** The installation's ecom_settings: an Italian distributor keeps its books in Rome's time. */
export const ERP_SETTINGS = [
  ['default_price_list', BASE_LIST],
  ['currency', CURRENCY],
  ['time_zone', 'Europe/Rome'],
  ['low_stock_threshold', '5'],
] as const satisfies ReadonlyArray<readonly [string, string]>;

export const PRICE_LISTS = [
  [BASE_LIST, 'Listino base'],
  ['LIST-RIV', 'Listino rivenditori'],
  ['LIST-INST', 'Listino installatori'],
  ['LIST-GDO', 'Listino grande distribuzione'],
] as const satisfies ReadonlyArray<readonly [string, string]>;

/** The non-default lists: share of priced articles they cover, and price as basis points of the base price. */
export const OTHER_LISTS = [
  { code: 'LIST-RIV', share: 0.4, factor: [7500, 8500] },
  { code: 'LIST-INST', share: 0.35, factor: [8500, 9300] },
  { code: 'LIST-GDO', share: 0.15, factor: [7000, 8000] },
] as const satisfies ReadonlyArray<{ code: string; share: number; factor: readonly [number, number] }>;

export const WAREHOUSES = [
  ['MAG01', 'Sede Milano', 1],
  ['MAG02', 'Deposito Verona', 1],
  ['MAG03', 'Magazzino resi', 0],
] as const satisfies ReadonlyArray<readonly [string, string, number]>;

export const GROUPS = ['RIVENDITORI', 'INSTALLATORI', 'GDO', 'PRIVATI'] as const;
export type Group = (typeof GROUPS)[number];
/** Groups that buy on professional terms (PRIVATI get no group conditions). */
export const TRADE_GROUPS = ['RIVENDITORI', 'INSTALLATORI', 'GDO'] as const satisfies readonly Group[];

export const AGENTS = [
  ['AG01', 'Marco Bellini', 'marco.bellini@demoforniture.it'],
  ['AG02', 'Giulia Ferraro', 'giulia.ferraro@demoforniture.it'],
  ['AG03', 'Stefano Marchetti', 'stefano.marchetti@demoforniture.it'],
  ['AG04', 'Paola Santoro', 'paola.santoro@demoforniture.it'],
  ['AG05', 'Davide Colombo', null],
  // A newly hired agent who follows nobody yet: an agent with an empty portfolio.
  ['AG06', 'Rappresentanze Adriatiche S.a.s.', 'info@rappresentanzeadriatiche.it'],
] as const satisfies ReadonlyArray<readonly [string, string, string | null]>;
export const DEMO_AGENT = 'AG01';
/** How customers are shared among agents: AG01 (the demo agent) follows only a few. */
export const AGENT_WEIGHTS = [
  ['AG01', 1],
  ['AG02', 6],
  ['AG03', 6],
  ['AG04', 5],
  ['AG05', 4],
] as const satisfies ReadonlyArray<readonly [string, number]>;

/** The distributor itself, the seller (and the sender to the SDI) on every invoice. */
export const SELLER = {
  name: 'Demo Forniture S.p.A.',
  /** Serial 0183746 at the Milano office 015; test/demo/italianIds.test.ts checks the check digit. */
  vatNumber: '01837460151',
  street: "Via dell'Industria 24",
  postcode: '20138',
  city: 'Milano',
  province: 'MI',
  /** Ordinary VAT regime. */
  taxRegime: 'RF01',
  iban: 'IT60X0542811101000000123456',
} as const;

export interface PaymentTerms {
  text: string;
  days: number;
  /** "FM" (fine mese): due at the end of the month the days end in. */
  endOfMonth: boolean;
  /** FatturaPA ModalitaPagamento: MP01 cash, MP05 bank transfer, MP12 RIBA. */
  method: 'MP01' | 'MP05' | 'MP12';
}

export const PAYMENT_TERMS = [
  [{ text: 'RB 30 gg FM', days: 30, endOfMonth: true, method: 'MP12' }, 20],
  [{ text: 'RB 60 gg FM', days: 60, endOfMonth: true, method: 'MP12' }, 18],
  [{ text: 'RB 30/60 gg FM', days: 60, endOfMonth: true, method: 'MP12' }, 10],
  [{ text: 'RB 90 gg FM', days: 90, endOfMonth: true, method: 'MP12' }, 6],
  [{ text: 'Bonifico 30 gg DF', days: 30, endOfMonth: false, method: 'MP05' }, 14],
  [{ text: 'Bonifico 60 gg FM', days: 60, endOfMonth: true, method: 'MP05' }, 10],
  [{ text: 'Bonifico anticipato', days: 0, endOfMonth: false, method: 'MP05' }, 8],
  [{ text: 'Rimessa diretta', days: 0, endOfMonth: false, method: 'MP01' }, 6],
  [{ text: 'Contrassegno', days: 0, endOfMonth: false, method: 'MP01' }, 4],
] as const satisfies ReadonlyArray<readonly [PaymentTerms, number]>;

export const CARRIERS = [
  ['BRT', 30],
  ['GLS', 22],
  ['SDA', 15],
  ['TNT', 10],
  ['DHL Express', 6],
  ['Poste Delivery Business', 7],
  // Goods delivered with the distributor's own van: no tracking number.
  ['Vettore proprio', 10],
] as const satisfies ReadonlyArray<readonly [string, number]>;

/** Discount cascades in hundredths of a percent: 10+5, 10+5+2, 33.33 … */
export const CASCADES = [
  [1000], [2000], [3333], [500], [1500], [5000], [1250],
  [1000, 500], [1000, 500, 200], [3000, 1000], [2500, 500], [4000, 1000, 500], [2000, 1000],
] as const satisfies ReadonlyArray<readonly number[]>;

/** Quantity-break ladders, as multiples of the article's pack quantity. */
export const BREAK_LADDERS = [[10, 50, 100], [5, 25, 50], [12, 24, 48], [20, 100, 500], [6, 12, 60]] as const satisfies ReadonlyArray<readonly number[]>;
