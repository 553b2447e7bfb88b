/**
 * Which language a request's messages are in. A request's Accept-Language
 * decides when it names Italian or English; otherwise the installation's
 * `ecom_settings.language`. Deciding never costs an ERP call: a request
 * that has not read the settings (one refused before its resolvers ran,
 * or one with a bad token) takes the settings as held in the cache, else
 * the last ones seen, else the contract's default (`it`).
 */
import { DEFAULTS } from '../settings/defaults';
import type { ErpSettings } from '../settings/erpSettings';
import { type Language, negotiateLanguage } from '../messages/language';

export class MessageLanguages {
  private last: Language = DEFAULTS.language;
  /** Errors already told their request's language (see messageLanguagePlugin); weak, so an error is never kept. */
  private readonly ofErrors = new WeakMap<object, Language>();

  /** @param held the settings held in the cache, fresh or stale; never an ERP call. */
  constructor(private readonly held: () => ErpSettings | null) {}

  /** The installation's language as far as it is known without asking the ERP. */
  installationDefault(): Language {
    const settings = this.held();
    if (settings) this.last = settings.language;
    return this.last;
  }

  /** The language of a request known only by its headers (refused before it had a context). */
  forHeaders(acceptLanguage: string | readonly string[] | undefined): Language {
    return negotiateLanguage(acceptLanguage) ?? this.installationDefault();
  }

  /** Records the language of the request an error belongs to, for formatError, which sees only the error. */
  mark(error: unknown, language: Language): void {
    if (typeof error === 'object' && error !== null) this.ofErrors.set(error, language);
  }

  /** The language an error is shown in: its request's, or the installation's when it was never marked. */
  of(error: unknown): Language {
    return (typeof error === 'object' && error !== null ? this.ofErrors.get(error) : undefined) ?? this.installationDefault();
  }
}
