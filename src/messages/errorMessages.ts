/**
 * The sentences of coded errors (src/errors.ts): the registry's default for
 * each code, and the more specific ones callers choose from. A message that
 * repeats a client's value names it as a parameter, already cut short.
 */
import { defineMessages } from './define';

export const ERROR_MESSAGES = defineMessages({
  // --- the registry's defaults, one per code ---
  'error.unauthenticated': {
    en: 'Authentication required: the token is missing, malformed, expired or not trusted.',
    it: 'Autenticazione richiesta: il token manca, non è valido, è scaduto o non è riconosciuto.',
  },
  'error.forbidden': { en: 'You are not allowed to do this.', it: 'Non hai il permesso di eseguire questa operazione.' },
  'error.badUserInput': { en: 'The request has an invalid argument.', it: 'La richiesta contiene un argomento non valido.' },
  'error.erpUnavailable': {
    en: 'The ERP cannot be reached right now; retry later.',
    it: 'Il gestionale (ERP) non è raggiungibile in questo momento; riprova più tardi.',
  },
  'error.erpTimeout': { en: 'The ERP did not answer in time; retry later.', it: 'Il gestionale (ERP) non ha risposto in tempo; riprova più tardi.' },
  'error.rateLimited': { en: 'Too many requests; slow down.', it: 'Troppe richieste; rallenta e riprova tra poco.' },
  'error.queryTooComplex': { en: 'The query is too complex.', it: 'La query è troppo complessa.' },
  'error.persistedQueryHashMismatch': {
    en: 'The persisted query hash does not match the query.',
    it: "L'hash della query persistita non corrisponde alla query.",
  },
  'error.unknownEntityType': { en: 'This subgraph does not resolve entities of that type.', it: 'Questo subgraph non risolve entità di quel tipo.' },
  'error.actingCustomerRequired': {
    en: 'This needs a customer: an agent or service names the customer it acts for with X-Acting-Customer.',
    it: 'Serve un cliente: un agente o un servizio indica il cliente per cui agisce con X-Acting-Customer.',
  },
  'error.graphqlParseFailed': { en: 'The document is not valid GraphQL.', it: 'Il documento non è GraphQL valido.' },
  'error.graphqlValidationFailed': { en: 'The document does not match the schema.', it: 'Il documento non corrisponde allo schema.' },
  'error.badRequest': { en: 'The request is malformed.', it: 'La richiesta non è ben formata.' },
  'error.operationResolutionFailure': {
    en: 'The operation to run could not be determined: name it with operationName.',
    it: "Non è chiaro quale operazione eseguire: indicala con operationName.",
  },
  // Apollo's own texts, which Apollo Client's persisted-query link matches as well as the code.
  'error.persistedQueryNotFound': { en: 'PersistedQueryNotFound', it: 'PersistedQueryNotFound' },
  'error.persistedQueryNotSupported': { en: 'PersistedQueryNotSupported', it: 'PersistedQueryNotSupported' },
  'error.staffOnly': {
    en: 'Warehouse statistics are for the service and agent roles.',
    it: 'Le statistiche di magazzino sono riservate ai ruoli servizio e agente.',
  },
  'error.notFound': {
    en: 'There is nothing at this address: GraphQL is served at /graphql.',
    it: "Non c'è nulla a questo indirizzo: GraphQL risponde su /graphql.",
  },
  'error.subgraphUnavailable': {
    en: 'A content service is not answering; the rest of the answer is complete.',
    it: 'Un servizio di contenuti non risponde; il resto della risposta è completo.',
  },
  'error.internal': { en: 'Internal error.', it: 'Errore interno.' },

  // --- authentication and authorisation ---
  'auth.bearerFormat': { en: 'The Authorization header must be "Bearer <token>".', it: 'L\'intestazione Authorization deve essere "Bearer <token>".' },
  'auth.tokenExpired': { en: 'The token has expired.', it: 'Il token è scaduto.' },
  'auth.tokenLivesTooLong': {
    en: 'The token is valid for longer than this server accepts.',
    it: 'Il token ha una validità più lunga di quella accettata da questo server.',
  },
  'auth.tokenFromTheFuture': { en: 'The token is issued in the future.', it: 'Il token risulta emesso nel futuro.' },
  'auth.tokenClaims': {
    en: 'The token does not carry a valid role with its customer or agent code.',
    it: 'Il token non contiene un ruolo valido con il relativo codice cliente o agente.',
  },
  'auth.oneHeader': { en: 'Send one {name} header.', it: 'Invia una sola intestazione {name}.' },
  'auth.actingNeedsAgent': {
    en: 'Acting for a customer needs an agent or service token.',
    it: 'Per agire per conto di un cliente serve un token di agente o di servizio.',
  },
  'auth.notYourCustomer': { en: 'You may not act for this customer.', it: 'Non puoi agire per conto di questo cliente.' },
  'auth.customersCannotList': { en: 'Customers cannot list customers.', it: "Un cliente non può consultare l'elenco dei clienti." },
  'auth.subgraphNeedsService': {
    en: 'The subgraph schema is for the gateway: authenticate with a service token.',
    it: 'Lo schema del subgraph è riservato al gateway: autenticati con un token di servizio.',
  },
  'auth.subgraphGatewayOnly': { en: 'The subgraph schema is for the gateway only.', it: 'Lo schema del subgraph è riservato al gateway.' },
  'files.linkRefused': { en: 'This link is expired or not valid.', it: 'Questo link è scaduto o non è valido.' },

  // --- requests refused before GraphQL reads them ---
  'http.malformed': { en: 'The request is malformed.', it: 'La richiesta non è ben formata.' },
  'http.unreadableBody': {
    en: 'The request is malformed: its body could not be read.',
    it: 'La richiesta non è ben formata: non è stato possibile leggerne il corpo.',
  },
  'http.bodyTooLarge': { en: 'The request body is too large.', it: 'Il corpo della richiesta è troppo grande.' },
  'http.unsupportedContentType': {
    en: 'The request content type is not supported: send application/json.',
    it: 'Il tipo di contenuto della richiesta non è supportato: invia application/json.',
  },

  // --- limits ---
  'limits.erpRoundTrips': {
    en: 'The request needs more than {max} ERP round trips.',
    it: 'La richiesta richiede più di {max} accessi al gestionale (ERP).',
  },
  'limits.pricedLines': { en: 'The request prices more than {max} lines.', it: 'La richiesta calcola il prezzo di più di {max} righe.' },
  'limits.cost': { en: 'The query costs {cost}, more than the limit of {max}.', it: 'La query costa {cost}, più del limite di {max}.' },
  'limits.depth': { en: 'The query is nested deeper than {max} levels.', it: 'La query è annidata oltre {max} livelli.' },
  'limits.fields': { en: 'The query selects more than {max} fields.', it: 'La query seleziona più di {max} campi.' },
  'limits.aliases': { en: 'The query uses more than {max} aliases.', it: 'La query usa più di {max} alias.' },
  'limits.directives': { en: 'The query uses more than {max} directives.', it: 'La query usa più di {max} direttive.' },
  'limits.tokens': { en: 'The document has more than {max} tokens.', it: 'Il documento ha più di {max} token.' },
  'limits.nesting': {
    en: 'The document nests brackets deeper than {max} levels.',
    it: 'Il documento annida le parentesi oltre {max} livelli.',
  },

  // --- arguments and input values ---
  'input.graphql': { en: '{detail}', it: 'Richiesta GraphQL non valida: {detail}' },
  'input.textTooLong': { en: '{name}: at most {max} characters.', it: '{name}: al massimo {max} caratteri.' },
  'input.controlCharacter': {
    en: '{name}: control character {character} is not allowed.',
    it: '{name}: il carattere di controllo {character} non è ammesso.',
  },
  'input.nestedTooDeep': { en: '{name}: nested deeper than {max} levels.', it: '{name}: annidato oltre {max} livelli.' },
  'input.tooMany': { en: '{name}: at most {max} per request.', it: '{name}: al massimo {max} per richiesta.' },
  'input.cursor': { en: 'after: not a valid cursor.', it: 'after: cursore non valido.' },
  'input.cursorOtherOrder': { en: 'after: the cursor belongs to another orderBy.', it: "after: il cursore appartiene a un altro orderBy." },
  'input.cursorArticleGone': {
    en: 'after: the article of this cursor is no longer listed; start again from the first page.',
    it: "after: l'articolo di questo cursore non è più elencato; ricomincia dalla prima pagina.",
  },
  'input.unknownWarehouse': { en: 'warehouse: no warehouse has the code {code}.', it: 'warehouse: nessun magazzino ha il codice {code}.' },
  'input.historyDays': { en: 'days: a whole number from 1 to {max}.', it: 'days: un numero intero da 1 a {max}.' },
  'input.dateTime': {
    en: 'DateTime: expected ISO 8601 with an offset such as "2026-11-30T10:15:00+01:00", got {value}.',
    it: 'DateTime: atteso ISO 8601 con la differenza di fuso, come "2026-11-30T10:15:00+01:00", ricevuto {value}.',
  },
  'input.dateTimeLiteral': { en: 'DateTime: expected a string literal.', it: 'DateTime: atteso un valore letterale String.' },
  'input.noOrderableQuantity': {
    en: 'quantity: no orderable quantity at or above it fits the ERP (at most 15 integer digits).',
    it: 'quantity: nessuna quantità ordinabile da qui in su rientra nei limiti del gestionale (al massimo 15 cifre intere).',
  },
  'input.first': { en: 'first: must be a non-negative whole number.', it: 'first: deve essere un numero intero non negativo.' },
  'input.decimal': {
    en: 'Decimal: expected a decimal number such as "12.50", got {value}.',
    it: 'Decimal: atteso un numero decimale come "12.50", ricevuto {value}.',
  },
  'input.decimalBounds': {
    en: '{argument}: expected a decimal number such as "12.50" with at most {integerDigits} integer digits and {fractionDigits} decimals, got {value}.',
    it: '{argument}: atteso un numero decimale come "12.50" con al massimo {integerDigits} cifre intere e {fractionDigits} decimali, ricevuto {value}.',
  },
  'input.positive': { en: '{argument}: must be greater than 0.', it: '{argument}: deve essere maggiore di 0.' },
  'input.decimalLiteral': { en: 'Decimal: expected a string, Int or Float literal.', it: 'Decimal: atteso un valore letterale String, Int o Float.' },
  'input.date': { en: 'Date: expected YYYY-MM-DD, got {value}.', it: 'Date: attesa una data AAAA-MM-GG, ricevuto {value}.' },
  'input.dateLiteral': { en: 'Date: expected a string literal YYYY-MM-DD.', it: 'Date: atteso un valore letterale String AAAA-MM-GG.' },
  'input.reservedAlias': { en: 'The alias {alias} is reserved.', it: "L'alias {alias} è riservato." },
  'input.unknownEntity': { en: 'This subgraph resolves no entity of type {typename}.', it: 'Questo subgraph non risolve entità di tipo {typename}.' },
  'input.idempotencyKey': { en: 'idempotencyKey: 1 to 100 characters.', it: 'idempotencyKey: da 1 a 100 caratteri.' },
  'input.expectedUnitPrice': {
    en: 'lines[{index}].expectedUnitPrice: not a decimal number with at most 15 integer digits and 4 decimals.',
    it: 'lines[{index}].expectedUnitPrice: non è un numero decimale con al massimo 15 cifre intere e 4 decimali.',
  },
});
