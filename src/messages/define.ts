/**
 * How a message catalogue is written: one entry per stable message id, the
 * same sentence in every language, parameters as `{name}` placeholders.
 * The types make a missing language, or a translation whose placeholders
 * differ from the English one, a compile error.
 */
import type { Language } from './language';

/** The placeholder names of a template: `"Unknown product {sku}."` → `"sku"`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type Entry = { readonly [L in Language]: string };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Every entry as written, or `never` (a compile error) where a language's placeholders differ from English. */
type Checked<T extends Record<string, Entry>> = {
  [Id in keyof T]: Same<Placeholders<T[Id]['it']>, Placeholders<T[Id]['en']>> extends true ? T[Id] : never;
};

export function defineMessages<const T extends Record<string, Entry>>(entries: T & Checked<T>): T {
  return entries;
}

/** The placeholder names of a template, at run time (the completeness test compares them across languages). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!).sort();
}
