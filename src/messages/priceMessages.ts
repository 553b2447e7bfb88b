/**
 * The sentences of a price explanation (src/pricing/explainPrice.ts), and
 * the phrases they are built from. Amounts, codes and condition kinds are
 * shown as the API writes them in both languages.
 */
import { defineMessages } from './define';

export const PRICE_MESSAGES = defineMessages({
  'price.listPrice': {
    en: 'List price {price} from price list {list}, {quantities}{validity}.',
    it: 'Prezzo di listino {price} dal listino {list}, {quantities}{validity}.',
  },
  'price.noListPrice': { en: 'No price list item applies.', it: 'Nessuna voce di listino si applica.' },
  'price.setsBasePrice': { en: '{condition} sets the base price to {price}.', it: '{condition} fissa il prezzo base a {price}.' },
  'price.setsNetPrice': {
    en: '{condition} sets the base price to {price}: a net price, no discounts apply.',
    it: '{condition} fissa il prezzo base a {price}: è un prezzo netto, non si applicano sconti.',
  },
  'price.discount': { en: 'Discount {percent}% from {condition}: {running}.', it: 'Sconto {percent}% da {condition}: {running}.' },
  'price.unrounded': { en: 'Unit price {price} (no rounding needed).', it: 'Prezzo unitario {price} (nessun arrotondamento necessario).' },
  'price.rounded': {
    en: '{exact} rounded half-up to 4 decimals: {price}.',
    it: '{exact} arrotondato a 4 decimali (metà per eccesso): {price}.',
  },
  // Phrases the sentences above are built from.
  'price.condition': { en: 'condition {id} ({kind}, {who}, {what}{extras})', it: 'condizione {id} ({kind}, {who}, {what}{extras})' },
  'price.forCustomer': { en: 'customer {customer}', it: 'cliente {customer}' },
  'price.forGroup': { en: 'group {group}', it: 'gruppo {group}' },
  'price.forEveryCustomer': { en: 'every customer', it: 'tutti i clienti' },
  'price.onArticle': { en: 'article {sku}', it: 'articolo {sku}' },
  'price.onFamily': { en: 'family {family}', it: 'famiglia {family}' },
  'price.onEveryArticle': { en: 'every article', it: 'tutti gli articoli' },
  'price.priority': { en: 'priority {priority}', it: 'priorità {priority}' },
  'price.anyQuantity': { en: 'for any quantity', it: 'per qualsiasi quantità' },
  'price.fromQuantity': { en: 'from quantity {quantity}', it: 'da quantità {quantity}' },
  'price.validity': { en: 'valid {from} to {to}', it: 'valido dal {from} al {to}' },
});
