/** Random but well-formed people and their identifiers, drawn in a fixed order so a seed gives the same ones. */
import { BIRTHPLACES } from './data/places';
import { FEMALE_NAMES, MALE_NAMES, SDI_ALPHABET, SURNAMES } from './data/names';
import { codiceFiscale, partitaIva } from './italianIds';
import type { Random } from './random';

export interface Person {
  firstName: string;
  surname: string;
  female: boolean;
}

export function randomPerson(rnd: Random): Person {
  const female = rnd.chance(0.4);
  return { firstName: rnd.pick(female ? FEMALE_NAMES : MALE_NAMES), surname: rnd.pick(SURNAMES), female };
}

export function randomPartitaIva(rnd: Random): string {
  const serial = String(rnd.int(0, 9_999_999)).padStart(7, '0');
  // Office codes 001-100 are the provincial offices, 120/121 the special ones.
  const office = rnd.chance(0.05) ? rnd.pick(['120', '121']) : String(rnd.int(1, 100)).padStart(3, '0');
  return partitaIva(serial, office);
}

/** Born between 1955 and 2002, on a day every month has. */
export function randomCodiceFiscale(rnd: Random, person: Person): string {
  const birthYear = rnd.int(1955, 2002);
  const birthMonth = rnd.int(1, 12);
  const birthDay = rnd.int(1, 28);
  return codiceFiscale({ ...person, birthYear, birthMonth, birthDay, birthplace: rnd.pick(BIRTHPLACES) });
}

/** A codice destinatario as real SDI intermediaries have them: 7 uppercase letters and digits. */
export function sdiCode(rnd: Random): string {
  let code = '';
  for (let i = 0; i < 7; i++) code += SDI_ALPHABET[rnd.int(0, SDI_ALPHABET.length - 1)];
  return code;
}

/** Lowercase ASCII letters and digits only: for e-mail local parts and domains. */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}
