/**
 * What a search text means (src/catalog/searchTerms.ts): every word must
 * occur, in any order, in the sku or the description, ignoring case and
 * accents.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SEARCH_WORDS, foldText, matchesTerms, searchTerms } from '../../src/catalog/searchTerms';

const DESCRIPTION = 'Interruttore magnetotermico 1P+N 25A curva C 6 kA';

describe('search terms', () => {
  test('words match in any order', () => {
    assert.equal(matchesTerms(searchTerms('25A interruttore'), 'ELE-00042', DESCRIPTION), true);
  });
  test('every word must occur', () => {
    assert.equal(matchesTerms(searchTerms('interruttore 32A'), 'ELE-00042', DESCRIPTION), false);
  });
  test('case and accents are ignored on both sides', () => {
    assert.equal(foldText('CASSETTA È PERCHÉ'), 'cassetta e perche');
    assert.equal(matchesTerms(searchTerms('perche'), 'X', 'Perché sì'), true);
    assert.equal(matchesTerms(searchTerms('PERCHÉ'), 'X', 'perche si'), true);
  });
  test('a word may match the sku while another matches the description', () => {
    assert.equal(matchesTerms(searchTerms('ele-00042 curva'), 'ELE-00042', DESCRIPTION), true);
  });
  test('a word never spans the sku and the description', () => {
    assert.equal(matchesTerms(searchTerms('00042interruttore'), 'ELE-00042', DESCRIPTION), false);
  });
  test('blank text has no terms and matches everything', () => {
    assert.deepEqual(searchTerms('  \t '), []);
    assert.equal(matchesTerms([], 'A', 'B'), true);
  });
  test('repeated words count once and at most MAX_SEARCH_WORDS are kept', () => {
    assert.deepEqual(searchTerms('a A a b'), ['a', 'b']);
    const many = Array.from({ length: MAX_SEARCH_WORDS + 3 }, (_, i) => `w${i}`).join(' ');
    assert.equal(searchTerms(many).length, MAX_SEARCH_WORDS);
  });
});
