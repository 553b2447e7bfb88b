/**
 * What a search text means, written once for every list that searches
 * articles: the words of the text, each of which must occur (in any order)
 * in the sku or the description, ignoring case and accents. "interruttore
 * 25A" finds "Interruttore magnetotermico 1P+N 25A curva C".
 *
 * Folding is Unicode lower case with the combining marks of the canonical
 * decomposition removed ("È" → "e", "perché" → "perche"), so a customer
 * typing without accents on a phone finds what the ERP wrote with them.
 */

/** The most words a search keeps: more narrows nothing a person would type, it only lengthens the scan. */
export const MAX_SEARCH_WORDS = 8;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without accents: the form both sides of a match are compared in. */
export function foldText(text: string): string {
  // SQLite folds every sku and description of a search scan with this:
  // ASCII text (most of it) has nothing to decompose, and skips the work.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The folded, distinct words of a search text (split on white space), at most MAX_SEARCH_WORDS. */
export function searchTerms(search: string): string[] {
  const words = foldText(search).split(/\s+/).filter((w) => w !== '');
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/** True when every term occurs in the folded sku or the folded description. */
export function matchesTerms(terms: readonly string[], sku: string, description: string): boolean {
  if (terms.length === 0) return true;
  const haystack = `${foldText(sku)}\u0000${foldText(description)}`;
  return terms.every((term) => haystack.includes(term));
}
