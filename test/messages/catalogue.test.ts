/**
 * The message catalogue is complete: every message id says the same thing
 * in Italian and English, with the same placeholders, and no id is defined
 * twice. (The types refuse a missing language or a mismatched placeholder
 * at compile time; this checks the catalogue as it runs.)
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, CATALOGUE_AREAS, type MessageId, localise, message } from '../../src/messages/catalogue';
import { placeholdersOf } from '../../src/messages/define';
import { LANGUAGES } from '../../src/messages/language';

const ids = Object.keys(CATALOGUE) as MessageId[];

describe('the message catalogue', () => {
  test('every message has a non-empty sentence in every language', () => {
    const missing = ids.flatMap((id) => LANGUAGES.filter((l) => typeof CATALOGUE[id][l] !== 'string' || CATALOGUE[id][l].trim() === '').map((l) => `${id} (${l})`));
    assert.deepEqual(missing, []);
  });

  test('every translation has exactly the placeholders of the English sentence', () => {
    const differing = ids.filter((id) => LANGUAGES.some((l) => placeholdersOf(CATALOGUE[id][l]).join() !== placeholdersOf(CATALOGUE[id].en).join()));
    assert.deepEqual(differing, []);
  });

  test('the Italian sentence is a translation, not the English one copied (but for Apollo protocol words)', () => {
    const sentence = (id: MessageId, language: 'it' | 'en'): string => CATALOGUE[id][language];
    // Apollo Client's persisted-query link matches these texts: they must stay as Apollo writes them.
    const protocol = new Set<MessageId>(['error.persistedQueryNotFound', 'error.persistedQueryNotSupported'] as MessageId[]);
    assert.deepEqual(
      ids.filter((id) => !protocol.has(id) && sentence(id, 'it') === sentence(id, 'en')),
      [],
    );
  });

  test('no message id is defined in two areas', () => {
    const all = CATALOGUE_AREAS.flatMap((area) => Object.keys(area));
    assert.equal(new Set(all).size, all.length);
    assert.equal(all.length, ids.length);
  });

  test('a message is rendered with its parameters in the language asked for', () => {
    const unknown = message('order.unknownProduct', { sku: 'A-1' });
    assert.equal(localise(unknown, 'en'), 'Unknown product A-1.');
    assert.equal(localise(unknown, 'it'), 'Prodotto A-1 sconosciuto.');
  });
});
