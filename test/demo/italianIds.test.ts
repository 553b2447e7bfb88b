/**
 * Partita IVA and codice fiscale: the check characters follow the official
 * algorithms (Luhn-like mod 10 for the partita IVA, odd/even tables mod 26
 * for the codice fiscale), checked against identifiers worked out by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  codiceFiscale,
  codiceFiscaleCheckLetter,
  isValidCodiceFiscale,
  isValidPartitaIva,
  partitaIva,
  partitaIvaCheckDigit,
} from '../../src/demo/italianIds';
import { SELLER } from '../../src/demo/data/company';

describe('partita IVA', () => {
  const cases: ReadonlyArray<readonly [serial: string, office: string, expected: string]> = [
    // The FatturaPA sample's two numbers.
    ['0123456', '789', '01234567897'],
    ['0987654', '321', '09876543217'],
    // Every digit zero: the sum is 0, so is the check digit.
    ['0000000', '000', '00000000000'],
    // Doubled digits above 9 lose 9 (9 → 18 → 9): 5 × 9 + 5 × 9 = 90, check 0.
    ['9999999', '999', '99999999990'],
    // 5 × 1 + 5 × 2 = 15, check 10 − 5.
    ['1111111', '111', '11111111115'],
    // The demo's seller and demo customer.
    ['0183746', '015', '01837460151'],
    ['0472915', '015', '04729150153'],
  ];
  for (const [serial, office, expected] of cases) {
    test(`serial ${serial} at office ${office} is ${expected}`, () => {
      assert.equal(partitaIva(serial, office), expected);
      assert.equal(isValidPartitaIva(expected), true);
    });
  }

  test('a changed digit fails the check', () => {
    assert.equal(isValidPartitaIva('01234567896'), false);
    assert.equal(isValidPartitaIva('01234567879'), false);
  });

  test('anything but eleven digits is not a partita IVA', () => {
    for (const text of ['0123456789', '012345678970', 'IT01234567897', '0123456789A']) assert.equal(isValidPartitaIva(text), false, text);
    assert.throws(() => partitaIvaCheckDigit('12345'), RangeError);
  });

  test('the seller printed on every invoice has a valid number', () => {
    assert.equal(isValidPartitaIva(SELLER.vatNumber), true);
  });
});

describe('codice fiscale', () => {
  const people: ReadonlyArray<readonly [description: string, person: Parameters<typeof codiceFiscale>[0], expected: string]> = [
    // The textbook example: Mario Rossi, born in Rome (H501) on 1 January 1980.
    ['Mario Rossi, Roma, 1980-01-01', { surname: 'Rossi', firstName: 'Mario', female: false, birthYear: 1980, birthMonth: 1, birthDay: 1, birthplace: 'H501' }, 'RSSMRA80A01H501U'],
    // Women count their day of birth from 41.
    ['Maria Rossi, Roma, 1980-01-01', { surname: 'Rossi', firstName: 'Maria', female: true, birthYear: 1980, birthMonth: 1, birthDay: 1, birthplace: 'H501' }, 'RSSMRA80A41H501Y'],
    // A first name with four consonants takes the 1st, 3rd and 4th: Gianfranco → GFR.
    ['Gianfranco Bianchi, Milano, 1975-12-31', { surname: 'Bianchi', firstName: 'Gianfranco', female: false, birthYear: 1975, birthMonth: 12, birthDay: 31, birthplace: 'F205' }, 'BNCGFR75T31F205M'],
    // Short names are padded with vowels, then X: Fo → FOX; accents and apostrophes are dropped.
    ["Lù D'Fo, Torino, 2001-07-15", { surname: "D'Fo", firstName: 'Lù', female: true, birthYear: 2001, birthMonth: 7, birthDay: 15, birthplace: 'L219' }, 'DFOLUX01L55L219F'],
  ];
  for (const [description, person, expected] of people) {
    test(`${description} is ${expected}`, () => {
      assert.equal(codiceFiscale(person), expected);
      assert.equal(isValidCodiceFiscale(expected), true);
    });
  }

  test('the check letter weighs odd and even positions differently', () => {
    // Same characters, two of them swapped between an odd and an even position.
    assert.notEqual(codiceFiscaleCheckLetter('RSSMRA80A01H501'), codiceFiscaleCheckLetter('SRSMRA80A01H501'));
  });

  test('a changed check letter fails the check', () => {
    assert.equal(isValidCodiceFiscale('RSSMRA80A01H501A'), false);
  });
});
