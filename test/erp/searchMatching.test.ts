/**
 * The SQL of a catalog search means what src/catalog/searchTerms.ts says a
 * search means: on random skus and descriptions full of accents, case,
 * combining marks and LIKE wildcards, the SQLite adapter returns and counts
 * exactly the articles matchesTerms accepts. The facet counts rely on it:
 * they correct the SQL totals with matchesTerms in Node.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { foldText, matchesTerms, searchTerms } from '../../src/catalog/searchTerms';
import { SqliteErp } from '../../src/erp/sqlite';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';

/** Letters a search may trip on: accents precomposed and combining, case, LIKE's own wildcards and escape. */
const UNITS = [
  ...'aeiouAEIOU',
  ...'àèéìòùÀÈÉÌÒÙçÇñÑüÜß',
  'e\u0301', // e + combining acute: "é" decomposed
  'A\u0300',
  ...'%_[]\\-/\'',
  ' ',
  '25A',
  'İ',
  'ﬁ',
];

const text = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 14 });

const articles = fc.uniqueArray(fc.record({ sku: text, description: text, restricted: fc.boolean() }), {
  minLength: 1,
  maxLength: 30,
  // Unique as stored (the primary key compares bytes), whatever their folding.
  selector: (a) => a.sku,
});

/** A search: fragments of the articles' own texts, re-cased and re-accented, or free text. */
const searchOf = (rows: ReadonlyArray<{ sku: string; description: string }>) =>
  fc.oneof(
    text,
    fc
      .tuple(fc.constantFrom(...rows), fc.nat(20), fc.nat(6), fc.boolean(), fc.boolean())
      .map(([row, start, length, upper, description]) => {
        const source = description ? row.description : row.sku;
        const piece = source.slice(start % source.length, (start % source.length) + 1 + length);
        return upper ? piece.toUpperCase() : piece.normalize('NFD');
      }),
    fc.tuple(text, text).map(([a, b]) => `${a} ${b}`),
  );

describe('catalog search in SQL means matchesTerms', () => {
  test('on random texts, catalogPage returns and catalogCounts counts exactly what matchesTerms accepts', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        articles.chain((rows) => fc.tuple(fc.constant(rows), fc.array(searchOf(rows), { minLength: 1, maxLength: 5 }))),
        async ([rows, searches]) => {
          const db = createFixtureDb();
          const unique = rows;
          insertRows(
            db,
            'ecom_articles',
            unique.map((r) => article(r.sku, { description: r.description, restricted: r.restricted, family_code: r.restricted ? 'R' : 'U' })),
          );
          const erp = new SqliteErp(db);
          try {
            for (const search of searches) {
              const terms = searchTerms(search);
              const want = unique.filter((r) => matchesTerms(terms, r.sku, r.description)).map((r) => r.sku).sort();
              const got = (await erp.catalogPage({ after: null, family: null, terms, unrestrictedOnly: false, limit: 1000 })).map((r) => r.sku).sort();
              assert.deepEqual(got, want, `search ${JSON.stringify(search)} (terms ${JSON.stringify(terms)})`);
              const counted = (await erp.catalogCounts(terms)).reduce((n, g) => n + g.count, 0);
              assert.equal(counted, want.length, `count of ${JSON.stringify(search)}`);
              if (want.length > 0 && terms.length > 0) nonEmpty += 1;
            }
          } finally {
            await erp.close();
          }
        },
      ),
      { numRuns: 150, seed: 12 },
    );
    // The searches are drawn from the articles' texts so that most find something: matches are compared, not only misses.
    assert.ok(nonEmpty > 100, `${nonEmpty} searches with matches`);
  });

  test('ponte_fold is foldText: the column is folded exactly as the words are', () => {
    const db = createFixtureDb();
    const erp = new SqliteErp(db);
    fc.assert(
      fc.property(text, (s) => {
        const row = db.prepare('SELECT ponte_fold(?) AS f').get(s) as { f: string };
        assert.equal(row.f, foldText(s));
      }),
      { numRuns: 300, seed: 12 },
    );
    void erp.close();
  });
});
