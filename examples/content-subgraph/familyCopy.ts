/**
 * The content team's copy per product family: a shop category label and
 * sentences a copywriter would reuse across a family. It lives here, not in
 * the ERP, because the ERP contract has no table of family names and its
 * texts are written for the warehouse; the content subgraph owns the words
 * customers read.
 */

export interface FamilyCopy {
  /** The category as the shop names it. */
  label: string;
  /** What the title adds to the product name, one picked per article. */
  qualifiers: readonly string[];
  /** Why a customer would buy from this family, one picked per article. */
  benefits: readonly string[];
}

const FAMILY_COPY: Readonly<Record<string, FamilyCopy>> = {
  'FAM-ELE': {
    label: 'Materiale elettrico',
    qualifiers: ['per impianti civili', 'per installatori', 'qualità professionale'],
    benefits: [
      'Questo articolo è conforme alle norme CEI, per impianti civili e del terziario che devono durare nel tempo.',
      'Posa rapida e sicurezza certificata: per questo piace agli installatori.',
    ],
  },
  'FAM-ILL': {
    label: 'Illuminazione',
    qualifiers: ['a basso consumo', 'per casa e ufficio', 'luce di qualità'],
    benefits: [
      'Riduce i consumi rispetto alle sorgenti tradizionali e offre una luce stabile, senza sfarfallio.',
      'La lunga durata della sorgente LED abbassa i costi di manutenzione.',
    ],
  },
  'FAM-IDR': {
    label: 'Idraulica',
    qualifiers: ['per impianti idrici', 'tenuta garantita', 'per idraulici'],
    benefits: [
      'I materiali resistono alla corrosione e garantiscono una tenuta affidabile nel tempo.',
      'Questo articolo è adatto a impianti idrico-sanitari e di riscaldamento, nuovi o da ristrutturare.',
    ],
  },
  'FAM-RIS': {
    label: 'Riscaldamento e climatizzazione',
    qualifiers: ['per il comfort di casa', 'ad alta efficienza', 'per impianti termici'],
    benefits: [
      'Aiuta a risparmiare energia mantenendo la temperatura desiderata in ogni stanza.',
      'Questo articolo garantisce un funzionamento silenzioso e una regolazione precisa.',
    ],
  },
  'FAM-FER': {
    label: 'Ferramenta',
    qualifiers: ['robusto e affidabile', 'per porte e mobili', 'di qualità'],
    benefits: [
      'Le finiture resistono all’usura quotidiana e mantengono l’aspetto nel tempo.',
      'Una scelta sicura per lavori di montaggio, riparazione e sostituzione.',
    ],
  },
  'FAM-VIT': {
    label: 'Viteria e fissaggi',
    qualifiers: ['per fissaggi sicuri', 'per cantiere e officina', 'tenuta elevata'],
    benefits: [
      'La zincatura protegge dalla ruggine e assicura un fissaggio stabile.',
      'Per chi monta ogni giorno e vuole pezzi sempre uguali, confezione dopo confezione.',
    ],
  },
  'FAM-UTE': {
    label: 'Utensili manuali',
    qualifiers: ['per professionisti', 'ergonomico', 'per il lavoro di tutti i giorni'],
    benefits: [
      'L’impugnatura ergonomica riduce la fatica anche durante le lavorazioni più lunghe.',
      'Acciai di qualità e lavorazioni accurate, per durare nel tempo in cantiere e in officina.',
    ],
  },
  'FAM-ELU': {
    label: 'Elettroutensili',
    qualifiers: ['potente e maneggevole', 'per professionisti', 'prestazioni elevate'],
    benefits: [
      'Unisce potenza e leggerezza per lavorare a lungo senza affaticarsi.',
      'Questo articolo regge l’uso intensivo in cantiere, con componenti robusti e facili da sostituire.',
    ],
  },
  'FAM-CHI': {
    label: 'Chimici e sigillanti',
    qualifiers: ['per sigillare e incollare', 'uso professionale', 'alta resa'],
    benefits: [
      'Si applica facilmente e garantisce un risultato pulito e duraturo.',
      'Leggere sempre la scheda di sicurezza prima dell’uso e conservare lontano dalla portata dei bambini.',
    ],
  },
  'FAM-VER': {
    label: 'Vernici e accessori',
    qualifiers: ['per finiture perfette', 'per interni ed esterni', 'facile da usare'],
    benefits: [
      'Permette di ottenere finiture uniformi con meno passate.',
      'Questo articolo è adatto sia al professionista sia a chi ama il fai da te.',
    ],
  },
  'FAM-DPI': {
    label: 'Dispositivi di protezione',
    qualifiers: ['sicurezza certificata', 'per il lavoro in sicurezza', 'comodo da indossare'],
    benefits: [
      'Questo articolo è certificato secondo le norme europee e protegge senza rinunciare al comfort.',
      'Protegge chi lavora in cantiere e in officina, giorno dopo giorno.',
    ],
  },
  'FAM-GIA': {
    label: 'Giardinaggio',
    qualifiers: ['per il tuo giardino', 'per orto e giardino', 'qualità garantita'],
    benefits: [
      'Rende più semplice la cura di giardini, orti e terrazzi in ogni stagione.',
      'Una scelta pratica per chi vuole un verde curato con poco sforzo.',
    ],
  },
  'FAM-EDI': {
    label: 'Edilizia',
    qualifiers: ['per il cantiere', 'per costruire e ristrutturare', 'uso professionale'],
    benefits: [
      'Garantisce lavorabilità e resistenza, per lavori di costruzione e ristrutturazione.',
      'Per il cantiere, dove servono prodotti affidabili e costanti.',
    ],
  },
};

/** Articles outside any family, or in a family the content team has not written for yet. */
const GENERAL_COPY: FamilyCopy = {
  label: 'Articoli vari',
  qualifiers: ['selezionato per te', 'qualità garantita'],
  benefits: ['Questo articolo è tra i più richiesti dai nostri clienti professionali.'],
};

export function familyCopy(familyCode: string | null): FamilyCopy {
  return (familyCode !== null ? FAMILY_COPY[familyCode] : undefined) ?? GENERAL_COPY;
}
