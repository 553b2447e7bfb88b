/** What the distributor sells: families, description templates, units and packs. */

export type Unit = 'PZ' | 'KG' | 'MT' | 'CF' | 'LT';

export interface Template {
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

export interface Family {
  /** NULL for the handful of articles the ERP keeps outside any family. */
  code: string | null;
  /** Its row in ecom_families (null with the code). */
  name: string | null;
  prefix: string;
  weight: number;
  templates: readonly Template[];
}

/** Sold by length or weight: fractional stock (3 decimals) and half-unit packs. */
export const FRACTIONAL_UNITS: ReadonlySet<Unit> = new Set<Unit>(['KG', 'MT']);

export const DEFAULT_PACKS = {
  PZ: [['1', 84], ['6', 6], ['10', 10]],
  KG: [['1', 65], ['0.5', 30], ['10', 5]],
  MT: [['1', 60], ['0.5', 25], ['10', 15]],
  CF: [['1', 94], ['6', 6]],
  LT: [['1', 80], ['5', 20]],
} as const satisfies Readonly<Record<Unit, ReadonlyArray<readonly [string, number]>>>;

const INCH = ['1/4', '3/8', '1/2', '3/4', '1', '1 1/4'] as const;
const COLORS_CABLE = ['nero', 'blu', 'marrone', 'grigio', 'giallo/verde', 'rosso', 'bianco'] as const;
const KELVIN = ['2700', '3000', '4000', '6500'] as const;
const METRIC = ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16'] as const;

export const FAMILIES = [
  {
    code: 'FAM-ELE', name: 'Materiale elettrico', prefix: 'ELE', weight: 160, templates: [
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
    code: 'FAM-ILL', name: 'Illuminazione', prefix: 'ILL', weight: 80, templates: [
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
    code: 'FAM-IDR', name: 'Idraulica', prefix: 'IDR', weight: 140, templates: [
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
    code: 'FAM-RIS', name: 'Riscaldamento', prefix: 'RIS', weight: 60, templates: [
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
    code: 'FAM-FER', name: 'Ferramenta', prefix: 'FER', weight: 100, templates: [
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
    code: 'FAM-VIT', name: 'Viteria e fissaggi', prefix: 'VIT', weight: 100, templates: [
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
    code: 'FAM-UTE', name: 'Utensili manuali', prefix: 'UTE', weight: 90, templates: [
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
    code: 'FAM-ELU', name: 'Elettroutensili', prefix: 'ELU', weight: 40, templates: [
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
    code: 'FAM-CHI', name: 'Chimica e sigillanti', prefix: 'CHI', weight: 50, templates: [
      { text: 'Silicone {t} {c} cartuccia 280 ml', slots: { t: ['acetico', 'neutro', 'sanitario antimuffa', 'per alte temperature'], c: ['trasparente', 'bianco', 'grigio', 'nero', 'marrone'] }, unit: 'PZ', cents: [250, 900] },
      { text: 'Schiuma poliuretanica {t} 750 ml', slots: { t: ['manuale', 'pistolabile', 'ignifuga B1', 'a bassa espansione'] }, unit: 'PZ', cents: [500, 1400] },
      { text: 'Sbloccante lubrificante spray {m} ml', slots: { m: ['200', '400', '500'] }, unit: 'PZ', cents: [300, 900] },
      { text: 'Colla {t} {c}', slots: { t: ['vinilica', 'poliuretanica D4', 'cianoacrilica gel', 'per PVC rigido', 'a contatto'], c: ['20 g', '125 g', '250 g', '500 g', '1 kg'] }, unit: 'PZ', cents: [200, 2200] },
      { text: 'Sigillante acrilico verniciabile {c} 310 ml', slots: { c: ['bianco', 'grigio', 'marrone'] }, unit: 'PZ', cents: [200, 600] },
      { text: '{t}', slots: { t: ['Diluente nitro antinebbia', 'Acquaragia minerale', 'Alcool denaturato 90°', 'Acido muriatico 10%'] }, unit: 'LT', cents: [80, 600] },
    ],
  },
  {
    code: 'FAM-VER', name: 'Vernici e pitture', prefix: 'VER', weight: 50, templates: [
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
    code: 'FAM-DPI', name: 'Dispositivi di protezione', prefix: 'DPI', weight: 50, templates: [
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
    code: 'FAM-GIA', name: 'Giardinaggio', prefix: 'GIA', weight: 40, templates: [
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
    code: 'FAM-EDI', name: 'Edilizia', prefix: 'EDI', weight: 40, templates: [
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
    code: null, name: null, prefix: 'VAR', weight: 5, templates: [
      { text: 'Espositore da banco {t}', slots: { t: ['per minuteria', 'girevole', 'per lampadine'] }, unit: 'PZ', cents: [2500, 18000] },
      // Books carry 4 % VAT.
      { text: 'Manuale tecnico {t}', slots: { t: ['impianti elettrici civili', 'impianti idrico-sanitari', 'sicurezza nei cantieri'] }, unit: 'PZ', cents: [1800, 4500], vat: '4.00' },
      { text: 'Bancale EPAL 1200x800 mm {t}', slots: { t: ['nuovo', 'usato'] }, unit: 'PZ', cents: [800, 1500] },
    ],
  },
] as const satisfies readonly Family[];
export const FAMILY_WEIGHTS: ReadonlyArray<readonly [Family, number]> = FAMILIES.map((family) => [family, family.weight] as const);
export const FAMILY_CODES: readonly string[] = FAMILIES.flatMap((family) => (family.code === null ? [] : [family.code]));
