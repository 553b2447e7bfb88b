/**
 * The sentences of order problems (src/orders/orderProblems.ts): what a
 * quote lists and placeOrder refuses. One OrderErrorCode may have several
 * sentences (INVALID_ADDRESS says which field); the code never changes.
 */
import { defineMessages } from './define';

export const ORDER_MESSAGES = defineMessages({
  'order.emptyOrder': { en: 'The order has no lines.', it: "L'ordine non ha righe." },
  'order.tooManyLines': { en: 'The order has {count} lines; at most {max} are allowed.', it: "L'ordine ha {count} righe; ne sono ammesse al massimo {max}." },
  'order.unknownProduct': { en: 'Unknown product {sku}.', it: 'Prodotto {sku} sconosciuto.' },
  'order.noPrice': {
    en: 'Product {sku} has no price (price on request) and cannot be ordered.',
    it: 'Il prodotto {sku} non ha un prezzo (prezzo su richiesta) e non può essere ordinato.',
  },
  'order.invalidQuantity': {
    en: 'Quantity {quantity} is not valid: it must be a number greater than 0 with at most 3 decimals.',
    it: 'La quantità {quantity} non è valida: deve essere un numero maggiore di 0 con al massimo 3 decimali.',
  },
  'order.notMultipleOfPack': {
    en: 'Quantity {quantity} of {sku} is not a multiple of the pack of {pack}.',
    it: 'La quantità {quantity} di {sku} non è un multiplo della confezione da {pack}.',
  },
  'order.belowMinimum': {
    en: 'Quantity {quantity} of {sku} is below the minimum order quantity {minimum}.',
    it: "La quantità {quantity} di {sku} è inferiore alla quantità minima d'ordine {minimum}.",
  },
  'order.priceChanged': { en: 'The unit price of {sku} is now {current}, not {expected}.', it: 'Il prezzo unitario di {sku} ora è {current}, non {expected}.' },
  'order.customerBlocked': {
    en: 'This customer account is blocked for ordering; please contact us.',
    it: 'Questo cliente è bloccato e non può ordinare; contattaci per favore.',
  },
  'order.unknownDestination': { en: 'Unknown destination {destination}.', it: 'Destinazione {destination} sconosciuta.' },
  'order.addressFieldRequired': {
    en: 'The shipping address is not valid: {field} is required.',
    it: "L'indirizzo di spedizione non è valido: {field} è obbligatorio.",
  },
  'order.addressFieldTooLong': {
    en: 'The shipping address is not valid: {field} is longer than {max} characters.',
    it: "L'indirizzo di spedizione non è valido: {field} supera {max} caratteri.",
  },
  'order.addressCountry': {
    en: 'The shipping address is not valid: country must be an ISO 3166-1 alpha-2 code.',
    it: "L'indirizzo di spedizione non è valido: country deve essere un codice ISO 3166-1 alpha-2.",
  },
  'order.addressTwice': {
    en: 'The shipping address is not valid: give either destinationId or shipTo, not both.',
    it: "L'indirizzo di spedizione non è valido: indica destinationId oppure shipTo, non entrambi.",
  },
  'order.deliveryDateInThePast': {
    en: 'The requested delivery date {date} is in the past; today is {today}.',
    it: 'La data di consegna richiesta {date} è già passata; oggi è il {today}.',
  },
  'order.idempotencyKeyReused': {
    en: 'This idempotency key was already used for a different order.',
    it: 'Questa chiave di idempotenza è già stata usata per un ordine diverso.',
  },
});
