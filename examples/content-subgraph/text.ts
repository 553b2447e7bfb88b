/**
 * String rules of the content: the customer-facing name read out of the
 * warehouse text, URL slugs and length limits for search engines. Pure
 * functions, so the same input gives the same content on every run.
 */

export interface ProductName {
  /** The product itself, abbreviations spelled out: "Guanti in nitrile taglia M". */
  core: string;
  /** "confezione da 100 pezzi" when the warehouse text names a pack, else null. */
  pack: string | null;
}

/** Warehouse shorthand a customer should not have to decode. */
const SPELLED_OUT: ReadonlyArray<readonly [RegExp, string]> = [
  [/Ø\s*/g, 'diametro '],
  [/\b(\d+(?:,\d+)?) lt\b/g, '$1 litri'],
  [/\bn\. (\d+)/g, 'taglia $1'],
];

const PACK_NOTE = /\s*\(conf\. (\d+) pz\)\s*/;

export function productName(erpDescription: string): ProductName {
  let text = erpDescription.replace(/\s+/g, ' ').trim();
  let pack: string | null = null;
  const note = PACK_NOTE.exec(text);
  if (note) {
    pack = `confezione da ${note[1]} pezzi`;
    text = text.replace(PACK_NOTE, ' ').trim();
  }
  for (const [pattern, replacement] of SPELLED_OUT) text = text.replace(pattern, replacement);
  return { core: text.replace(/\s+/g, ' ').trim(), pack };
}

/**
 * Lowercase ASCII words joined by "-". NFKD splits accented letters from
 * their accents (è → e + ◌̀) and turns compatibility forms into plain ones
 * (² → 2), so dropping what is left outside [a-z0-9] loses no letters.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * At most `max` characters, cut at a word boundary with an ellipsis:
 * search engines truncate longer titles and descriptions themselves, mid-word.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const cut = room.lastIndexOf(' ');
  const head = (cut > max / 2 ? room.slice(0, cut) : room).replace(/[\s,;:.–-]+$/, '');
  return `${head}…`;
}
