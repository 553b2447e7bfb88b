/**
 * The languages Ponte speaks to people (error messages, order problems,
 * price explanations), and how a request's Accept-Language picks one.
 * Codes (`extensions.code`, OrderErrorCode, PriceStepKind) never change with
 * the language: only the sentences do.
 */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const SUPPORTED: ReadonlySet<string> = new Set(LANGUAGES);

/** The language a tag like "it", "it-IT" or "EN_gb" names, or null when Ponte does not speak it. */
export function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0]!;
  return SUPPORTED.has(primary) ? (primary as Language) : null;
}

/** Longest Accept-Language header read; a browser sends a few dozen characters. */
const MAX_HEADER = 512;

/**
 * The supported language the caller prefers most (RFC 9110 §12.5.4: the
 * highest q-value wins, ties go to the earlier entry, q=0 means "not this"),
 * or null when the header is absent or names none Ponte speaks (`*`
 * included): the installation's default answers then.
 */
export function negotiateLanguage(header: string | readonly string[] | undefined): Language | null {
  if (header === undefined) return null;
  const text = (typeof header === 'string' ? header : header.join(',')).slice(0, MAX_HEADER);
  let best: Language | null = null;
  let bestQ = 0;
  for (const entry of text.split(',')) {
    const [tag = '', ...parameters] = entry.split(';');
    const language = languageOfTag(tag);
    if (language === null) continue;
    const q = qualityOf(parameters);
    if (q > bestQ) {
      best = language;
      bestQ = q;
    }
  }
  return best;
}

/** An entry's q-value; a malformed one counts as 0, so a garbled entry never outranks a clear one. */
function qualityOf(parameters: readonly string[]): number {
  for (const parameter of parameters) {
    if (!/^\s*q\s*=/i.test(parameter)) continue;
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(parameter);
    return match ? Math.min(1, Number(match[1])) : 0;
  }
  return 1;
}
