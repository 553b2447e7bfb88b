/**
 * The deterministic demo ERP: fills an empty SQLite database laid out as in
 * schema/erp/sqlite.sql with a realistic Italian B2B distributor of
 * electrical, plumbing and hardware supplies.
 *
 * Why it looks the way it does:
 * - It is the database Ponte runs against when no ERP is configured, and the
 *   one tests and benchmarks use, so every case the contract describes must
 *   occur in it: restricted and denied articles, price breaks, dated list
 *   rows, conditions of every kind and scope, stock in every status, blocked
 *   customers, documents with files.
 * - It must be reproducible: everything is drawn from a seeded PRNG
 *   (./random.ts), each section from its own derived stream, and "today" is
 *   an input, never the clock.
 * - Decimals are written as the contract stores them (TEXT, plain notation).
 *   They are built from integers counted in 10^-4 (prices) or 10^-3
 *   (quantities) and formatted as strings, and document totals are computed
 *   with decimal.js, so no binary floating point value is ever stored.
 * - It must be fast (100k articles in well under a minute): one transaction,
 *   prepared statements, and per-article work that is O(1).
 */
import type BetterSqlite3 from 'better-sqlite3';
import Decimal from 'decimal.js';
import { Random } from './random';

export interface DemoErpOptions {
  /** PRNG seed; the same seed and sizes give the same database. Default 20261126. */
  seed?: number;
  /** Number of articles (default 10_000; benchmarks use 100_000). */
  articles?: number;
  /** Number of customers (default 1_000). */
  customers?: number;
  /** "Today" as YYYY-MM-DD, used to place validity windows around it (past, current, future). */
  today: string;
}

export interface DemoErpSummary {
  articles: number;
  customers: number;
  agents: number;
  /** A customer that has restricted articles allowed to it (by sku or family or group) and conditions: used for the demo token. */
  demoCustomer: string;
  /** An agent that follows demoCustomer and a few others. */
  demoAgent: string;
}

const DEFAULT_SEED = 20261126;
const DEFAULT_ARTICLES = 10_000;
const DEFAULT_CUSTOMERS = 1_000;
/** Below these sizes the guaranteed demo cases (restricted families, agent portfolio …) cannot all be built. */
const MIN_ARTICLES = 50;
const MIN_CUSTOMERS = 10;

// ---------------------------------------------------------------------------
// Exact decimal formatting
// ---------------------------------------------------------------------------

/** Prices are counted in units of 10^-4 (decimal(19,4)). */
const PRICE_SCALE = 4;
/** Quantities are counted in units of 10^-3 (decimal(18,3)). */
const QTY_SCALE = 3;
const QTY_ONE = 1000;

/** An integer count of 10^-scale units as a plain decimal with exactly `scale` decimals ("9.9900"). */
function fixed(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a safe integer: ${units}`);
  const digits = String(units < 0 ? -units : units).padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return units < 0 ? `-${body}` : body;
}

/** Like fixed() without trailing zeros ("0.5", "12", "2.75"): how quantities read in the ERP UI. */
function plain(units: number, scale: number): string {
  const text = fixed(units, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/, '');
}

const price = (units: number): string => fixed(units, PRICE_SCALE);
const qty = (units: number): string => plain(units, QTY_SCALE);
/** Percentages are decimal(5,2), counted here in hundredths of a percent. */
const percent = (hundredths: number): string => fixed(hundredths, 2);

/** Parses a plain decimal literal from the tables below into 10^-scale units. */
function toUnits(text: string, scale: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] ?? '').length > scale) throw new RangeError(`bad decimal literal ${text}`);
  return Number(match[1]) * 10 ** scale + Number((match[2] ?? '').padEnd(scale, '0') || '0');
}

/**
 * round_half_up(value × numerator / denominator) for non-negative integers,
 * exactly: the remainder is taken with integer arithmetic, never a float quotient.
 */
function mulRatio(value: number, numerator: number, denominator: number): number {
  const product = value * numerator;
  if (!Number.isSafeInteger(product) || product < 0) throw new RangeError(`mulRatio overflow: ${value} × ${numerator}`);
  const remainder = product % denominator;
  const quotient = (product - remainder) / denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** Rounds 10^-4 units half-up to whole cents, for prices an ERP user would type. */
const toCents = (units: number): number => mulRatio(units, 1, 100) * 100;

/**
 * decimal.js with room for every product below and no exponent notation, so
 * toString() always gives plain notation. A private clone leaves the global
 * Decimal configuration (used by the pricing code) untouched.
 */
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

/** A Decimal rounded half-up to exactly `scale` decimals, in plain notation ("7.50"). */
function decFixed(value: Decimal, scale: number): string {
  const [whole, fraction = ''] = value.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toString().split('.');
  return scale === 0 ? whole : `${whole}.${fraction.padEnd(scale, '0')}`;
}

// ---------------------------------------------------------------------------
// Dates (whole days since 1970-01-01, UTC: no time zone can shift them)
// ---------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (new Date(ms).toISOString().slice(0, 10) === text) return ms / MS_PER_DAY;
  }
  throw new RangeError(`today must be a valid date as YYYY-MM-DD, got ${JSON.stringify(text)}`);
}

/** Day numbers repeat a lot (hundreds of thousands of movements over 365 days): memoised, as toISOString is slow. */
const dayTexts = new Map<number, string>();
function formatDay(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}
const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

function endOfMonth(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / MS_PER_DAY;
}

/** Moves a Saturday or Sunday back to the Friday: offices do not issue documents at weekends. */
function workingDayOnOrBefore(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** Moves a Saturday or Sunday forward to the Monday: couriers deliver on working days. */
function workingDayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** An ISO 8601 datetime (datetime2, no offset) during working hours. */
function workingTime(rnd: Random, day: number): string {
  const hh = String(rnd.int(7, 18)).padStart(2, '0');
  const mm = String(rnd.int(0, 59)).padStart(2, '0');
  const ss = String(rnd.int(0, 59)).padStart(2, '0');
  return `${formatDay(day)}T${hh}:${mm}:${ss}`;
}

// ---------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------

const BASE_LIST = 'LIST-BASE';

const PRICE_LISTS: ReadonlyArray<readonly [string, string]> = [
  [BASE_LIST, 'Listino base'],
  ['LIST-RIV', 'Listino rivenditori'],
  ['LIST-INST', 'Listino installatori'],
  ['LIST-GDO', 'Listino grande distribuzione'],
];

/** The non-default lists: share of priced articles they cover, and price as basis points of the base price. */
const OTHER_LISTS: ReadonlyArray<{ code: string; share: number; factor: readonly [number, number] }> = [
  { code: 'LIST-RIV', share: 0.4, factor: [7500, 8500] },
  { code: 'LIST-INST', share: 0.35, factor: [8500, 9300] },
  { code: 'LIST-GDO', share: 0.15, factor: [7000, 8000] },
];

const WAREHOUSES: ReadonlyArray<readonly [string, string, number]> = [
  ['MAG01', 'Sede Milano', 1],
  ['MAG02', 'Deposito Verona', 1],
  ['MAG03', 'Magazzino resi', 0],
];

const GROUPS = ['RIVENDITORI', 'INSTALLATORI', 'GDO', 'PRIVATI'] as const;
type Group = (typeof GROUPS)[number];
/** Groups that buy on professional terms (PRIVATI get no group conditions). */
const TRADE_GROUPS: readonly Group[] = ['RIVENDITORI', 'INSTALLATORI', 'GDO'];

const AGENTS: ReadonlyArray<readonly [string, string, string | null]> = [
  ['AG01', 'Marco Bellini', 'marco.bellini@demoforniture.it'],
  ['AG02', 'Giulia Ferraro', 'giulia.ferraro@demoforniture.it'],
  ['AG03', 'Stefano Marchetti', 'stefano.marchetti@demoforniture.it'],
  ['AG04', 'Paola Santoro', 'paola.santoro@demoforniture.it'],
  ['AG05', 'Davide Colombo', null],
  // A newly hired agent who follows nobody yet: an agent with an empty portfolio.
  ['AG06', 'Rappresentanze Adriatiche S.a.s.', 'info@rappresentanzeadriatiche.it'],
];
const DEMO_AGENT = 'AG01';
/** How customers are shared among agents: AG01 (the demo agent) follows only a few. */
const AGENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['AG01', 1],
  ['AG02', 6],
  ['AG03', 6],
  ['AG04', 5],
  ['AG05', 4],
];

/** The distributor itself, the seller on every invoice. */
const SELLER_NAME = 'Demo Forniture S.p.A.';
const SELLER_VAT = partitaIva('0183746', '015');

interface PaymentTerms {
  text: string;
  days: number;
  /** "FM" (fine mese): due at the end of the month the days end in. */
  endOfMonth: boolean;
}

const PAYMENT_TERMS: ReadonlyArray<readonly [PaymentTerms, number]> = [
  [{ text: 'RB 30 gg FM', days: 30, endOfMonth: true }, 20],
  [{ text: 'RB 60 gg FM', days: 60, endOfMonth: true }, 18],
  [{ text: 'RB 30/60 gg FM', days: 60, endOfMonth: true }, 10],
  [{ text: 'RB 90 gg FM', days: 90, endOfMonth: true }, 6],
  [{ text: 'Bonifico 30 gg DF', days: 30, endOfMonth: false }, 14],
  [{ text: 'Bonifico 60 gg FM', days: 60, endOfMonth: true }, 10],
  [{ text: 'Bonifico anticipato', days: 0, endOfMonth: false }, 8],
  [{ text: 'Rimessa diretta', days: 0, endOfMonth: false }, 6],
  [{ text: 'Contrassegno', days: 0, endOfMonth: false }, 4],
];

interface City {
  name: string;
  province: string;
  /** Range of the city's CAP codes (large cities have one per zone). */
  cap: readonly [number, number];
  /** Landline prefix, without the leading +39. */
  phone: string;
  /** Northern cities weigh more: the distributor works out of Milano and Verona. */
  weight: number;
}

const CITIES: readonly City[] = [
  { name: 'Milano', province: 'MI', cap: [20121, 20162], phone: '02', weight: 8 },
  { name: 'Sesto San Giovanni', province: 'MI', cap: [20099, 20099], phone: '02', weight: 3 },
  { name: 'Rho', province: 'MI', cap: [20017, 20017], phone: '02', weight: 2 },
  { name: 'Monza', province: 'MB', cap: [20900, 20900], phone: '039', weight: 3 },
  { name: 'Lissone', province: 'MB', cap: [20851, 20851], phone: '039', weight: 2 },
  { name: 'Bergamo', province: 'BG', cap: [24121, 24129], phone: '035', weight: 4 },
  { name: 'Brescia', province: 'BS', cap: [25121, 25136], phone: '030', weight: 4 },
  { name: 'Desenzano del Garda', province: 'BS', cap: [25015, 25015], phone: '030', weight: 1 },
  { name: 'Como', province: 'CO', cap: [22100, 22100], phone: '031', weight: 2 },
  { name: 'Cantù', province: 'CO', cap: [22063, 22063], phone: '031', weight: 2 },
  { name: 'Varese', province: 'VA', cap: [21100, 21100], phone: '0332', weight: 2 },
  { name: 'Pavia', province: 'PV', cap: [27100, 27100], phone: '0382', weight: 1 },
  { name: 'Cremona', province: 'CR', cap: [26100, 26100], phone: '0372', weight: 1 },
  { name: 'Verona', province: 'VR', cap: [37121, 37142], phone: '045', weight: 6 },
  { name: 'Bussolengo', province: 'VR', cap: [37012, 37012], phone: '045', weight: 2 },
  { name: 'Vicenza', province: 'VI', cap: [36100, 36100], phone: '0444', weight: 3 },
  { name: 'Bassano del Grappa', province: 'VI', cap: [36061, 36061], phone: '0424', weight: 2 },
  { name: 'Padova', province: 'PD', cap: [35121, 35143], phone: '049', weight: 3 },
  { name: 'Treviso', province: 'TV', cap: [31100, 31100], phone: '0422', weight: 3 },
  { name: 'Venezia', province: 'VE', cap: [30121, 30176], phone: '041', weight: 2 },
  { name: 'Trento', province: 'TN', cap: [38121, 38123], phone: '0461', weight: 2 },
  { name: 'Bolzano', province: 'BZ', cap: [39100, 39100], phone: '0471', weight: 1 },
  { name: 'Udine', province: 'UD', cap: [33100, 33100], phone: '0432', weight: 1 },
  { name: 'Torino', province: 'TO', cap: [10121, 10156], phone: '011', weight: 3 },
  { name: 'Novara', province: 'NO', cap: [28100, 28100], phone: '0321', weight: 1 },
  { name: 'Genova', province: 'GE', cap: [16121, 16167], phone: '010', weight: 2 },
  { name: 'Bologna', province: 'BO', cap: [40121, 40141], phone: '051', weight: 3 },
  { name: 'Imola', province: 'BO', cap: [40026, 40026], phone: '0542', weight: 1 },
  { name: 'Modena', province: 'MO', cap: [41121, 41126], phone: '059', weight: 2 },
  { name: 'Sassuolo', province: 'MO', cap: [41049, 41049], phone: '0536', weight: 1 },
  { name: 'Parma', province: 'PR', cap: [43121, 43126], phone: '0521', weight: 2 },
  { name: 'Reggio Emilia', province: 'RE', cap: [42121, 42124], phone: '0522', weight: 2 },
  { name: 'Rimini', province: 'RN', cap: [47921, 47924], phone: '0541', weight: 1 },
  { name: 'Firenze', province: 'FI', cap: [50121, 50145], phone: '055', weight: 2 },
  { name: 'Prato', province: 'PO', cap: [59100, 59100], phone: '0574', weight: 1 },
  { name: 'Pisa', province: 'PI', cap: [56121, 56128], phone: '050', weight: 1 },
  { name: 'Ancona', province: 'AN', cap: [60121, 60131], phone: '071', weight: 1 },
  { name: 'Perugia', province: 'PG', cap: [6121, 6135], phone: '075', weight: 1 },
  { name: 'Roma', province: 'RM', cap: [118, 199], phone: '06', weight: 3 },
  { name: 'Pescara', province: 'PE', cap: [65121, 65129], phone: '085', weight: 1 },
  { name: 'Napoli', province: 'NA', cap: [80121, 80147], phone: '081', weight: 2 },
  { name: 'Salerno', province: 'SA', cap: [84121, 84135], phone: '089', weight: 1 },
  { name: 'Bari', province: 'BA', cap: [70121, 70132], phone: '080', weight: 1 },
  { name: 'Lecce', province: 'LE', cap: [73100, 73100], phone: '0832', weight: 1 },
  { name: 'Palermo', province: 'PA', cap: [90121, 90151], phone: '091', weight: 1 },
  { name: 'Catania', province: 'CT', cap: [95121, 95131], phone: '095', weight: 1 },
  { name: 'Cagliari', province: 'CA', cap: [9121, 9134], phone: '070', weight: 1 },
];
const CITY_WEIGHTS: ReadonlyArray<readonly [City, number]> = CITIES.map((city) => [city, city.weight] as const);

interface ForeignCity {
  country: string;
  name: string;
  postcode: string;
  phone: string;
}

/** A few customers across the border: no province, no Italian fiscal codes, SDI "XXXXXXX". */
const FOREIGN_CITIES: readonly ForeignCity[] = [
  { country: 'SM', name: 'Serravalle', postcode: '47899', phone: '+378 0549' },
  { country: 'SM', name: 'Borgo Maggiore', postcode: '47893', phone: '+378 0549' },
  { country: 'CH', name: 'Lugano', postcode: '6900', phone: '+41 91' },
  { country: 'CH', name: 'Chiasso', postcode: '6830', phone: '+41 91' },
  { country: 'DE', name: 'München', postcode: '80331', phone: '+49 89' },
];

/** Birthplaces for codici fiscali, with their cadastral (Belfiore) codes. */
const BIRTHPLACES: readonly string[] = ['F205', 'H501', 'L219', 'F839', 'A944', 'D612', 'D969', 'L781', 'G224', 'B157', 'A794', 'A662', 'G273', 'L736', 'C351'];

const SURNAMES: readonly string[] = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
  'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso', 'Valentini',
  'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti',
  'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani',
  'Benedetti', 'Barone', 'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Fiore', 'De Rosa',
  'Ferretti', 'Bellini', 'Basile', 'Riva', 'Donati', 'Piras', 'Vitali', 'Battaglia', 'Sartori', 'Neri',
  'Brambilla', 'Bonetti', 'Zanetti', 'Pozzi', 'Zanella', 'Bertolini', 'Colombi', 'Tosi', 'Crippa', 'Fumagalli',
];
const MALE_NAMES: readonly string[] = ['Marco', 'Luca', 'Giuseppe', 'Andrea', 'Francesco', 'Alessandro', 'Matteo', 'Stefano', 'Roberto', 'Paolo', 'Davide', 'Simone', 'Giovanni', 'Antonio', 'Massimo', 'Fabio'];
const FEMALE_NAMES: readonly string[] = ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Elena', 'Laura', 'Valentina', 'Alessia', 'Martina', 'Silvia', 'Paola', 'Federica', 'Anna', 'Maria', 'Cristina', 'Monica'];
const TRADE_WORDS: readonly string[] = [
  'Impianti', 'Elettroimpianti', 'Termoidraulica', 'Idrotermica', 'Ferramenta', 'Edilizia', 'Costruzioni', 'Elettrotecnica',
  'Forniture', 'Commerciale', 'Tecnoimpianti', 'Colorificio', 'Serramenti', 'Climatizzazione', 'Manutenzioni', 'Impiantistica',
  'Materiali Edili', 'Elettroforniture', 'Idraulica', 'Termotecnica',
];
const AREAS: readonly string[] = ['Nord', 'Sud', 'Centro', 'Padana', 'Lombarda', 'Veneta', 'Adriatica', 'Tirrenica', 'Alpina', 'Lariana', 'Emiliana', 'Gardesana'];
const STREET_TYPES: ReadonlyArray<readonly [string, number]> = [['Via', 12], ['Viale', 3], ['Corso', 2], ['Piazza', 1], ['Largo', 1]];
const STREET_NAMES: readonly string[] = [
  'Roma', 'Garibaldi', 'Mazzini', 'Cavour', 'Dante Alighieri', 'Giuseppe Verdi', 'Matteotti', 'XX Settembre', 'IV Novembre',
  'della Repubblica', 'Marconi', 'Gramsci', "dell'Industria", "dell'Artigianato", 'del Lavoro', 'Nazionale', 'Europa',
  'delle Industrie', 'Galileo Galilei', 'Leonardo da Vinci', 'Enrico Fermi', 'Alessandro Volta', 'San Martino',
  'Vittorio Emanuele II', 'Kennedy', 'Trento', 'Trieste', 'dei Mille', 'Giovanni Pascoli', 'Alessandro Manzoni',
  'Giosuè Carducci', 'dei Mestieri', 'della Tecnica', 'Piave', 'Monte Grappa',
];
const PEC_DOMAINS: readonly string[] = ['pec.it', 'legalmail.it', 'arubapec.it', 'pec.buffetti.it', 'postacert.it'];
const MAIL_PROVIDERS: readonly string[] = ['gmail.com', 'libero.it', 'virgilio.it', 'outlook.it', 'alice.it'];
/** Codici destinatario of real SDI intermediaries look like these: 7 uppercase alphanumerics. */
const SDI_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

const CARRIERS: ReadonlyArray<readonly [string, number]> = [
  ['BRT', 30],
  ['GLS', 22],
  ['SDA', 15],
  ['TNT', 10],
  ['DHL Express', 6],
  ['Poste Delivery Business', 7],
  // Goods delivered with the distributor's own van: no tracking number.
  ['Vettore proprio', 10],
];

// ---------------------------------------------------------------------------
// Catalogue: families and description templates
// ---------------------------------------------------------------------------

type Unit = 'PZ' | 'KG' | 'MT' | 'CF' | 'LT';

interface Template {
  /** Italian description with {slot} placeholders. */
  text: string;
  slots: Readonly<Record<string, readonly string[]>>;
  unit: Unit;
  /** Base list price range, in euro cents per unit. */
  cents: readonly [number, number];
  /** Cheap per-unit goods priced to 4 decimals (e.g. 0.0385 per screw). */
  fine?: boolean;
  /** VAT rate when not the ordinary 22 %. */
  vat?: string;
  /** Pack quantities with weights, when not the unit's default. */
  packs?: ReadonlyArray<readonly [string, number]>;
}

interface Family {
  /** NULL for the handful of articles the ERP keeps outside any family. */
  code: string | null;
  prefix: string;
  weight: number;
  templates: readonly Template[];
}

/** Sold by length or weight: fractional stock (3 decimals) and half-unit packs. */
const FRACTIONAL_UNITS: ReadonlySet<Unit> = new Set<Unit>(['KG', 'MT']);

const DEFAULT_PACKS: Readonly<Record<Unit, ReadonlyArray<readonly [string, number]>>> = {
  PZ: [['1', 84], ['6', 6], ['10', 10]],
  KG: [['1', 65], ['0.5', 30], ['10', 5]],
  MT: [['1', 60], ['0.5', 25], ['10', 15]],
  CF: [['1', 94], ['6', 6]],
  LT: [['1', 80], ['5', 20]],
};

const INCH = ['1/4', '3/8', '1/2', '3/4', '1', '1 1/4'];
const COLORS_CABLE = ['nero', 'blu', 'marrone', 'grigio', 'giallo/verde', 'rosso', 'bianco'];
const KELVIN = ['2700', '3000', '4000', '6500'];
const METRIC = ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16'];

const FAMILIES: readonly Family[] = [
  {
    code: 'FAM-ELE', prefix: 'ELE', weight: 160, templates: [
      { text: 'Cavo unipolare FS17 {s} mm² {c}', slots: { s: ['1,5', '2,5', '4', '6', '10', '16', '25'], c: COLORS_CABLE }, unit: 'MT', cents: [18, 350], fine: true },
      { text: 'Cavo multipolare FG16OR16 {n}G{s} mm²', slots: { n: ['2', '3', '4', '5'], s: ['1,5', '2,5', '4', '6', '10'] }, unit: 'MT', cents: [60, 1200], fine: true },
      { text: 'Interruttore magnetotermico {p} {a}A curva {k} {ka} kA', slots: { p: ['1P+N', '2P', '3P', '4P'], a: ['6', '10', '16', '20', '25', '32', '40', '63'], k: ['B', 'C', 'D'], ka: ['4,5', '6', '10'] }, unit: 'PZ', cents: [1200, 18000] },
      { text: 'Interruttore differenziale puro {p} {a}A {i} mA tipo {t}', slots: { p: ['2P', '4P'], a: ['25', '40', '63'], i: ['30', '300'], t: ['AC', 'A', 'F'] }, unit: 'PZ', cents: [3500, 26000] },
      { text: 'Scatola di derivazione stagna IP{ip} {d} mm', slots: { ip: ['55', '56', '65'], d: ['100x100x50', '120x80x50', '150x110x70', '190x140x70', '240x190x90'] }, unit: 'PZ', cents: [180, 1400] },
      { text: 'Tubo corrugato flessibile pesante Ø {d} mm {c}', slots: { d: ['16', '20', '25', '32', '40'], c: ['grigio', 'nero', 'blu'] }, unit: 'MT', cents: [25, 140], fine: true },
      { text: 'Presa {t} serie {s} {c}', slots: { t: ['bipasso 10/16A', 'schuko', 'USB doppia A+C', 'TV/SAT passante', 'RJ45 cat. 6'], s: ['Linea', 'Quadra', 'Tonda', 'Slim', 'Classica'], c: ['bianco', 'nero', 'grigio antracite', 'sabbia'] }, unit: 'PZ', cents: [250, 3800] },
      { text: 'Morsetto a leva {n} poli 0,2-4 mm² (conf. 50 pz)', slots: { n: ['2', '3', '5'] }, unit: 'CF', cents: [900, 2800] },
      { text: 'Canalina in PVC {d} mm bianca', slots: { d: ['15x10', '25x17', '40x17', '60x40', '100x60'] }, unit: 'MT', cents: [90, 900] },
      { text: 'Nastro isolante PVC 19 mm x 25 m {c}', slots: { c: ['nero', 'blu', 'rosso', 'giallo/verde', 'bianco'] }, unit: 'PZ', cents: [70, 250], packs: [['10', 70], ['1', 30]] },
      { text: 'Fascette di cablaggio in nylon {d} mm {c} (conf. 100 pz)', slots: { d: ['2,5x100', '3,6x140', '4,8x200', '7,6x370'], c: ['nere', 'naturali'] }, unit: 'CF', cents: [150, 1400] },
      { text: 'Centralino da parete {m} moduli IP40 {c}', slots: { m: ['4', '8', '12', '24', '36'], c: ['bianco', 'grigio'] }, unit: 'PZ', cents: [900, 9500] },
    ],
  },
  {
    code: 'FAM-ILL', prefix: 'ILL', weight: 80, templates: [
      { text: 'Lampadina LED {a} {w} W {k}K {f}', slots: { a: ['E27', 'E14', 'GU10', 'G9', 'GU5.3'], w: ['4', '5,5', '7', '9', '12', '15'], k: KELVIN, f: ['smerigliata', 'trasparente', 'opale'] }, unit: 'PZ', cents: [190, 1200] },
      { text: 'Plafoniera LED stagna IP65 {w} W {k}K {l} cm', slots: { w: ['18', '24', '36', '48', '60'], k: ['4000', '6500'], l: ['60', '120', '150'] }, unit: 'PZ', cents: [1400, 8500] },
      { text: 'Faretto LED da incasso {f} {w} W {k}K {c}', slots: { f: ['tondo', 'quadrato', 'orientabile'], w: ['5', '7', '10'], k: KELVIN, c: ['bianco', 'nero', 'alluminio'] }, unit: 'PZ', cents: [600, 3500] },
      { text: 'Striscia LED {v} V {w} W/m {k}K IP{ip}', slots: { v: ['12', '24'], w: ['4,8', '9,6', '14,4', '19,2'], k: ['3000', '4000', '6500'], ip: ['20', '65'] }, unit: 'MT', cents: [250, 1800] },
      { text: 'Proiettore LED {w} W IP66 {k}K {c}', slots: { w: ['10', '20', '30', '50', '100', '150'], k: ['3000', '4000', '6500'], c: ['nero', 'grigio'] }, unit: 'PZ', cents: [1200, 14000] },
      { text: 'Tubo LED T8 {l} mm {w} W {k}K', slots: { l: ['600', '900', '1200', '1500'], w: ['9', '14', '18', '22'], k: ['4000', '6500'] }, unit: 'PZ', cents: [350, 1200], packs: [['1', 60], ['10', 40]] },
      { text: 'Applique da esterno LED {w} W IP54 {c}', slots: { w: ['6', '10', '12'], c: ['antracite', 'bianco', 'corten'] }, unit: 'PZ', cents: [1800, 6500] },
    ],
  },
  {
    code: 'FAM-IDR', prefix: 'IDR', weight: 140, templates: [
      { text: 'Raccordo a T in ottone {f} {p}"', slots: { f: ['F/F/F', 'M/F/M', 'M/M/M'], p: INCH }, unit: 'PZ', cents: [120, 2200] },
      { text: 'Gomito 90° in ottone {f} {p}"', slots: { f: ['F/F', 'M/F'], p: INCH }, unit: 'PZ', cents: [90, 1800] },
      { text: 'Manicotto in ottone F/F {p}"', slots: { p: INCH }, unit: 'PZ', cents: [70, 1200] },
      { text: 'Nipplo ridotto in ottone {p} x {q}"', slots: { p: ['3/4', '1', '1 1/4'], q: ['3/8', '1/2', '3/4'] }, unit: 'PZ', cents: [90, 900] },
      { text: 'Valvola a sfera {p}" {f} leva {l} PN{n}', slots: { p: INCH, f: ['F/F', 'M/F'], l: ['rossa', 'a farfalla rossa', 'blu'], n: ['25', '30', '40'] }, unit: 'PZ', cents: [400, 4800] },
      { text: 'Tubo multistrato PEX-AL-PEX {d} mm {i}', slots: { d: ['14x2', '16x2', '20x2', '26x3', '32x3'], i: ['nudo', 'preisolato 6 mm', 'preisolato 10 mm'] }, unit: 'MT', cents: [80, 900], fine: true },
      { text: 'Tubo in rame ricotto Ø {d} mm spessore 1 mm', slots: { d: ['10', '12', '14', '16', '18', '22'] }, unit: 'MT', cents: [400, 1400] },
      { text: 'Raccordo a pressare per multistrato {t} {d}', slots: { t: ['diritto', 'a T', 'gomito 90°'], d: ['16x2', '20x2', '26x3'] }, unit: 'PZ', cents: [290, 1800] },
      { text: 'Miscelatore monocomando {u} {f}', slots: { u: ['lavabo', 'bidet', 'lavello', 'doccia esterno', 'vasca esterno'], f: ['cromato', 'nero opaco', 'acciaio spazzolato'] }, unit: 'PZ', cents: [3500, 24000] },
      { text: 'Sifone a bottiglia per lavabo {p}" {f}', slots: { p: ['1', '1 1/4'], f: ['cromato', 'PP bianco'] }, unit: 'PZ', cents: [350, 4500] },
      { text: 'Nastro in PTFE per filetti 12 mm x 12 m', slots: {}, unit: 'PZ', cents: [35, 120], fine: true, packs: [['10', 80], ['1', 20]] },
      { text: 'Flessibile inox per rubinetteria {p}" F/F {l} cm', slots: { p: ['3/8', '1/2'], l: ['20', '30', '40', '50', '100'] }, unit: 'PZ', cents: [200, 900] },
      { text: 'Canapa per idraulica in treccia {g} g', slots: { g: ['100', '200', '500'] }, unit: 'PZ', cents: [150, 900] },
    ],
  },
  {
    code: 'FAM-RIS', prefix: 'RIS', weight: 60, templates: [
      { text: 'Radiatore in alluminio {e} elementi interasse {i} mm', slots: { e: ['4', '6', '8', '10', '12'], i: ['350', '500', '600', '800'] }, unit: 'PZ', cents: [4500, 29000] },
      { text: 'Valvola termostatizzabile {f} {p}"', slots: { f: ['a squadra', 'diritta'], p: ['3/8', '1/2'] }, unit: 'PZ', cents: [700, 2400] },
      { text: 'Testa termostatica {t}', slots: { t: ['a liquido', 'elettronica programmabile', 'con sensore remoto', 'antimanomissione'] }, unit: 'PZ', cents: [1200, 7000] },
      { text: 'Termostato ambiente digitale {t}', slots: { t: ['a batterie', 'Wi-Fi', 'da incasso 3 moduli', 'settimanale'] }, unit: 'PZ', cents: [2500, 16000] },
      { text: 'Vaso di espansione {u} {l} litri', slots: { u: ['per riscaldamento', 'per sanitario'], l: ['8', '12', '18', '24', '35'] }, unit: 'PZ', cents: [1800, 9500] },
      { text: 'Caldaia murale a condensazione {k} kW {t}', slots: { k: ['24', '28', '32', '35'], t: ['solo riscaldamento', 'combinata'] }, unit: 'PZ', cents: [89000, 220000] },
      { text: 'Climatizzatore monosplit inverter {b} BTU/h R32', slots: { b: ['9000', '12000', '18000', '24000'] }, unit: 'PZ', cents: [39000, 140000] },
      { text: 'Circolatore elettronico {d}', slots: { d: ['25-40/180', '25-60/180', '32-60/180'] }, unit: 'PZ', cents: [12000, 34000] },
    ],
  },
  {
    code: 'FAM-FER', prefix: 'FER', weight: 100, templates: [
      { text: 'Cerniera {t} {m} {d} mm', slots: { t: ['anuba', 'a libro', 'per mobili'], m: ['in acciaio zincato', 'in acciaio inox', 'ottonata'], d: ['35', '40', '60', '80', '100', '120'] }, unit: 'PZ', cents: [50, 1200] },
      { text: 'Lucchetto {t} {d} mm con {k} chiavi', slots: { t: ['in ottone', 'ad arco lungo', 'in acciaio laminato'], d: ['20', '30', '40', '50', '60'], k: ['2', '3', '4'] }, unit: 'PZ', cents: [250, 3500] },
      { text: 'Maniglia per porta {m} {f}', slots: { m: ['su rosetta', 'su placca', 'a leva'], f: ['cromo satinato', 'ottone lucido', 'nero opaco', 'bronzo'] }, unit: 'PZ', cents: [900, 7500] },
      { text: 'Catena zincata a maglia corta Ø {d} mm', slots: { d: ['2', '3', '4', '5', '6', '8', '10'] }, unit: 'MT', cents: [90, 1200] },
      { text: 'Filo di ferro ricotto zincato Ø {d} mm', slots: { d: ['0,8', '1,0', '1,2', '1,5', '2,0', '3,0'] }, unit: 'KG', cents: [220, 550] },
      { text: 'Cilindro europeo {l} mm {k} chiavi {t}', slots: { l: ['30/30', '30/40', '35/45', '40/40', '40/50'], k: ['3', '5'], t: ['nichelato', 'ottonato', 'di sicurezza'] }, unit: 'PZ', cents: [800, 9500] },
      { text: 'Serratura da infilare per porte interne {t} interasse {d} mm', slots: { t: ['patent', 'bagno', 'libero/occupato'], d: ['70', '85', '90'] }, unit: 'PZ', cents: [400, 1900] },
      { text: 'Ruota piroettante Ø {d} mm {t}', slots: { d: ['50', '75', '100', '125'], t: ['con freno', 'senza freno', 'fissa'] }, unit: 'PZ', cents: [200, 1600] },
      { text: 'Staffa angolare a L zincata {d} mm', slots: { d: ['40x40x20', '60x60x40', '80x80x40', '100x100x60'] }, unit: 'PZ', cents: [20, 280], fine: true, packs: [['10', 60], ['1', 40]] },
    ],
  },
  {
    code: 'FAM-VIT', prefix: 'VIT', weight: 100, templates: [
      { text: 'Vite autofilettante {t} {d}x{l} zincata (conf. {n} pz)', slots: { t: ['TC', 'TSP', 'TB'], d: ['3,5', '3,9', '4,2', '4,8', '6,3'], l: ['13', '16', '19', '25', '32', '38', '50'], n: ['100', '200', '500', '1000'] }, unit: 'CF', cents: [200, 3200] },
      { text: 'Vite truciolare {t} {d}x{l} zincata bianca (conf. {n} pz)', slots: { t: ['TSP croce', 'TSP Torx', 'TC croce'], d: ['3,5', '4', '4,5', '5', '6'], l: ['16', '20', '25', '30', '40', '50', '60', '80'], n: ['100', '200', '500'] }, unit: 'CF', cents: [220, 2800] },
      { text: 'Tassello in nylon {t} {d}x{l} mm (conf. {n} pz)', slots: { t: ['universale', 'a espansione', 'per cartongesso'], d: ['5', '6', '8', '10', '12'], l: ['25', '30', '40', '50', '60'], n: ['50', '100', '200'] }, unit: 'CF', cents: [200, 1900] },
      { text: 'Bullone TE {m}x{l} classe 8.8 zincato', slots: { m: ['M6', 'M8', 'M10', 'M12', 'M14', 'M16'], l: ['20', '25', '30', '40', '50', '60', '80', '100'] }, unit: 'KG', cents: [390, 950] },
      { text: 'Dado esagonale {m} classe 8 zincato', slots: { m: METRIC }, unit: 'KG', cents: [320, 780] },
      { text: 'Rondella piana {m} zincata', slots: { m: METRIC }, unit: 'KG', cents: [290, 700] },
      { text: 'Barra filettata {m} x 1000 mm zincata', slots: { m: ['M6', 'M8', 'M10', 'M12', 'M14', 'M16', 'M20'] }, unit: 'PZ', cents: [90, 800], packs: [['10', 50], ['1', 50]] },
      { text: 'Ancorante chimico {t} 300 ml', slots: { t: ['vinilestere', 'poliestere senza stirene', 'epossidico'] }, unit: 'PZ', cents: [700, 2900] },
      { text: 'Vite TE per legno {d}x{l} zincata', slots: { d: ['6', '8', '10', '12'], l: ['40', '50', '60', '80', '100', '120'] }, unit: 'PZ', cents: [3, 60], fine: true, packs: [['100', 70], ['10', 30]] },
    ],
  },
  {
    code: 'FAM-UTE', prefix: 'UTE', weight: 90, templates: [
      { text: 'Cacciavite a taglio {d} mm isolato 1000 V', slots: { d: ['0,4x2,5x75', '0,6x3,5x100', '0,8x4x100', '1,0x5,5x125', '1,2x6,5x150'] }, unit: 'PZ', cents: [290, 1200] },
      { text: 'Cacciavite a croce {t} x {l} mm', slots: { t: ['PH0', 'PH1', 'PH2', 'PZ1', 'PZ2'], l: ['60', '80', '100', '125'] }, unit: 'PZ', cents: [250, 1100] },
      { text: 'Pinza {t} {d} mm isolata 1000 V', slots: { t: ['universale', 'a becchi mezzotondi', 'tagliente laterale', 'spelafili', 'regolabile a pappagallo'], d: ['160', '180', '200', '250'] }, unit: 'PZ', cents: [900, 4500] },
      { text: 'Set chiavi combinate {n} pezzi {r} mm', slots: { n: ['8', '12', '16', '22'], r: ['6-19', '8-22', '6-32'] }, unit: 'PZ', cents: [1900, 16000] },
      { text: 'Martello {t} {g} g manico {m}', slots: { t: ['da carpentiere', 'da muratore', 'da meccanico'], g: ['300', '500', '800', '1000'], m: ['in fibra di vetro', 'in legno', 'antivibrazione'] }, unit: 'PZ', cents: [800, 3900] },
      { text: 'Metro avvolgibile {m} m x {d} mm', slots: { m: ['3', '5', '8', '10'], d: ['16', '19', '25'] }, unit: 'PZ', cents: [300, 2200] },
      { text: 'Livella in alluminio {l} cm {f} fiale', slots: { l: ['40', '60', '80', '100', '120', '200'], f: ['2', '3'] }, unit: 'PZ', cents: [900, 6500] },
      { text: 'Set punte {t} {n} pezzi Ø {r} mm', slots: { t: ['HSS-G per metallo', 'SDS-plus per muratura', 'elicoidali per legno', 'multimateriale'], n: ['5', '7', '10', '13', '19', '25'], r: ['1-10', '3-10', '4-12', '1-13', '5-16'] }, unit: 'PZ', cents: [600, 7500] },
      { text: 'Disco da taglio {t} Ø {d} x {s} mm', slots: { t: ['per inox', 'per metallo', 'per pietra', 'diamantato universale'], d: ['115', '125', '230'], s: ['1,0', '1,6', '2,0', '2,5', '3,0'] }, unit: 'PZ', cents: [80, 4500], packs: [['10', 60], ['1', 40]] },
      { text: 'Cutter professionale lama {d} mm {t}', slots: { d: ['9', '18', '25'], t: ['con blocco a vite', 'autobloccante', 'con caricatore'] }, unit: 'PZ', cents: [250, 1800] },
    ],
  },
  {
    code: 'FAM-ELU', prefix: 'ELU', weight: 40, templates: [
      { text: 'Trapano avvitatore a batteria {v} V {a} Ah {b}', slots: { v: ['12', '18', '20'], a: ['2,0', '4,0', '5,0'], b: ['1 batteria', '2 batterie', 'in valigetta'] }, unit: 'PZ', cents: [5900, 39000] },
      { text: 'Smerigliatrice angolare Ø {d} mm {w} W', slots: { d: ['115', '125', '230'], w: ['720', '900', '1100', '2200', '2400'] }, unit: 'PZ', cents: [3900, 29000] },
      { text: 'Tassellatore SDS-plus {w} W {j} J', slots: { w: ['650', '800', '1000', '1500'], j: ['2,2', '2,7', '3,2', '4,0'] }, unit: 'PZ', cents: [8900, 52000] },
      { text: 'Seghetto alternativo {w} W {t}', slots: { w: ['500', '650', '750'], t: ['con valigetta', 'pendolare', 'con guida laser'] }, unit: 'PZ', cents: [4900, 26000] },
      { text: 'Avvitatore a impulsi a batteria {v} V {n} Nm', slots: { v: ['12', '18'], n: ['150', '180', '200', '300'] }, unit: 'PZ', cents: [7900, 33000] },
      { text: 'Batteria al litio {v} V {a} Ah', slots: { v: ['12', '18'], a: ['2,0', '4,0', '5,0', '8,0'] }, unit: 'PZ', cents: [3900, 16000] },
      { text: 'Aspiratore solidi e liquidi {l} litri {w} W', slots: { l: ['20', '30', '50'], w: ['1200', '1400', '1600'] }, unit: 'PZ', cents: [5900, 32000] },
    ],
  },
  {
    code: 'FAM-CHI', prefix: 'CHI', weight: 50, templates: [
      { text: 'Silicone {t} {c} cartuccia 280 ml', slots: { t: ['acetico', 'neutro', 'sanitario antimuffa', 'per alte temperature'], c: ['trasparente', 'bianco', 'grigio', 'nero', 'marrone'] }, unit: 'PZ', cents: [250, 900] },
      { text: 'Schiuma poliuretanica {t} 750 ml', slots: { t: ['manuale', 'pistolabile', 'ignifuga B1', 'a bassa espansione'] }, unit: 'PZ', cents: [500, 1400] },
      { text: 'Sbloccante lubrificante spray {m} ml', slots: { m: ['200', '400', '500'] }, unit: 'PZ', cents: [300, 900] },
      { text: 'Colla {t} {c}', slots: { t: ['vinilica', 'poliuretanica D4', 'cianoacrilica gel', 'per PVC rigido', 'a contatto'], c: ['20 g', '125 g', '250 g', '500 g', '1 kg'] }, unit: 'PZ', cents: [200, 2200] },
      { text: 'Sigillante acrilico verniciabile {c} 310 ml', slots: { c: ['bianco', 'grigio', 'marrone'] }, unit: 'PZ', cents: [200, 600] },
      { text: '{t}', slots: { t: ['Diluente nitro antinebbia', 'Acquaragia minerale', 'Alcool denaturato 90°', 'Acido muriatico 10%'] }, unit: 'LT', cents: [80, 600] },
    ],
  },
  {
    code: 'FAM-VER', prefix: 'VER', weight: 50, templates: [
      { text: 'Idropittura traspirante per interni {c} {l} lt', slots: { c: ['bianca', 'bianca antimuffa', 'avorio', 'grigio perla'], l: ['1', '2,5', '5', '14'] }, unit: 'PZ', cents: [600, 8900] },
      { text: "Smalto all'acqua {f} {c} 750 ml", slots: { f: ['lucido', 'satinato', 'opaco'], c: ['bianco', 'nero', 'grigio RAL 7035', 'rosso RAL 3000', 'verde RAL 6005', 'blu RAL 5010'] }, unit: 'PZ', cents: [900, 2400] },
      { text: 'Pennello {t} {d} mm', slots: { t: ['piatto setola naturale', 'piatto sintetico', 'a coda di rondine', 'tondo'], d: ['20', '30', '40', '50', '60', '80', '100'] }, unit: 'PZ', cents: [120, 1400] },
      { text: 'Rullo {t} {d} cm', slots: { t: ['antigoccia in microfibra', 'in lana', 'in spugna', 'per smalti'], d: ['10', '14', '18', '23'] }, unit: 'PZ', cents: [200, 1400] },
      { text: 'Nastro di mascheratura in carta {d} mm x 50 m', slots: { d: ['19', '25', '30', '38', '50'] }, unit: 'PZ', cents: [100, 400], packs: [['6', 40], ['10', 30], ['1', 30]] },
      { text: 'Telo di protezione in polietilene {d} m', slots: { d: ['4x4', '4x5', '2x50'] }, unit: 'PZ', cents: [100, 2500] },
      { text: 'Antiruggine al fosfato di zinco {c}', slots: { c: ['grigio', 'rosso ossido', 'bianco'] }, unit: 'LT', cents: [800, 1800] },
    ],
  },
  {
    code: 'FAM-DPI', prefix: 'DPI', weight: 50, templates: [
      { text: 'Guanti monouso in nitrile senza polvere taglia {t} (conf. 100 pz)', slots: { t: ['S', 'M', 'L', 'XL'] }, unit: 'CF', cents: [500, 1400] },
      { text: 'Guanti da lavoro {t} taglia {n}', slots: { t: ['in pelle fiore', 'spalmati in nitrile', 'antitaglio livello C', 'in PU'], n: ['7', '8', '9', '10', '11'] }, unit: 'PZ', cents: [120, 900], packs: [['1', 40], ['6', 30], ['10', 30]] },
      { text: 'Scarpa antinfortunistica {t} S3 SRC n. {n}', slots: { t: ['bassa', 'alta', 'alta invernale'], n: ['38', '39', '40', '41', '42', '43', '44', '45', '46', '47'] }, unit: 'PZ', cents: [3500, 12000] },
      { text: 'Occhiali di protezione lente {l} {t}', slots: { l: ['chiara', 'fumé', 'gialla'], t: ['antigraffio', 'antiappannante', 'a mascherina'] }, unit: 'PZ', cents: [250, 1800] },
      { text: 'Mascherina filtrante FFP{c} {v} (conf. {n} pz)', slots: { c: ['2', '3'], v: ['con valvola', 'senza valvola'], n: ['10', '20'] }, unit: 'CF', cents: [500, 2900] },
      { text: 'Elmetto di protezione EN 397 {c}', slots: { c: ['bianco', 'giallo', 'rosso', 'blu', 'arancio'] }, unit: 'PZ', cents: [400, 2400] },
      { text: 'Cuffia antirumore SNR {d} dB', slots: { d: ['27', '30', '33', '37'] }, unit: 'PZ', cents: [800, 3900] },
      { text: 'Gilet alta visibilità {c} taglia {t}', slots: { c: ['giallo', 'arancio'], t: ['M', 'L', 'XL', 'XXL'] }, unit: 'PZ', cents: [250, 900] },
    ],
  },
  {
    code: 'FAM-GIA', prefix: 'GIA', weight: 40, templates: [
      { text: 'Tubo da giardino antitorsione {d}" rotolo {m} m', slots: { d: ['1/2', '5/8', '3/4'], m: ['15', '25', '50'] }, unit: 'PZ', cents: [1200, 7900] },
      // Fertilisers and seeds for sowing carry 4 % VAT, plants and soil 10 %.
      { text: 'Concime {t} {k} kg', slots: { t: ['universale granulare', 'per prato a lenta cessione', 'per agrumi', 'organico pellettato', 'per orto'], k: ['1', '5', '10', '25'] }, unit: 'PZ', cents: [500, 4900], vat: '4.00' },
      { text: 'Sementi per prato {t} {k} kg', slots: { t: ['rustico', 'ornamentale', "d'ombra", 'rigenerante'], k: ['1', '5', '10'] }, unit: 'PZ', cents: [900, 8500], vat: '4.00' },
      { text: 'Terriccio universale {l} litri', slots: { l: ['20', '45', '70', '80'] }, unit: 'PZ', cents: [300, 1200], vat: '10.00' },
      { text: 'Pianta {t} in vaso Ø {d} cm', slots: { t: ['di olivo', 'di lavanda', 'di limone', 'di rosmarino', 'di ortensia'], d: ['14', '18', '22', '30'] }, unit: 'PZ', cents: [400, 5900], vat: '10.00' },
      { text: 'Forbice da potatura {t} {d} mm', slots: { t: ['a battente', 'bypass', 'a due mani'], d: ['200', '220', '600'] }, unit: 'PZ', cents: [900, 4900] },
      { text: 'Raccordo rapido per tubo da giardino {d}" {t}', slots: { d: ['1/2', '5/8', '3/4'], t: ['con acquastop', 'riparatore', 'femmina filettato'] }, unit: 'PZ', cents: [100, 700] },
      { text: 'Rete ombreggiante {p}% altezza {h} m', slots: { p: ['70', '90'], h: ['1', '1,5', '2'] }, unit: 'MT', cents: [90, 450] },
    ],
  },
  {
    code: 'FAM-EDI', prefix: 'EDI', weight: 40, templates: [
      { text: 'Cemento Portland {c} sacco 25 kg', slots: { c: ['32,5 R', '42,5 R'] }, unit: 'PZ', cents: [450, 900] },
      { text: 'Malta premiscelata {t} sacco 25 kg', slots: { t: ['da muratura M5', 'bastarda', 'per intonaco', 'da ripristino R4'] }, unit: 'PZ', cents: [400, 2200] },
      { text: 'Adesivo cementizio per piastrelle C2TE {c} sacco 25 kg', slots: { c: ['grigio', 'bianco'] }, unit: 'PZ', cents: [900, 2900] },
      { text: 'Stucco in polvere {t} {k} kg', slots: { t: ['per rasature', 'per cartongesso', 'per fughe grigio'], k: ['1', '5', '20'] }, unit: 'PZ', cents: [200, 2800] },
      { text: 'Rete in fibra di vetro per cappotto {g} g/m² rotolo 50 m²', slots: { g: ['145', '160'] }, unit: 'PZ', cents: [2900, 7900] },
      { text: 'Guaina bituminosa {s} mm {f} rotolo 10 m²', slots: { s: ['3', '4'], f: ['liscia', 'ardesiata grigia', 'ardesiata rossa'] }, unit: 'PZ', cents: [2800, 7500] },
      { text: 'Sabbia {t} sacco 25 kg', slots: { t: ['lavata fine', 'di fiume', 'silicea'] }, unit: 'PZ', cents: [300, 800] },
      { text: 'Profilo per cartongesso {t} {d} mm x 3 m', slots: { t: ['guida', 'montante'], d: ['27', '50', '75', '100'] }, unit: 'PZ', cents: [150, 550] },
      { text: 'Lastra in cartongesso {t} {d} x 12,5 mm', slots: { t: ['standard', 'idrorepellente', 'ignifuga'], d: ['1200x2000', '1200x2500', '1200x3000'] }, unit: 'PZ', cents: [600, 2400] },
      { text: 'Gesso scagliola in polvere', slots: {}, unit: 'KG', cents: [60, 150] },
    ],
  },
  {
    // Articles the ERP keeps outside any family: family_code NULL.
    code: null, prefix: 'VAR', weight: 5, templates: [
      { text: 'Espositore da banco {t}', slots: { t: ['per minuteria', 'girevole', 'per lampadine'] }, unit: 'PZ', cents: [2500, 18000] },
      // Books carry 4 % VAT.
      { text: 'Manuale tecnico {t}', slots: { t: ['impianti elettrici civili', 'impianti idrico-sanitari', 'sicurezza nei cantieri'] }, unit: 'PZ', cents: [1800, 4500], vat: '4.00' },
      { text: 'Bancale EPAL 1200x800 mm {t}', slots: { t: ['nuovo', 'usato'] }, unit: 'PZ', cents: [800, 1500] },
    ],
  },
];
const FAMILY_WEIGHTS: ReadonlyArray<readonly [Family, number]> = FAMILIES.map((family) => [family, family.weight] as const);
const FAMILY_CODES: readonly string[] = FAMILIES.flatMap((family) => (family.code === null ? [] : [family.code]));

/** Discount cascades in hundredths of a percent: 10+5, 10+5+2, 33.33 … */
const CASCADES: ReadonlyArray<readonly number[]> = [
  [1000], [2000], [3333], [500], [1500], [5000], [1250],
  [1000, 500], [1000, 500, 200], [3000, 1000], [2500, 500], [4000, 1000, 500], [2000, 1000],
];

/** Quantity-break ladders, as multiples of the article's pack quantity. */
const BREAK_LADDERS: ReadonlyArray<readonly number[]> = [[10, 50, 100], [5, 25, 50], [12, 24, 48], [20, 100, 500], [6, 12, 60]];

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

interface Article {
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

interface Destination {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  province: string | null;
  country: string;
  isDefault: boolean;
}

interface Customer {
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

const visibleToAll = (a: Article): boolean => a.active && a.webEnabled && !a.restricted;
const sellable = (a: Article): boolean => a.active && a.webEnabled && a.listPrice !== null;

// ---------------------------------------------------------------------------
// Italian fiscal identifiers
// ---------------------------------------------------------------------------

/**
 * A partita IVA: 7-digit serial, 3-digit tax office code, and the check digit
 * (Luhn variant: digits in even positions doubled, minus 9 when above 9).
 */
function partitaIva(serial: string, office: string): string {
  const body = serial + office;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = body.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function randomPartitaIva(rnd: Random): string {
  const serial = String(rnd.int(0, 9_999_999)).padStart(7, '0');
  // Office codes 001-100 are the provincial offices, 120/121 the special ones.
  const office = rnd.chance(0.05) ? rnd.pick(['120', '121']) : String(rnd.int(1, 100)).padStart(3, '0');
  return partitaIva(serial, office);
}

/** Values of characters in odd positions for the codice fiscale check letter (A-Z; digits map like A-J). */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_MONTHS = 'ABCDEHLMPRST';

function asciiUpper(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
}

function cfPart(text: string, isName: boolean): string {
  const letters = asciiUpper(text);
  const consonants = letters.replace(/[AEIOU]/g, '');
  const vowels = letters.replace(/[^AEIOU]/g, '');
  // For first names with four or more consonants the 1st, 3rd and 4th are used.
  if (isName && consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** A well-formed codice fiscale for a natural person (correct structure and check letter). */
function codiceFiscale(rnd: Random, person: Person): string {
  const year = rnd.int(1955, 2002);
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28) + (person.female ? 40 : 0);
  const body =
    cfPart(person.surname, false) +
    cfPart(person.firstName, true) +
    String(year % 100).padStart(2, '0') +
    CF_MONTHS[month - 1] +
    String(day).padStart(2, '0') +
    rnd.pick(BIRTHPLACES);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = body.charCodeAt(i);
    const value = code <= 57 ? code - 48 : code - 65;
    // Positions are counted from 1, so index 0 is an odd position.
    sum += i % 2 === 0 ? CF_ODD[value] : value;
  }
  return body + String.fromCharCode(65 + (sum % 26));
}

interface Person {
  firstName: string;
  surname: string;
  female: boolean;
}

function randomPerson(rnd: Random): Person {
  const female = rnd.chance(0.4);
  return { firstName: rnd.pick(female ? FEMALE_NAMES : MALE_NAMES), surname: rnd.pick(SURNAMES), female };
}

function sdiCode(rnd: Random): string {
  let code = '';
  for (let i = 0; i < 7; i++) code += SDI_ALPHABET[rnd.int(0, SDI_ALPHABET.length - 1)];
  return code;
}

/** Lowercase ASCII letters and digits only: for e-mail local parts and domains. */
function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

function fill(rnd: Random, template: Template): string {
  return template.text.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const options = template.slots[name];
    if (!options) throw new Error(`template slot {${name}} has no values: ${template.text}`);
    return rnd.pick(options);
  });
}

function buildArticles(rnd: Random, count: number): Article[] {
  const articles: Article[] = [];
  const width = Math.max(6, String(count).length);
  for (let i = 1; i <= count; i++) {
    const family = rnd.weighted(FAMILY_WEIGHTS);
    const template = rnd.pick(family.templates);
    const description = fill(rnd, template);
    const packUnits = toUnits(rnd.weighted(template.packs ?? DEFAULT_PACKS[template.unit]), QTY_SCALE);
    const minOrderUnits = rnd.chance(0.12) ? packUnits * rnd.pick([2, 3, 5, 10]) : 0;
    const restricted = rnd.chance(0.05);
    const active = !rnd.chance(0.02);
    const webEnabled = !rnd.chance(0.02);
    // Most articles have a list price; a few active ones are "price on request",
    // and half of the inactive ones were never priced at all.
    const priced = active ? !rnd.chance(0.015) : rnd.chance(0.5);
    const [low, high] = template.cents;
    const refPrice = template.fine || rnd.chance(0.2) ? rnd.int(low * 100, high * 100) : rnd.int(low, high) * 100;
    articles.push({
      // The number is global, so skus stay unique across families.
      sku: `${family.prefix}-${String(i).padStart(width, '0')}`,
      description,
      unit: template.unit,
      familyCode: family.code,
      vatRate: template.vat ?? '22.00',
      packUnits,
      minOrderUnits,
      restricted,
      active,
      webEnabled,
      listPrice: priced ? refPrice : null,
      refPrice,
    });
  }
  return articles;
}

/** The family whose restricted articles the demo customer sees through one ALLOW-by-family rule (tools, for an installer). */
const PREFERRED_DEMO_FAMILY = 'FAM-UTE';
/** A family the demo customer is denied as a whole (garden goods, for an installer). */
const DEMO_DENIED_FAMILY = 'FAM-GIA';

/**
 * The demo's ALLOW-by-family family: tools, unless a small catalogue has too
 * few of them, then the family with the most sellable articles.
 */
function chooseDemoFamily(articles: readonly Article[]): string {
  const counts = new Map<string, number>();
  for (const a of articles) {
    if (a.familyCode !== null && a.familyCode !== DEMO_DENIED_FAMILY && sellable(a)) counts.set(a.familyCode, (counts.get(a.familyCode) ?? 0) + 1);
  }
  if ((counts.get(PREFERRED_DEMO_FAMILY) ?? 0) >= 8) return PREFERRED_DEMO_FAMILY;
  let best = PREFERRED_DEMO_FAMILY;
  for (const code of FAMILY_CODES) if ((counts.get(code) ?? 0) > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** Articles in the families the demo customer's ALLOW-by-sku rules come from. */
const inDemoSkuFamilies = (demoFamily: string) => (a: Article): boolean =>
  a.familyCode !== null && a.familyCode !== demoFamily && a.familyCode !== DEMO_DENIED_FAMILY;

/**
 * Makes sure the guaranteed demo cases exist whatever the PRNG drew: enough
 * restricted, sellable articles in the demo's ALLOW family and elsewhere.
 * Articles are promoted to restricted in sku order, so it stays deterministic.
 */
function ensureRestrictedSupply(articles: Article[], family: string, wanted: number, inFamily: (a: Article) => boolean): void {
  let have = articles.filter((a) => a.restricted && sellable(a) && inFamily(a)).length;
  for (const article of articles) {
    if (have >= wanted) return;
    if (!article.restricted && sellable(article) && inFamily(article)) {
      article.restricted = true;
      have++;
    }
  }
  if (have < wanted) throw new Error(`demo data: not enough sellable articles for restricted ${family}`);
}

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

function street(rnd: Random): string {
  const number = rnd.int(1, 240);
  const suffix = rnd.chance(0.06) ? rnd.pick(['/A', '/B', ' bis']) : '';
  return `${rnd.weighted(STREET_TYPES)} ${rnd.pick(STREET_NAMES)} ${number}${suffix}`;
}

function landline(rnd: Random, prefix: string): string {
  // Italian landline numbers are ten digits including the area code.
  let rest = '';
  for (let i = prefix.length; i < 10; i++) rest += String(rnd.int(0, 9));
  return `+39 ${prefix} ${rest}`;
}

function mobile(rnd: Random): string {
  return `+39 3${rnd.int(20, 93)} ${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
}

interface Identity {
  companyName: string;
  /** A person when the customer is a sole trader or a consumer. */
  person: Person | null;
  consumer: boolean;
  /** Core words used for web domains and PEC boxes. */
  handle: string;
}

function identity(rnd: Random, group: Group | null): Identity {
  if (group === 'PRIVATI') {
    const person = randomPerson(rnd);
    return { companyName: `${person.surname} ${person.firstName}`, person, consumer: true, handle: `${person.firstName}.${person.surname}` };
  }
  if (group === 'GDO') {
    const area = rnd.pick(AREAS);
    const brand = rnd.pick(['Brico', 'Casa', 'Mondo Brico', 'Fai da Te', 'BricoCenter']);
    return { companyName: `${brand} ${area} S.p.A.`, person: null, consumer: false, handle: `${brand}${area}` };
  }
  const surname = rnd.pick(SURNAMES);
  const word = rnd.pick(TRADE_WORDS);
  switch (rnd.int(0, 7)) {
    case 0: {
      // Ditta individuale: the owner's codice fiscale, not the partita IVA, is the tax code.
      const person = { ...randomPerson(rnd), surname };
      return { companyName: `${word} di ${person.firstName} ${surname}`, person, consumer: false, handle: `${word}${surname}` };
    }
    case 1:
      return { companyName: `${word} ${surname} & C. S.n.c.`, person: null, consumer: false, handle: `${word}${surname}` };
    case 2: {
      const other = rnd.pick(SURNAMES);
      return { companyName: `${surname} & ${other} S.n.c.`, person: null, consumer: false, handle: `${surname}${other}` };
    }
    case 3: {
      const area = rnd.pick(AREAS);
      return { companyName: `${word} ${area} S.p.A.`, person: null, consumer: false, handle: `${word}${area}` };
    }
    case 4:
      return { companyName: `${surname} ${word} S.r.l.s.`, person: null, consumer: false, handle: `${surname}${word}` };
    case 5: {
      const partner = randomPerson(rnd);
      return { companyName: `${word} ${surname} S.a.s. di ${partner.surname} ${partner.firstName} & C.`, person: null, consumer: false, handle: `${word}${surname}` };
    }
    default:
      return { companyName: `${word} ${surname} S.r.l.`, person: null, consumer: false, handle: `${word}${surname}` };
  }
}

const DESTINATION_KINDS: readonly string[] = ['Magazzino', 'Deposito', 'Punto vendita', 'Sede operativa', 'Filiale'];

function buildDestinations(rnd: Random, code: string, home: City | null, count: number, defaultIndex: number): Destination[] {
  const destinations: Destination[] = [];
  for (let i = 0; i < count; i++) {
    // Most destinations are near the customer; construction sites can be anywhere.
    const city = home && rnd.chance(0.6) ? pickCityIn(rnd, home.province) : rnd.weighted(CITY_WEIGHTS);
    const address = street(rnd);
    const name = rnd.chance(0.35) ? `Cantiere ${address}` : `${rnd.pick(DESTINATION_KINDS)} ${city.name}`;
    destinations.push({
      id: `${code}-D${i + 1}`,
      name,
      street: address,
      postcode: String(rnd.int(city.cap[0], city.cap[1])).padStart(5, '0'),
      city: city.name,
      province: city.province,
      country: 'IT',
      isDefault: i === defaultIndex,
    });
  }
  return destinations;
}

function pickCityIn(rnd: Random, province: string): City {
  return rnd.pick(CITIES.filter((city) => city.province === province));
}

function buildCustomers(rnd: Random, count: number): Customer[] {
  const customers: Customer[] = [];
  const width = Math.max(5, String(count).length);
  for (let i = 1; i <= count; i++) {
    const code = `C${String(i).padStart(width, '0')}`;
    const group = rnd.weighted<Group | null>([['RIVENDITORI', 30], ['INSTALLATORI', 35], ['GDO', 5], ['PRIVATI', 10], [null, 20]]);
    const who = identity(rnd, group);
    const foreign = !who.consumer && rnd.chance(0.02) ? rnd.pick(FOREIGN_CITIES) : null;
    const city = foreign ? null : rnd.weighted(CITY_WEIGHTS);
    const domain = `${slug(who.handle).slice(0, 28)}.${foreign ? foreign.country.toLowerCase() : 'it'}`;

    let vatNumber: string | null;
    let taxCode: string | null;
    let sdi: string | null;
    let pec: string | null = null;
    if (foreign) {
      // Foreign customers: their own VAT id; e-invoices go through the SDI with the code for abroad.
      vatNumber =
        foreign.country === 'SM' ? `SM${String(rnd.int(1, 99_999)).padStart(5, '0')}`
          : foreign.country === 'CH' ? `CHE-${rnd.int(100, 999)}.${rnd.int(100, 999)}.${rnd.int(100, 999)}`
            : `DE${rnd.int(100_000_000, 999_999_999)}`;
      taxCode = null;
      sdi = 'XXXXXXX';
    } else if (who.consumer) {
      // A private consumer: no partita IVA, codice fiscale only, SDI code of "no intermediary".
      vatNumber = null;
      taxCode = codiceFiscale(rnd, who.person as Person);
      sdi = '0000000';
    } else {
      vatNumber = randomPartitaIva(rnd);
      taxCode = who.person ? codiceFiscale(rnd, who.person) : vatNumber;
      // Companies give a codice destinatario, a PEC, or both.
      const channel = rnd.int(0, 9);
      sdi = channel < 7 ? sdiCode(rnd) : null;
      pec = channel >= 5 ? `${slug(who.handle).slice(0, 28)}@${rnd.pick(PEC_DOMAINS)}` : null;
    }

    const email = who.consumer
      ? `${slug(who.person?.firstName ?? 'cliente')}.${slug(who.person?.surname ?? '')}${rnd.int(1, 99)}@${rnd.pick(MAIL_PROVIDERS)}`
      : rnd.chance(0.95) ? `${rnd.pick(['info', 'amministrazione', 'ordini', 'acquisti', 'ufficio'])}@${domain}` : null;
    const phone = foreign
      ? `${foreign.phone} ${rnd.int(100_000, 999_999)}`
      : who.consumer || rnd.chance(0.15) ? mobile(rnd) : rnd.chance(0.97) ? landline(rnd, (city as City).phone) : null;

    // Price lists follow the commercial category, with exceptions as in any ERP.
    const priceListCode: string | null =
      group === 'RIVENDITORI' ? (rnd.chance(0.8) ? 'LIST-RIV' : null)
        : group === 'INSTALLATORI' ? (rnd.chance(0.75) ? 'LIST-INST' : null)
          : group === 'GDO' ? (rnd.chance(0.9) ? 'LIST-GDO' : null)
            : group === 'PRIVATI' ? (rnd.chance(0.1) ? BASE_LIST : null)
              : rnd.chance(0.1) ? BASE_LIST : rnd.chance(0.1) ? 'LIST-RIV' : null;
    const agentCode = (group === 'PRIVATI' ? rnd.chance(0.2) : rnd.chance(0.88)) ? rnd.weighted(AGENT_WEIGHTS) : null;
    const paymentTerms = who.consumer
      ? rnd.pick([PAYMENT_TERMS[6][0], PAYMENT_TERMS[8][0]])
      : rnd.chance(0.05) ? null : rnd.weighted(PAYMENT_TERMS);
    const destinationCount = rnd.weighted([[0, 35], [1, 30], [2, 20], [3, 10], [4, 5]]);
    const defaultIndex = destinationCount > 0 && rnd.chance(0.7) ? rnd.int(0, destinationCount - 1) : -1;

    customers.push({
      code,
      companyName: who.companyName,
      vatNumber,
      taxCode,
      sdiCode: sdi,
      pec,
      email,
      phone,
      street: foreign ? `${rnd.pick(['Via', 'Strada'])} ${rnd.pick(STREET_NAMES)} ${rnd.int(1, 90)}` : street(rnd),
      postcode: foreign ? foreign.postcode : String(rnd.int((city as City).cap[0], (city as City).cap[1])).padStart(5, '0'),
      city: foreign ? foreign.name : (city as City).name,
      province: foreign ? null : (city as City).province,
      country: foreign ? foreign.country : 'IT',
      priceListCode,
      group,
      agentCode,
      paymentTerms,
      blocked: rnd.chance(0.02),
      destinations: buildDestinations(rnd, code, city, foreign ? 0 : destinationCount, defaultIndex),
    });
  }
  return customers;
}

/**
 * The demo customer: a Milanese installer on its own price list, followed by
 * the demo agent, with destinations (one default) and good standing, so that a
 * demo token shows every feature.
 */
function shapeDemoCustomer(rnd: Random, customer: Customer): void {
  const milano = CITIES[0];
  customer.companyName = 'Impianti Brambilla S.r.l.';
  customer.vatNumber = partitaIva('0472915', '015');
  customer.taxCode = customer.vatNumber;
  customer.sdiCode = 'M5UXCR1';
  customer.pec = 'impiantibrambilla@legalmail.it';
  customer.email = 'ordini@impiantibrambilla.it';
  customer.phone = '+39 02 4871 2290';
  customer.street = "Via dell'Artigianato 12";
  customer.postcode = '20138';
  customer.city = milano.name;
  customer.province = milano.province;
  customer.country = 'IT';
  customer.priceListCode = 'LIST-INST';
  customer.group = 'INSTALLATORI';
  customer.agentCode = DEMO_AGENT;
  customer.paymentTerms = PAYMENT_TERMS[1][0];
  customer.blocked = false;
  customer.destinations = buildDestinations(rnd, customer.code, milano, 3, 0);
}

/** The demo agent must follow a few customers besides the demo customer. */
function ensureDemoAgentPortfolio(customers: Customer[], demo: Customer): void {
  let others = customers.filter((c) => c !== demo && c.agentCode === DEMO_AGENT).length;
  for (const customer of customers) {
    if (others >= 3) return;
    if (customer !== demo && customer.agentCode !== DEMO_AGENT) {
      customer.agentCode = DEMO_AGENT;
      others++;
    }
  }
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

interface Context {
  today: number;
  articles: Article[];
  customers: Customer[];
  demo: Customer;
  /** The family opened to the demo customer by an ALLOW-by-family rule. */
  demoFamily: string;
  db: BetterSqlite3.Database;
}

const day = (ctx: Context, offset: number): string => formatDay(ctx.today + offset);

function checkSize(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}

export function generateDemoErp(db: BetterSqlite3.Database, options: DemoErpOptions): DemoErpSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const articleCount = options.articles ?? DEFAULT_ARTICLES;
  const customerCount = options.customers ?? DEFAULT_CUSTOMERS;
  checkSize('articles', articleCount, MIN_ARTICLES);
  checkSize('customers', customerCount, MIN_CUSTOMERS);
  const today = parseDay(options.today);
  const root = new Random(seed);

  const existing = db.prepare('SELECT (SELECT COUNT(*) FROM ecom_articles) + (SELECT COUNT(*) FROM ecom_customers) AS n').get() as { n: number };
  if (existing.n !== 0) throw new Error('generateDemoErp needs empty ERP tables');

  // Build the master data in memory first: later sections (conditions,
  // visibility, documents) pick from it, and the demo guarantees adjust it.
  const articles = buildArticles(root.derive('articles'), articleCount);
  const demoRnd = root.derive('demo');
  const demoFamily = chooseDemoFamily(articles);
  // One restricted article of the family is denied to the demo customer, the others stay visible.
  ensureRestrictedSupply(articles, demoFamily, 3, (a) => a.familyCode === demoFamily);
  ensureRestrictedSupply(articles, 'other families', 6, inDemoSkuFamilies(demoFamily));
  const customers = buildCustomers(root.derive('customers'), customerCount);
  const demo = customers[0];
  shapeDemoCustomer(demoRnd, demo);
  ensureDemoAgentPortfolio(customers, demo);

  const ctx: Context = { today, articles, customers, demo, demoFamily, db };

  db.transaction(() => {
    insertReferenceData(ctx);
    insertCustomers(ctx);
    insertArticles(ctx);
    insertPriceListItems(ctx, root.derive('prices'));
    insertStock(ctx, root.derive('stock'));
    insertMovements(ctx, root.derive('movements'));
    // Visibility first: the demo customer's conditions and documents are about articles it can see.
    const demoSees = insertVisibility(ctx, root.derive('visibility'));
    const discounts = insertConditions(ctx, root.derive('conditions'), demoSees);
    insertDocuments(ctx, root.derive('documents'), discounts, demoSees);
  })();

  return {
    articles: articles.length,
    customers: customers.length,
    agents: AGENTS.length,
    demoCustomer: demo.code,
    demoAgent: DEMO_AGENT,
  };
}

function insertReferenceData(ctx: Context): void {
  const setting = ctx.db.prepare('INSERT INTO ecom_settings (setting_key, setting_value) VALUES (?, ?)');
  setting.run('default_price_list', BASE_LIST);
  setting.run('currency', 'EUR');
  setting.run('time_zone', 'Europe/Rome');
  setting.run('low_stock_threshold', '5');

  const list = ctx.db.prepare('INSERT INTO ecom_price_lists (price_list_code, description, currency) VALUES (?, ?, ?)');
  for (const [code, description] of PRICE_LISTS) list.run(code, description, 'EUR');

  const warehouse = ctx.db.prepare('INSERT INTO ecom_warehouses (warehouse_code, name, web_enabled) VALUES (?, ?, ?)');
  for (const [code, name, web] of WAREHOUSES) warehouse.run(code, name, web);

  const agent = ctx.db.prepare('INSERT INTO ecom_agents (agent_code, name, email) VALUES (?, ?, ?)');
  for (const [code, name, email] of AGENTS) agent.run(code, name, email);
}

function insertCustomers(ctx: Context): void {
  const customer = ctx.db.prepare(
    `INSERT INTO ecom_customers (customer_code, company_name, vat_number, tax_code, sdi_code, pec, email, phone,
       street, postcode, city, province, country, price_list_code, customer_group, agent_code, payment_terms, blocked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const destination = ctx.db.prepare(
    `INSERT INTO ecom_destinations (destination_id, customer_code, name, street, postcode, city, province, country, is_default)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of ctx.customers) {
    customer.run(
      c.code, c.companyName, c.vatNumber, c.taxCode, c.sdiCode, c.pec, c.email, c.phone,
      c.street, c.postcode, c.city, c.province, c.country, c.priceListCode, c.group, c.agentCode,
      c.paymentTerms?.text ?? null, c.blocked ? 1 : 0,
    );
    for (const d of c.destinations) {
      destination.run(d.id, c.code, d.name, d.street, d.postcode, d.city, d.province, d.country, d.isDefault ? 1 : 0);
    }
  }
}

function insertArticles(ctx: Context): void {
  const article = ctx.db.prepare(
    `INSERT INTO ecom_articles (sku, description, unit, family_code, vat_rate, pack_qty, min_order_qty, restricted, active, web_enabled)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of ctx.articles) {
    article.run(
      a.sku, a.description, a.unit, a.familyCode, a.vatRate, qty(a.packUnits), qty(a.minOrderUnits),
      a.restricted ? 1 : 0, a.active ? 1 : 0, a.webEnabled ? 1 : 0,
    );
  }
}

/**
 * List prices. Every priced article has an open LIST-BASE row at min_qty 0;
 * some have quantity breaks; some have dated rows around today (an old price
 * that expired, a change that took effect recently, an announced increase, a
 * promotion window touching today); the other lists cover subsets, some with
 * rows that are only expired or only future, so pricing must fall back to the
 * default list.
 */
function insertPriceListItems(ctx: Context, rnd: Random): void {
  const item = ctx.db.prepare(
    'INSERT INTO ecom_price_list_items (price_list_code, sku, min_qty, price, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const put = (list: string, sku: string, minUnits: number, units: number, from: string | null, to: string | null): void => {
    item.run(list, sku, qty(minUnits), price(units), from, to);
  };

  for (const a of ctx.articles) {
    const base = a.listPrice;
    if (base === null) continue;

    const pattern = rnd.int(0, 99);
    if (pattern < 5) {
      // Expired old price, the open current one, and an announced increase.
      put(BASE_LIST, a.sku, 0, base, null, null);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(9200, 9800), 10_000), day(ctx, -rnd.int(400, 500)), day(ctx, -rnd.int(30, 120)));
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(10_300, 11_000), 10_000), day(ctx, rnd.int(7, 90)), null);
    } else if (pattern < 8) {
      // The price changed recently: the old row is closed, the new one open-ended.
      const since = rnd.int(1, 60);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(9000, 9700), 10_000), null, day(ctx, -since - 1));
      put(BASE_LIST, a.sku, 0, base, day(ctx, -since), null);
    } else if (pattern < 10) {
      // A promotion window around today (its bounds may fall on today itself: inclusive).
      put(BASE_LIST, a.sku, 0, base, null, null);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(8000, 9000), 10_000), day(ctx, -rnd.int(0, 10)), day(ctx, rnd.int(0, 20)));
    } else {
      put(BASE_LIST, a.sku, 0, base, null, null);
    }

    // Quantity breaks, at multiples of the pack, each cheaper than the last.
    const breaks: Array<readonly [number, number]> = [];
    if (rnd.chance(0.3)) {
      const ladder = rnd.pick(BREAK_LADDERS);
      const steps = rnd.int(1, 3);
      const discounts = [rnd.int(300, 600), rnd.int(700, 1200), rnd.int(1300, 1800)];
      for (let i = 0; i < steps; i++) {
        breaks.push([a.packUnits * ladder[i], discounts[i]]);
        put(BASE_LIST, a.sku, a.packUnits * ladder[i], mulRatio(base, 10_000 - discounts[i], 10_000), null, null);
      }
    }

    for (const list of OTHER_LISTS) {
      if (!rnd.chance(list.share)) continue;
      const factor = rnd.int(list.factor[0], list.factor[1]);
      const listPrice = mulRatio(base, factor, 10_000);
      const shape = rnd.int(0, 99);
      if (shape < 3) {
        put(list.code, a.sku, 0, listPrice, null, day(ctx, -rnd.int(1, 200)));
        continue;
      }
      if (shape < 5) {
        put(list.code, a.sku, 0, listPrice, day(ctx, rnd.int(1, 60)), null);
        continue;
      }
      put(list.code, a.sku, 0, listPrice, null, null);
      if (shape < 10) {
        put(list.code, a.sku, 0, mulRatio(listPrice, rnd.int(8500, 9500), 10_000), day(ctx, -rnd.int(1, 15)), day(ctx, rnd.int(1, 30)));
      }
      if (breaks.length > 0 && rnd.chance(0.5)) {
        for (const [minUnits, discount] of breaks) put(list.code, a.sku, minUnits, mulRatio(listPrice, 10_000 - discount, 10_000), null, null);
      }
    }
  }
}

type StockProfile = 'IN_STOCK' | 'LOW' | 'ZERO' | 'OVERCOMMITTED';

/**
 * Stock per warehouse. Each article gets a profile that fixes what its
 * availability over the web-enabled warehouses (MAG01, MAG02) adds up to:
 * at least 5 (IN_STOCK), strictly between 0 and 5 (LOW_STOCK), nothing, or
 * nothing because more is committed than on hand. MAG03 (returns, not
 * web-enabled) holds stock that must never count. Open supplier orders go
 * mostly to articles without availability, so BACKORDER occurs too.
 */
function insertStock(ctx: Context, rnd: Random): void {
  const stock = ctx.db.prepare('INSERT INTO ecom_stock (sku, warehouse_code, on_hand, committed) VALUES (?, ?, ?, ?)');
  const incoming = ctx.db.prepare('INSERT INTO ecom_incoming (sku, warehouse_code, expected_date, quantity) VALUES (?, ?, ?, ?)');

  for (const a of ctx.articles) {
    const fractional = FRACTIONAL_UNITS.has(a.unit) && rnd.chance(0.7);
    /** A quantity of whole units in [min, max], with random thousandths for goods sold by weight or length. */
    const amount = (min: number, max: number): number => {
      const whole = rnd.int(min, max) * QTY_ONE;
      return fractional && whole > 0 ? whole + rnd.int(0, 999) : whole;
    };
    const profile = rnd.weighted<StockProfile>([['IN_STOCK', 60], ['LOW', 15], ['ZERO', 18], ['OVERCOMMITTED', 7]]);
    const webWarehouses = [rnd.chance(0.92) ? 'MAG01' : null, rnd.chance(0.55) ? 'MAG02' : null].filter((w): w is string => w !== null);

    webWarehouses.forEach((warehouse, index) => {
      let onHand: number;
      let committed: number;
      if (index === 0 || profile === 'IN_STOCK') {
        switch (profile) {
          case 'IN_STOCK': {
            onHand = amount(index === 0 ? 8 : 0, 600);
            // The first warehouse keeps at least 5 available, so the total reaches the threshold.
            const spare = Math.max(0, onHand - (index === 0 ? 5 * QTY_ONE : 0));
            committed = rnd.chance(0.55) ? 0 : mulRatio(spare, rnd.int(0, 40), 100);
            if (!fractional) committed -= committed % QTY_ONE;
            break;
          }
          case 'LOW': {
            // Available strictly between 0 and 5, e.g. "3" or "2.75".
            const available = fractional ? rnd.int(1, 4999) : rnd.int(1, 4) * QTY_ONE;
            committed = rnd.chance(0.5) ? 0 : amount(1, 20);
            onHand = committed + available;
            break;
          }
          case 'ZERO':
            onHand = rnd.chance(0.6) ? 0 : amount(1, 30);
            committed = onHand;
            break;
          case 'OVERCOMMITTED':
            onHand = amount(0, 20);
            committed = onHand + amount(1, 40);
            break;
        }
      } else {
        // Secondary web warehouse of an article whose total must stay below the threshold: nothing available.
        onHand = rnd.chance(0.5) ? 0 : amount(1, 10);
        committed = rnd.chance(0.7) ? onHand : onHand + amount(1, 5);
      }
      stock.run(a.sku, warehouse, qty(onHand), qty(committed));
    });
    if (rnd.chance(0.15)) stock.run(a.sku, 'MAG03', qty(amount(1, 30)), '0');

    // Open supplier orders: ~15 % of articles overall, most of them the ones with nothing available.
    if (rnd.chance(profile === 'IN_STOCK' ? 0.06 : profile === 'LOW' ? 0.2 : 0.32)) {
      const quantity = (): string => qty(a.packUnits * rnd.int(5, 100));
      const first = rnd.int(2, 60);
      const shape = rnd.int(0, 99);
      if (shape < 60) {
        incoming.run(a.sku, rnd.weighted([['MAG01', 70], ['MAG02', 15], ['MAG03', 15]]), day(ctx, first), quantity());
      } else if (shape < 80) {
        // Two arrivals on the same date in different warehouses: nextArrival sums them.
        incoming.run(a.sku, 'MAG01', day(ctx, first), quantity());
        incoming.run(a.sku, 'MAG02', day(ctx, first), quantity());
      } else {
        // An earlier arrival in the returns warehouse (not web-enabled) and a later one that counts.
        const later = Math.min(60, first + rnd.int(3, 20));
        incoming.run(a.sku, 'MAG03', day(ctx, Math.max(2, later - rnd.int(1, 10))), quantity());
        incoming.run(a.sku, rnd.pick(['MAG01', 'MAG02']), day(ctx, later), quantity());
      }
    }
  }
}

/**
 * Twelve months of stock movements, shaped so that warehouse statistics have
 * something to find: fast movers, ordinary and slow articles, and dead stock
 * that has not moved for more than six months (about 6 rows per article).
 */
function insertMovements(ctx: Context, rnd: Random): void {
  const movement = ctx.db.prepare(
    'INSERT INTO ecom_stock_movements (movement_id, sku, warehouse_code, moved_at, quantity, reason) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let nextId = 1;
  for (const a of ctx.articles) {
    const activity = rnd.weighted([['FAST', 20], ['NORMAL', 45], ['SLOW', 20], ['DEAD', 15]] as const);
    const [count, oldest, newest] =
      activity === 'FAST' ? [rnd.int(10, 20), 365, 1]
        : activity === 'NORMAL' ? [rnd.int(3, 8), 365, 1]
          : activity === 'SLOW' ? [rnd.int(1, 3), 365, 30]
            : [rnd.int(0, 2), 365, 190];
    const days: number[] = [];
    for (let i = 0; i < count; i++) days.push(rnd.int(newest, oldest));
    days.sort((x, y) => y - x); // oldest first, so ids grow with time
    const fractional = FRACTIONAL_UNITS.has(a.unit);
    for (const ago of days) {
      const when = workingTime(rnd, ctx.today - ago);
      const kind = rnd.weighted([['SALE', 66], ['PURCHASE', 26], ['ADJUST', 5], ['TRANSFER', 3]] as const);
      const warehouse = rnd.chance(0.75) ? 'MAG01' : 'MAG02';
      switch (kind) {
        case 'SALE':
          movement.run(nextId++, a.sku, warehouse, when, qty(-a.packUnits * rnd.int(1, activity === 'FAST' ? 40 : 10)), 'SALE');
          break;
        case 'PURCHASE':
          movement.run(nextId++, a.sku, warehouse, when, qty(a.packUnits * rnd.int(10, 200)), 'PURCHASE');
          break;
        case 'ADJUST': {
          // Inventory corrections: small, either sign, fractional for goods sold by weight or length.
          const size = fractional ? rnd.int(1, 2500) : rnd.int(1, 3) * QTY_ONE;
          movement.run(nextId++, a.sku, warehouse, when, qty(rnd.chance(0.6) ? -size : size), 'ADJUST');
          break;
        }
        case 'TRANSFER': {
          // A transfer is two rows at the same instant: out of one warehouse, into the other.
          const moved = a.packUnits * rnd.int(1, 20);
          const target = warehouse === 'MAG01' ? 'MAG02' : 'MAG01';
          movement.run(nextId++, a.sku, warehouse, when, qty(-moved), 'TRANSFER');
          movement.run(nextId++, a.sku, target, when, qty(moved), 'TRANSFER');
          break;
        }
      }
    }
  }
}

interface ConditionSpec {
  customerCode?: string | null;
  customerGroup?: string | null;
  sku?: string | null;
  familyCode?: string | null;
  minQty?: string;
  window?: readonly [string | null, string | null];
  priority?: number;
  kind: 'PRICE' | 'NET_PRICE' | 'DISCOUNT';
  price?: number | null;
  /** Cascade in hundredths of a percent; discount_n beyond its length is NULL. */
  discounts?: readonly number[];
}

/**
 * Commercial conditions of every kind and scope (customer, group, everyone ×
 * sku, family, everything), with validity windows before, around and after
 * today and a few priorities and minimum quantities. Returns each customer's
 * general discount cascade, which its past documents apply.
 */
function insertConditions(ctx: Context, rnd: Random, demoSees: (a: Article) => boolean): Map<string, readonly number[]> {
  const statement = ctx.db.prepare(
    `INSERT INTO ecom_conditions (condition_id, customer_code, customer_group, sku, family_code, min_qty, valid_from, valid_to,
       priority, kind, price, discount_1, discount_2, discount_3)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let nextId = 1;
  const add = (spec: ConditionSpec): void => {
    const d = spec.discounts ?? [];
    const [from, to] = spec.window ?? [null, null];
    statement.run(
      nextId++, spec.customerCode ?? null, spec.customerGroup ?? null, spec.sku ?? null, spec.familyCode ?? null,
      spec.minQty ?? '0', from, to, spec.priority ?? 0, spec.kind,
      spec.price === undefined || spec.price === null ? null : price(spec.price),
      d.length > 0 ? percent(d[0]) : null, d.length > 1 ? percent(d[1]) : null, d.length > 2 ? percent(d[2]) : null,
    );
  };
  /** Validity: mostly open, some started or ending, some around today, some expired, some not yet valid. */
  const window = (): readonly [string | null, string | null] => {
    switch (rnd.weighted([['OPEN', 55], ['STARTED', 10], ['UNTIL', 5], ['CURRENT', 15], ['EXPIRED', 8], ['FUTURE', 7]] as const)) {
      case 'OPEN':
        return [null, null];
      case 'STARTED':
        return [day(ctx, -rnd.int(0, 365)), null];
      case 'UNTIL':
        return [null, day(ctx, rnd.int(0, 180))];
      case 'CURRENT':
        return [day(ctx, -rnd.int(0, 60)), day(ctx, rnd.int(0, 90))];
      case 'EXPIRED': {
        const end = rnd.int(1, 200);
        return [rnd.chance(0.3) ? null : day(ctx, -end - rnd.int(10, 200)), day(ctx, -end)];
      }
      case 'FUTURE': {
        const start = rnd.int(1, 60);
        return [day(ctx, start), rnd.chance(0.4) ? null : day(ctx, start + rnd.int(10, 120))];
      }
    }
  };
  const priority = (): number => (rnd.chance(0.85) ? 0 : rnd.int(1, 10));
  const minQty = (): string => (rnd.chance(0.85) ? '0' : rnd.pick(['5', '10', '20', '50', '100']));
  const anyArticle = (): Article => rnd.pick(ctx.articles);
  /** A special price below the article's usual one, to the cent most of the time. */
  const specialPrice = (a: Article, low: number, high: number): number => {
    const units = mulRatio(a.refPrice, rnd.int(low, high), 10_000);
    return rnd.chance(0.7) ? Math.max(100, toCents(units)) : Math.max(1, units);
  };
  const discountsByCustomer = new Map<string, readonly number[]>();

  // The demo customer: one of each interesting case, all about articles it can see.
  const demo = ctx.demo.code;
  const visible = ctx.articles.filter((a) => demoSees(a) && !a.restricted && a.listPrice !== null);
  const [priceSku, netSku, windowSku, todaySku] = rnd.sample(visible, 4);
  discountsByCustomer.set(demo, [1000, 500]);
  add({ customerCode: demo, kind: 'DISCOUNT', discounts: [1000, 500] });
  add({ customerCode: demo, familyCode: 'FAM-ELE', kind: 'DISCOUNT', discounts: [2000] });
  add({ customerCode: demo, familyCode: 'FAM-IDR', minQty: '50', kind: 'DISCOUNT', discounts: [1000, 500, 200] });
  add({ customerCode: demo, sku: priceSku.sku, kind: 'PRICE', price: specialPrice(priceSku, 7500, 8500) });
  add({ customerCode: demo, sku: netSku.sku, kind: 'NET_PRICE', price: specialPrice(netSku, 6500, 7500) });
  add({ customerCode: demo, kind: 'DISCOUNT', discounts: [3333], window: [day(ctx, -120), day(ctx, -10)] });
  add({ customerCode: demo, familyCode: ctx.demoFamily, kind: 'DISCOUNT', discounts: [1500], window: [day(ctx, 15), null] });
  add({ customerCode: demo, sku: windowSku.sku, kind: 'PRICE', priority: 5, price: specialPrice(windowSku, 7000, 8000), window: [day(ctx, -30), day(ctx, 0)] });
  add({ customerCode: demo, sku: todaySku.sku, kind: 'DISCOUNT', discounts: [1250], window: [day(ctx, 0), day(ctx, 30)] });
  // "A price winner without a list price still gives a price": an article on request, priced for this customer.
  const onRequest = ctx.articles.find((a) => demoSees(a) && a.listPrice === null);
  if (onRequest) add({ customerCode: demo, sku: onRequest.sku, kind: 'PRICE', price: toCents(onRequest.refPrice) });

  for (const customer of ctx.customers) {
    if (customer === ctx.demo) continue;
    const code = customer.code;
    if (rnd.chance(0.35)) {
      const cascade = rnd.pick(CASCADES);
      const window0 = window();
      add({ customerCode: code, kind: 'DISCOUNT', discounts: cascade, window: window0, priority: priority() });
      if (window0[0] === null && window0[1] === null) discountsByCustomer.set(code, cascade);
    }
    if (rnd.chance(0.3)) {
      for (const family of rnd.sample(FAMILY_CODES, rnd.int(1, 3))) {
        add({ customerCode: code, familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
      }
    }
    if (rnd.chance(0.25)) {
      const count = rnd.int(1, 5);
      for (let i = 0; i < count; i++) {
        const a = anyArticle();
        add({ customerCode: code, sku: a.sku, kind: 'PRICE', price: specialPrice(a, 7500, 9500), minQty: minQty(), window: window(), priority: priority() });
      }
    }
    if (rnd.chance(0.1)) {
      const count = rnd.int(1, 2);
      for (let i = 0; i < count; i++) {
        const a = anyArticle();
        add({ customerCode: code, sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 7000, 9000), window: window(), priority: priority() });
      }
    }
  }

  // Group conditions: family discounts for the trade, a general discount for some groups, special prices.
  for (const group of TRADE_GROUPS) {
    for (const family of FAMILY_CODES) {
      if (rnd.chance(0.45)) add({ customerGroup: group, familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
    }
    const priced = Math.min(150, Math.ceil(ctx.articles.length / 50));
    for (let i = 0; i < priced; i++) {
      const a = anyArticle();
      add({ customerGroup: group, sku: a.sku, kind: 'PRICE', price: specialPrice(a, 8000, 9500), minQty: minQty(), window: window(), priority: priority() });
    }
    for (let i = 0; i < 20; i++) {
      const a = anyArticle();
      add({ customerGroup: group, sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 7500, 9000), window: window(), priority: priority() });
    }
  }
  add({ customerGroup: 'RIVENDITORI', kind: 'DISCOUNT', discounts: [500] });
  add({ customerGroup: 'GDO', kind: 'DISCOUNT', discounts: [300, 200], minQty: '10' });

  // Conditions for everyone (anonymous callers included): promotions and volume discounts.
  for (const family of rnd.sample(FAMILY_CODES, 8)) {
    add({ familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
  }
  const promotions = Math.min(400, Math.ceil(ctx.articles.length / 25));
  for (let i = 0; i < promotions; i++) {
    const a = anyArticle();
    add({ sku: a.sku, kind: 'PRICE', price: specialPrice(a, 8000, 9500), window: window(), priority: priority() });
  }
  for (let i = 0; i < 30; i++) {
    const a = anyArticle();
    add({ sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 8500, 9500), priority: 5, window: window() });
  }
  add({ kind: 'DISCOUNT', discounts: [300], minQty: '500' });

  return discountsByCustomer;
}

/**
 * Visibility rules: ALLOWs that open restricted articles (by sku or family,
 * to customers or groups) and DENYs that hide articles (by sku or family, to
 * customers or groups), including DENYs that override an ALLOW for the same
 * customer.
 */
function insertVisibility(ctx: Context, rnd: Random): (a: Article) => boolean {
  const statement = ctx.db.prepare(
    'INSERT INTO ecom_visibility (rule_id, mode, sku, family_code, customer_code, customer_group) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let nextId = 1;
  const seen = new Set<string>();
  const demo = ctx.demo.code;
  /** The rules that reach the demo customer (its own and its group's), as "sku:X" / "family:F" keys. */
  const demoAllow = new Set<string>();
  const demoDeny = new Set<string>();
  const rule = (mode: 'ALLOW' | 'DENY', target: { sku?: string; family?: string }, who: { customer?: string; group?: string }): void => {
    const key = `${mode}|${target.sku ?? ''}|${target.family ?? ''}|${who.customer ?? ''}|${who.group ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    statement.run(nextId++, mode, target.sku ?? null, target.family ?? null, who.customer ?? null, who.group ?? null);
    if (who.customer === demo || (who.group !== undefined && who.group === ctx.demo.group)) {
      (mode === 'ALLOW' ? demoAllow : demoDeny).add(target.sku !== undefined ? `sku:${target.sku}` : `family:${target.family}`);
    }
  };
  const otherCustomers = ctx.customers.filter((c) => c !== ctx.demo);

  // Demo customer: a family ALLOW, sku ALLOWs elsewhere, and DENYs that override both kinds.
  const familyRestricted = ctx.articles.filter((a) => a.restricted && sellable(a) && a.familyCode === ctx.demoFamily);
  const inSkuFamilies = inDemoSkuFamilies(ctx.demoFamily);
  const skuRestricted = ctx.articles.filter((a) => a.restricted && sellable(a) && inSkuFamilies(a));
  const allowed = rnd.sample(skuRestricted, 6);
  rule('ALLOW', { family: ctx.demoFamily }, { customer: demo });
  for (const a of allowed) rule('ALLOW', { sku: a.sku }, { customer: demo });
  rule('DENY', { sku: rnd.pick(familyRestricted).sku }, { customer: demo }); // overrides the family ALLOW
  rule('DENY', { sku: allowed[allowed.length - 1].sku }, { customer: demo }); // overrides an ALLOW for the very same sku
  rule('DENY', { sku: rnd.pick(ctx.articles.filter((a) => visibleToAll(a) && a.familyCode !== DEMO_DENIED_FAMILY)).sku }, { customer: demo });
  rule('DENY', { family: DEMO_DENIED_FAMILY }, { customer: demo });

  // Restricted articles: half are opened to a few customers, some to a group, the rest only by family rules (or to nobody).
  for (const a of ctx.articles) {
    if (!a.restricted) continue;
    const roll = rnd.int(0, 99);
    if (roll < 50) {
      for (const customer of rnd.sample(otherCustomers, rnd.int(1, 3))) rule('ALLOW', { sku: a.sku }, { customer: customer.code });
    } else if (roll < 65) {
      rule('ALLOW', { sku: a.sku }, { group: rnd.pick(TRADE_GROUPS) });
    }
  }
  const familyAllows: ReadonlyArray<readonly [string, Group]> = [
    ['FAM-UTE', 'INSTALLATORI'], ['FAM-RIS', 'INSTALLATORI'], ['FAM-EDI', 'RIVENDITORI'], ['FAM-ILL', 'GDO'], ['FAM-ELU', 'RIVENDITORI'],
  ];
  for (const [family, group] of familyAllows) rule('ALLOW', { family }, { group });
  for (const customer of otherCustomers) {
    if (rnd.chance(0.015)) rule('ALLOW', { family: rnd.pick(FAMILY_CODES) }, { customer: customer.code });
  }

  // Exclusions: articles or whole families hidden from some customers and groups.
  const ordinary = ctx.articles.filter(visibleToAll);
  for (const customer of otherCustomers) {
    if (rnd.chance(0.05)) {
      for (const a of rnd.sample(ordinary, rnd.int(1, 2))) rule('DENY', { sku: a.sku }, { customer: customer.code });
    }
    if (rnd.chance(0.005)) rule('DENY', { family: rnd.pick(FAMILY_CODES) }, { customer: customer.code });
  }
  rule('DENY', { family: 'FAM-EDI' }, { group: 'PRIVATI' });
  rule('DENY', { family: 'FAM-RIS' }, { group: 'GDO' });
  for (let i = 0; i < 10; i++) rule('DENY', { sku: rnd.pick(ordinary).sku }, { group: rnd.pick(GROUPS) });
  // A customer in a group that is allowed a family, denied one of its articles personally.
  const installer = otherCustomers.find((c) => c.group === 'INSTALLATORI');
  if (installer && familyRestricted.length > 0) rule('DENY', { sku: rnd.pick(familyRestricted).sku }, { customer: installer.code });

  // What the demo customer sees, by the contract's visibility rule.
  const matches = (keys: ReadonlySet<string>, a: Article): boolean => keys.has(`sku:${a.sku}`) || (a.familyCode !== null && keys.has(`family:${a.familyCode}`));
  return (a) => a.active && a.webEnabled && !matches(demoDeny, a) && (!a.restricted || matches(demoAllow, a));
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

type DocType = 'INVOICE' | 'DELIVERY_NOTE' | 'ORDER_CONFIRMATION';

interface DocLine {
  sku: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discounts: readonly number[];
  vatRate: string;
}

interface DraftDocument {
  type: DocType;
  day: number;
  customer: Customer;
  lines: DocLine[];
  /** Delivery notes that only list goods carry no prices or totals. */
  valued: boolean;
  orderReference: string | null;
  /** Delivery notes only. */
  shipment: { destinationId: string | null; carrier: string; tracking: string | null; shippedAt: string; expectedDelivery: string } | null;
  /** Order of creation, to break ties when numbering. */
  serial: number;
}

const DOC_NUMBERING: Readonly<Record<DocType, { idPrefix: string; number: (year: number, seq: string) => string }>> = {
  INVOICE: { idPrefix: 'FT', number: (year, seq) => `${year}/${seq}` },
  DELIVERY_NOTE: { idPrefix: 'DDT', number: (year, seq) => `DDT ${year}/${seq}` },
  ORDER_CONFIRMATION: { idPrefix: 'OC', number: (year, seq) => `OC ${year}/${seq}` },
};

function trackingNumber(rnd: Random, carrier: string): string | null {
  const digits = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++) out += String(rnd.int(0, 9));
    return out;
  };
  switch (carrier) {
    case 'BRT': return digits(15);
    case 'GLS': return `${rnd.pick(['MI', 'VR', 'BG', 'BO'])}${digits(9)}`;
    case 'SDA': return digits(13);
    case 'TNT': return digits(9);
    case 'DHL Express': return digits(10);
    case 'Poste Delivery Business': return `PB${digits(10)}IT`;
    default: return null;
  }
}

interface Totals {
  lineTotals: Array<Decimal | null>;
  net: Decimal;
  vat: Decimal;
  byRate: Map<string, { taxable: Decimal; vat: Decimal }>;
}

/**
 * line_total = unit_price × quantity × Π(1 − d/100), half-up to 2 decimals;
 * VAT per rate on the summed line totals, half-up to 2 decimals, as in the
 * VAT summary of an Italian e-invoice.
 */
function computeTotals(lines: readonly DocLine[]): Totals {
  const byRate = new Map<string, { taxable: Decimal; vat: Decimal }>();
  const lineTotals: Decimal[] = [];
  for (const line of lines) {
    let value = new Dec(line.unitPrice).times(line.quantity);
    for (const d of line.discounts) value = value.times(new Dec(10_000 - d).dividedBy(10_000));
    const total = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    lineTotals.push(total);
    const entry = byRate.get(line.vatRate) ?? { taxable: new Dec(0), vat: new Dec(0) };
    entry.taxable = entry.taxable.plus(total);
    byRate.set(line.vatRate, entry);
  }
  let net = new Dec(0);
  let vat = new Dec(0);
  for (const [rate, entry] of byRate) {
    entry.vat = entry.taxable.times(rate).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    net = net.plus(entry.taxable);
    vat = vat.plus(entry.vat);
  }
  return { lineTotals, net, vat, byRate };
}

/** Printable ASCII only, so the PDF's byte offsets equal its character offsets. */
function pdfText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

/** A minimal but valid one-page PDF 1.4 (correct xref offsets), a few hundred bytes. */
function fakePdf(lines: readonly string[]): Buffer {
  const text = lines.map((line, i) => `${i === 0 ? '' : '0 -16 Td '}(${pdfText(line)}) Tj`).join('\n');
  const content = `BT\n/F1 11 Tf\n56 780 Td\n${text}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A compact FatturaPA-shaped XML (header, lines, VAT summary): enough to show a second file kind. */
function fakeFatturaPa(customer: Customer, number: string, date: string, lines: readonly DocLine[], totals: Totals): Buffer {
  const buyerId = customer.vatNumber
    ? `<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>${xmlText(customer.vatNumber)}</IdCodice></IdFiscaleIVA>`
    : `<CodiceFiscale>${xmlText(customer.taxCode ?? '')}</CodiceFiscale>`;
  const detail = lines
    .map((line, i) =>
      `<DettaglioLinee><NumeroLinea>${i + 1}</NumeroLinea><Descrizione>${xmlText(line.description)}</Descrizione>` +
      `<Quantita>${line.quantity}</Quantita><PrezzoUnitario>${line.unitPrice}</PrezzoUnitario>` +
      `<PrezzoTotale>${decFixed(totals.lineTotals[i] as Decimal, 2)}</PrezzoTotale><AliquotaIVA>${line.vatRate}</AliquotaIVA></DettaglioLinee>`)
    .join('');
  const summary = [...totals.byRate]
    .map(([rate, entry]) => `<DatiRiepilogo><AliquotaIVA>${rate}</AliquotaIVA><ImponibileImporto>${decFixed(entry.taxable, 2)}</ImponibileImporto><Imposta>${decFixed(entry.vat, 2)}</Imposta></DatiRiepilogo>`)
    .join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">' +
    `<FatturaElettronicaHeader><DatiTrasmissione><CodiceDestinatario>${xmlText(customer.sdiCode ?? '0000000')}</CodiceDestinatario></DatiTrasmissione>` +
    `<CedentePrestatore><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>${SELLER_VAT}</IdCodice></IdFiscaleIVA><Anagrafica><Denominazione>${xmlText(SELLER_NAME)}</Denominazione></Anagrafica></DatiAnagrafici></CedentePrestatore>` +
    `<CessionarioCommittente><DatiAnagrafici>${buyerId}<Anagrafica><Denominazione>${xmlText(customer.companyName)}</Denominazione></Anagrafica></DatiAnagrafici></CessionarioCommittente></FatturaElettronicaHeader>` +
    `<FatturaElettronicaBody><DatiGenerali><DatiGeneraliDocumento><TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>${date}</Data><Numero>${xmlText(number)}</Numero>` +
    `<ImportoTotaleDocumento>${decFixed(totals.net.plus(totals.vat), 2)}</ImportoTotaleDocumento></DatiGeneraliDocumento></DatiGenerali>` +
    `<DatiBeniServizi>${detail}${summary}</DatiBeniServizi></FatturaElettronicaBody></p:FatturaElettronica>\n`;
  return Buffer.from(xml, 'utf8');
}

function dueDay(documentDay: number, terms: PaymentTerms | null): number {
  if (!terms) return documentDay + 30;
  const plain = documentDay + terms.days;
  return terms.endOfMonth ? endOfMonth(plain) : plain;
}

/**
 * Documents for about a fifth of the customers (always the demo customer):
 * each past order gives an order confirmation, a delivery note once shipped
 * and an invoice once billed (immediately, or at the end of the month), all
 * with the same lines, numbered per type and year in date order.
 */
function insertDocuments(
  ctx: Context,
  rnd: Random,
  discounts: ReadonlyMap<string, readonly number[]>,
  demoSees: (a: Article) => boolean,
): void {
  const orderable = ctx.articles.filter((a) => sellable(a) && !a.restricted);
  const demoOrderable = ctx.articles.filter((a) => sellable(a) && demoSees(a));
  const drafts: DraftDocument[] = [];
  let serial = 0;

  for (const customer of ctx.customers) {
    const isDemo = customer === ctx.demo;
    if (!isDemo && !rnd.chance(0.2)) continue;
    // The demo customer gets one order per age band, so it has every document type and state.
    const ages = isDemo
      ? [rnd.int(200, 330), rnd.int(90, 180), rnd.int(35, 80), rnd.int(6, 20), rnd.int(0, 2)]
      : Array.from({ length: rnd.int(1, 4) }, () => rnd.int(0, 360));

    for (const age of ages) {
      const orderDay = workingDayOnOrBefore(ctx.today - age);
      const cascade = discounts.get(customer.code) ?? (rnd.chance(0.4) ? rnd.pick(CASCADES) : []);
      const lines: DocLine[] = rnd.sample(isDemo ? demoOrderable : orderable, rnd.int(1, 5)).map((a) => {
        const minPacks = Math.max(1, Math.ceil(a.minOrderUnits / a.packUnits));
        return {
          sku: a.sku,
          description: a.description,
          quantity: qty(a.packUnits * rnd.int(minPacks, minPacks + 19)),
          unit: a.unit,
          unitPrice: price(a.refPrice),
          discounts: cascade,
          vatRate: a.vatRate,
        };
      });
      const orderReference = rnd.chance(0.6)
        ? rnd.pick([`ODA ${yearOf(orderDay)}/${rnd.int(1, 999)}`, `Ordine n. ${rnd.int(100, 9999)}`, `Cantiere ${rnd.pick(STREET_NAMES)}`])
        : null;
      const draft = (type: DocType, docDay: number, docLines: DocLine[], valued = true): DraftDocument => ({
        type, day: docDay, customer, lines: docLines, valued, orderReference, shipment: null, serial: serial++,
      });
      drafts.push(draft('ORDER_CONFIRMATION', orderDay, lines));

      const shipDay = workingDayOnOrAfter(orderDay + rnd.int(1, 5));
      if (shipDay > ctx.today) continue; // not shipped yet: only the confirmation exists
      const carrier = rnd.weighted(CARRIERS);
      const defaultDestination = customer.destinations.find((d) => d.isDefault);
      const destination = customer.destinations.length === 0 ? null
        : defaultDestination && rnd.chance(0.6) ? defaultDestination : rnd.pick(customer.destinations);
      const note = draft('DELIVERY_NOTE', shipDay, lines, rnd.chance(0.7));
      note.shipment = {
        destinationId: destination?.id ?? null,
        carrier,
        tracking: trackingNumber(rnd, carrier),
        shippedAt: workingTime(rnd, shipDay),
        expectedDelivery: formatDay(workingDayOnOrAfter(shipDay + rnd.int(1, 3))),
      };
      drafts.push(note);

      // Invoiced with the goods (fattura immediata) or at the end of the month (fattura differita).
      const invoiceDay = rnd.chance(0.3) ? shipDay : endOfMonth(shipDay);
      if (invoiceDay > ctx.today) continue;
      const invoiceLines = rnd.chance(0.2)
        ? [...lines, { sku: null, description: 'Spese di trasporto', quantity: '1', unit: 'NR', unitPrice: price(rnd.int(8, 25) * 10_000), discounts: [], vatRate: '22.00' }]
        : lines;
      drafts.push(draft('INVOICE', invoiceDay, invoiceLines));
    }
  }

  // Number per type and year in date order, with gaps for the documents of customers not generated here.
  drafts.sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : x.day - y.day || x.serial - y.serial));
  const document = ctx.db.prepare(
    `INSERT INTO ecom_documents (document_id, customer_code, doc_type, number, doc_date, currency, total_net, total_vat, total_gross,
       due_date, paid, destination_id, carrier, tracking_number, shipped_at, expected_delivery, order_reference)
     VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = ctx.db.prepare(
    `INSERT INTO ecom_document_lines (document_id, line_no, sku, description, quantity, unit, unit_price, discount_1, discount_2, discount_3, line_total, vat_rate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const file = ctx.db.prepare(
    'INSERT INTO ecom_document_files (file_id, document_id, kind, file_name, content_type, content) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const sequences = new Map<string, number>();
  for (const doc of drafts) {
    const year = yearOf(doc.day);
    const key = `${doc.type}|${year}`;
    const seq = (sequences.get(key) ?? rnd.int(0, 20)) + rnd.int(1, 9);
    sequences.set(key, seq);
    const seqText = String(seq).padStart(6, '0');
    const numbering = DOC_NUMBERING[doc.type];
    const id = `${numbering.idPrefix}-${year}-${seqText}`;
    const number = numbering.number(year, seqText);
    const date = formatDay(doc.day);
    const totals = computeTotals(doc.lines);

    let dueDate: string | null = null;
    let paid: number | null = null;
    if (doc.type === 'INVOICE') {
      const due = dueDay(doc.day, doc.customer.paymentTerms);
      dueDate = formatDay(due);
      // Overdue invoices are mostly paid; blocked customers are blocked because they are not.
      paid = (due < ctx.today ? rnd.chance(doc.customer.blocked ? 0.1 : 0.88) : rnd.chance(0.1)) ? 1 : 0;
    }
    const s = doc.shipment;
    document.run(
      id, doc.customer.code, doc.type, number, date,
      doc.valued ? decFixed(totals.net, 2) : null,
      doc.valued ? decFixed(totals.vat, 2) : null,
      doc.valued ? decFixed(totals.net.plus(totals.vat), 2) : null,
      dueDate, paid, s?.destinationId ?? null, s?.carrier ?? null, s?.tracking ?? null, s?.shippedAt ?? null, s?.expectedDelivery ?? null,
      doc.orderReference,
    );
    doc.lines.forEach((l, i) => {
      const d = doc.valued ? l.discounts : [];
      line.run(
        id, i + 1, l.sku, l.description, l.quantity, l.unit,
        doc.valued ? l.unitPrice : null,
        d.length > 0 ? percent(d[0]) : null, d.length > 1 ? percent(d[1]) : null, d.length > 2 ? percent(d[2]) : null,
        doc.valued ? decFixed(totals.lineTotals[i] as Decimal, 2) : null,
        l.vatRate,
      );
    });

    if (doc.type === 'INVOICE') {
      const pdf = fakePdf([
        SELLER_NAME,
        `Fattura n. ${number} del ${date}`,
        `Cliente: ${doc.customer.code} ${doc.customer.companyName}`,
        `Imponibile EUR ${decFixed(totals.net, 2)}  IVA EUR ${decFixed(totals.vat, 2)}`,
        `Totale documento EUR ${decFixed(totals.net.plus(totals.vat), 2)}`,
        `Scadenza ${dueDate ?? ''}`,
      ]);
      file.run(`${id}-PDF`, id, 'PDF', `Fattura_${number.replace('/', '-')}.pdf`, 'application/pdf', pdf);
      if (doc.customer.country === 'IT' && rnd.chance(0.6)) {
        const progressive = seq.toString(36).toUpperCase().padStart(5, '0');
        file.run(`${id}-XML`, id, 'FATTURAPA_XML', `IT${SELLER_VAT}_${progressive}.xml`, 'application/xml', fakeFatturaPa(doc.customer, number, date, doc.lines, totals));
      }
    }
  }
}
