/**
 * Italian tax identifiers with correct check characters, so the demo's
 * customers pass the checks an ERP, a shop or the SDI runs on them.
 */

/**
 * The check digit of a partita IVA's first ten digits (7-digit serial and
 * 3-digit tax office): a Luhn variant, digits in even positions doubled and
 * reduced by 9 when above 9.
 */
export function partitaIvaCheckDigit(body: string): string {
  if (!/^\d{10}$/.test(body)) throw new RangeError(`a partita IVA body is 10 digits, got ${JSON.stringify(body)}`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = body.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A partita IVA from its serial (7 digits) and tax office code (3 digits). */
export function partitaIva(serial: string, office: string): string {
  const body = serial + office;
  return body + partitaIvaCheckDigit(body);
}

export function isValidPartitaIva(text: string): boolean {
  return /^\d{11}$/.test(text) && partitaIvaCheckDigit(text.slice(0, 10)) === text[10];
}

/** Values of characters in odd positions for the codice fiscale check letter (A-Z; digits map like A-J). */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_MONTHS = 'ABCDEHLMPRST';

/** The check letter of a codice fiscale's first 15 characters: odd/even value tables, mod 26. */
export function codiceFiscaleCheckLetter(body: string): string {
  if (!/^[A-Z0-9]{15}$/.test(body)) throw new RangeError(`a codice fiscale body is 15 letters or digits, got ${JSON.stringify(body)}`);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = body.charCodeAt(i);
    const value = code <= 57 ? code - 48 : code - 65;
    // Positions are counted from 1, so index 0 is an odd position.
    sum += i % 2 === 0 ? CF_ODD[value] : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function isValidCodiceFiscale(text: string): boolean {
  return /^[A-Z0-9]{16}$/.test(text) && codiceFiscaleCheckLetter(text.slice(0, 15)) === text[15];
}

export interface NaturalPerson {
  surname: string;
  firstName: string;
  female: boolean;
  birthYear: number;
  /** 1-12. */
  birthMonth: number;
  /** 1-31. */
  birthDay: number;
  /** Cadastral (Belfiore) code of the comune of birth, e.g. F205 for Milano. */
  birthplace: string;
}

function asciiUpper(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();
}

/** Three letters from a surname or first name: consonants, then vowels, then X. */
function nameCode(text: string, isFirstName: boolean): string {
  const letters = asciiUpper(text);
  const consonants = letters.replace(/[AEIOU]/g, '');
  const vowels = letters.replace(/[^AEIOU]/g, '');
  // A first name with four or more consonants uses the 1st, 3rd and 4th.
  if (isFirstName && consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** The codice fiscale of a natural person (omocodia aside). */
export function codiceFiscale(person: NaturalPerson): string {
  const body =
    nameCode(person.surname, false) +
    nameCode(person.firstName, true) +
    String(person.birthYear % 100).padStart(2, '0') +
    CF_MONTHS[person.birthMonth - 1] +
    // Women's day of birth is counted from 41.
    String(person.birthDay + (person.female ? 40 : 0)).padStart(2, '0') +
    person.birthplace;
  return body + codiceFiscaleCheckLetter(body);
}
