/**
 * Every sentence Ponte shows a person, by stable message id, in Italian
 * and English. Domain modules return messages (an id and its parameters);
 * the edge that knows the caller's language renders them (`localise`).
 */
import type { Placeholders } from './define';
import { ERROR_MESSAGES } from './errorMessages';
import type { Language } from './language';
import { ORDER_MESSAGES } from './orderMessages';
import { PRICE_MESSAGES } from './priceMessages';

export const CATALOGUE = { ...ERROR_MESSAGES, ...ORDER_MESSAGES, ...PRICE_MESSAGES };
/** The areas, for the completeness test: an id defined twice would silently hide one of them. */
export const CATALOGUE_AREAS = [ERROR_MESSAGES, ORDER_MESSAGES, PRICE_MESSAGES] as const;

export type MessageId = keyof typeof CATALOGUE;
export type MessageParams<Id extends MessageId> = { readonly [Name in Placeholders<(typeof CATALOGUE)[Id]['en']>]: string | number };

/** A sentence not yet in a language: what it says, and the values it says it with. */
export type Message = { readonly [Id in MessageId]: { readonly id: Id; readonly params: MessageParams<Id> } }[MessageId];

type ParamsArgument<Id extends MessageId> = [keyof MessageParams<Id>] extends [never] ? [] : [params: MessageParams<Id>];

export function message<Id extends MessageId>(id: Id, ...params: ParamsArgument<Id>): Message {
  return { id, params: params[0] ?? {} } as Message;
}

/** The message in a language, its placeholders filled in. */
export function localise(msg: Message, language: Language): string {
  const params = msg.params as Readonly<Record<string, string | number>>;
  return CATALOGUE[msg.id][language].replace(/\{([^{}]+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
