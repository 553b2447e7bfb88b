/** Where the demo's customers are: real Italian cities with their provinces, CAP ranges and phone prefixes. */

export interface City {
  name: string;
  province: string;
  /** Range of the city's CAP codes (large cities have one per zone). */
  cap: readonly [number, number];
  /** Landline prefix, without the leading +39. */
  phone: string;
  /** Northern cities weigh more: the distributor works out of Milano and Verona. */
  weight: number;
}

export const CITIES = [
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
] as const satisfies readonly City[];
export const CITY_WEIGHTS: ReadonlyArray<readonly [City, number]> = CITIES.map((city) => [city, city.weight] as const);

export interface ForeignCity {
  country: string;
  name: string;
  postcode: string;
  phone: string;
}

/** A few customers across the border: no province, no Italian fiscal codes, SDI "XXXXXXX". */
export const FOREIGN_CITIES = [
  { country: 'SM', name: 'Serravalle', postcode: '47899', phone: '+378 0549' },
  { country: 'SM', name: 'Borgo Maggiore', postcode: '47893', phone: '+378 0549' },
  { country: 'CH', name: 'Lugano', postcode: '6900', phone: '+41 91' },
  { country: 'CH', name: 'Chiasso', postcode: '6830', phone: '+41 91' },
  { country: 'DE', name: 'München', postcode: '80331', phone: '+49 89' },
] as const satisfies readonly ForeignCity[];

/** Birthplaces for codici fiscali, with their cadastral (Belfiore) codes. */
export const BIRTHPLACES = ['F205', 'H501', 'L219', 'F839', 'A944', 'D612', 'D969', 'L781', 'G224', 'B157', 'A794', 'A662', 'G273', 'L736', 'C351'] as const satisfies readonly string[];

export const STREET_TYPES = [['Via', 12], ['Viale', 3], ['Corso', 2], ['Piazza', 1], ['Largo', 1]] as const satisfies ReadonlyArray<readonly [string, number]>;
export const STREET_NAMES = [
  'Roma', 'Garibaldi', 'Mazzini', 'Cavour', 'Dante Alighieri', 'Giuseppe Verdi', 'Matteotti', 'XX Settembre', 'IV Novembre',
  'della Repubblica', 'Marconi', 'Gramsci', "dell'Industria", "dell'Artigianato", 'del Lavoro', 'Nazionale', 'Europa',
  'delle Industrie', 'Galileo Galilei', 'Leonardo da Vinci', 'Enrico Fermi', 'Alessandro Volta', 'San Martino',
  'Vittorio Emanuele II', 'Kennedy', 'Trento', 'Trieste', 'dei Mille', 'Giovanni Pascoli', 'Alessandro Manzoni',
  'Giosuè Carducci', 'dei Mestieri', 'della Tecnica', 'Piave', 'Monte Grappa',
] as const satisfies readonly string[];
