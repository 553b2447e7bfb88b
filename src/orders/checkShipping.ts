/**
 * Where the order goes: one of the customer's destinations, or an address
 * written in the order. A destination of another customer is UNKNOWN (never
 * "forbidden"), so ids cannot be probed.
 */
import type { DestinationRow } from '../erp/port';
import { type OrderProblem, orderProblem } from './orderProblems';
import { message } from '../messages/catalogue';

export interface ShipToInput {
  name?: string | null;
  street?: string | null;
  postcode?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
}

export interface ShipTo {
  name: string;
  street: string;
  postcode: string;
  city: string;
  province: string | null;
  country: string;
}

/**
 * ISO 3166-1 alpha-2 codes. Intl knows region names for exactly the
 * assigned codes; unassigned ones come back unchanged.
 */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
export function isIsoCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = regionNames.of(code);
  return name !== undefined && name !== code && code !== 'ZZ' && code !== 'EU' && code !== 'UN' && code !== 'EZ' && code !== 'QO' && code !== 'XK';
}

/** The contract's column widths, so nothing is cut by the ERP. */
const LIMITS = { name: 200, street: 200, postcode: 20, city: 100, province: 10 };

export function checkShipTo(input: ShipToInput): { shipTo: ShipTo | null; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const field = (k: keyof typeof LIMITS, required: boolean): string | null => {
    const v = input[k]?.trim() ?? '';
    if (v === '') {
      if (required) problems.push(orderProblem('INVALID_ADDRESS', null, message('order.addressFieldRequired', { field: k })));
      return null;
    }
    if (v.length > LIMITS[k]) problems.push(orderProblem('INVALID_ADDRESS', null, message('order.addressFieldTooLong', { field: k, max: LIMITS[k] })));
    return v;
  };
  const name = field('name', true);
  const street = field('street', true);
  const postcode = field('postcode', true);
  const city = field('city', true);
  const province = field('province', false);
  const country = input.country?.trim().toUpperCase() ?? '';
  if (!isIsoCountry(country)) problems.push(orderProblem('INVALID_ADDRESS', null, message('order.addressCountry')));
  if (problems.length > 0) return { shipTo: null, problems };
  return { shipTo: { name: name!, street: street!, postcode: postcode!, city: city!, province, country }, problems };
}

export function checkDestination(destinationId: string, own: readonly DestinationRow[]): OrderProblem | null {
  return own.some((d) => d.id === destinationId) ? null : orderProblem('UNKNOWN_DESTINATION', null, message('order.unknownDestination', { destination: destinationId.slice(0, 30) }));
}
