/** What the demo's customers are called and how they are reached. */

export const SURNAMES = [
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
] as const satisfies readonly string[];
export const MALE_NAMES = ['Marco', 'Luca', 'Giuseppe', 'Andrea', 'Francesco', 'Alessandro', 'Matteo', 'Stefano', 'Roberto', 'Paolo', 'Davide', 'Simone', 'Giovanni', 'Antonio', 'Massimo', 'Fabio'] as const satisfies readonly string[];
export const FEMALE_NAMES = ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Elena', 'Laura', 'Valentina', 'Alessia', 'Martina', 'Silvia', 'Paola', 'Federica', 'Anna', 'Maria', 'Cristina', 'Monica'] as const satisfies readonly string[];
export const TRADE_WORDS = [
  'Impianti', 'Elettroimpianti', 'Termoidraulica', 'Idrotermica', 'Ferramenta', 'Edilizia', 'Costruzioni', 'Elettrotecnica',
  'Forniture', 'Commerciale', 'Tecnoimpianti', 'Colorificio', 'Serramenti', 'Climatizzazione', 'Manutenzioni', 'Impiantistica',
  'Materiali Edili', 'Elettroforniture', 'Idraulica', 'Termotecnica',
] as const satisfies readonly string[];
export const AREAS = ['Nord', 'Sud', 'Centro', 'Padana', 'Lombarda', 'Veneta', 'Adriatica', 'Tirrenica', 'Alpina', 'Lariana', 'Emiliana', 'Gardesana'] as const satisfies readonly string[];

export const PEC_DOMAINS = ['pec.it', 'legalmail.it', 'arubapec.it', 'pec.buffetti.it', 'postacert.it'] as const satisfies readonly string[];
export const MAIL_PROVIDERS = ['gmail.com', 'libero.it', 'virgilio.it', 'outlook.it', 'alice.it'] as const satisfies readonly string[];
/** Codici destinatario of real SDI intermediaries look like these: 7 uppercase alphanumerics. */
export const SDI_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Chains of DIY stores: the GDO (large-scale retail) customers. */
export const GDO_BRANDS = ['Brico', 'Casa', 'Mondo Brico', 'Fai da Te', 'BricoCenter'] as const satisfies readonly string[];
/** The mailbox a company's orders and invoices go to. */
export const MAILBOXES = ['info', 'amministrazione', 'ordini', 'acquisti', 'ufficio'] as const satisfies readonly string[];
export const DESTINATION_KINDS = ['Magazzino', 'Deposito', 'Punto vendita', 'Sede operativa', 'Filiale'] as const satisfies readonly string[];
