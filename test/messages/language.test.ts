/**
 * Which language a caller gets: Accept-Language with its q-values, an
 * Italian or English tag of any region, and the installation's setting
 * when the header names neither.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { negotiateLanguage } from '../../src/messages/language';
import { readErpSettings } from '../../src/settings/erpSettings';

describe('Accept-Language', () => {
  const cases: Array<[header: string | undefined, expected: 'it' | 'en' | null]> = [
    [undefined, null],
    ['', null],
    ['it-IT', 'it'],
    ['en-GB', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN_us', 'en'],
    ['de-DE', null],
    ['*', null],
    ['de-DE, en;q=0.5, it;q=0.8', 'it'],
    ['it;q=0, en;q=0.1', 'en'],
    ['it;q=0', null],
    ['fr-CH, fr;q=0.9, en;q=0.8, it;q=0.8', 'en'],
    ['en;q=oops, it;q=0.2', 'it'],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)} → ${expected ?? 'the installation default'}`, () => {
      assert.equal(negotiateLanguage(header), expected);
    });
  }

  test('repeated headers are read as one list', () => {
    assert.equal(negotiateLanguage(['de', 'en;q=0.3']), 'en');
  });
});

describe('ecom_settings.language', () => {
  const language = (value: string | null | undefined) =>
    readErpSettings([{ key: 'default_price_list', value: 'BASE' }, ...(value === undefined ? [] : [{ key: 'language', value }])]).language;

  test('defaults to Italian when absent or empty', () => {
    assert.equal(language(undefined), 'it');
    assert.equal(language(null), 'it');
    assert.equal(language(''), 'it');
  });

  test('reads "en", "EN" and "en-GB" as English', () => {
    assert.equal(language('en'), 'en');
    assert.equal(language(' EN '), 'en');
    assert.equal(language('en-GB'), 'en');
  });

  test('a language Ponte does not speak falls back to Italian', () => {
    assert.equal(language('fr'), 'it');
  });
});
