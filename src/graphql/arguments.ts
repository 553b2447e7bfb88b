/**
 * Checks of list and text arguments shared by several fields, each refusal
 * BAD_USER_INPUT naming the argument, so resolvers word none of their own.
 */
import { badUserInput } from '../errors';
import { message } from '../messages/catalogue';

/** Longest search or filter text: more names no article or customer, it only makes the ERP scan longer. */
const MAX_FILTER = 100;

/** A search or filter argument, trimmed; blank reads as absent (null). */
export function optionalFilter(value: string | null | undefined, name: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > MAX_FILTER) throw badUserInput(message('input.textTooLong', { name, max: MAX_FILTER }));
  return trimmed === '' ? null : trimmed;
}

/** A list argument of at most `max` items: the cost analysis prices by its length, the resolver refuses past it. */
export function atMost<T>(values: readonly T[], max: number, name: string): readonly T[] {
  if (values.length > max) throw badUserInput(message('input.tooMany', { name, max }));
  return values;
}
