/**
 * The example content subgraph's generated copy (examples/content-subgraph):
 * the same on every run, Italian, customer-facing, with slugs unique over a
 * whole demo catalog and SEO fields within what search engines show.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createContentCatalog, readCatalog } from '../../examples/content-subgraph/catalog';
import { contentFor, SEO_DESCRIPTION_MAX, SEO_TITLE_MAX, type ContentArticle } from '../../examples/content-subgraph/contentFor';
import { clip, productName, slugify } from '../../examples/content-subgraph/text';
import { demoErpInMemory } from '../demo/demoDigest';

const GLOVES: ContentArticle = { sku: 'DPI-000123', erpDescription: 'Guanti monouso in nitrile senza polvere taglia M (conf. 100 pz)', familyCode: 'FAM-DPI' };
/** contentFor(GLOVES) as generated when the copy was written: the same on every run and machine. */
const GOLDEN = {
  sku: 'DPI-000123',
  title: 'Guanti monouso in nitrile senza polvere taglia M, sicurezza certificata, confezione da 100 pezzi',
  description:
    'Guanti monouso in nitrile senza polvere taglia M, confezione da 100 pezzi, tra i prodotti di dispositivi di protezione più richiesti dai professionisti. ' +
    'Questo articolo è certificato secondo le norme europee e protegge senza rinunciare al comfort. ' +
    'Prezzo riservato e disponibilità in tempo reale dopo l’accesso.',
  slug: 'guanti-monouso-in-nitrile-senza-polvere-taglia-m-dpi-000123',
  images: [
    { url: '/images/DPI-000123-1.jpg', alt: 'Guanti monouso in nitrile senza polvere taglia M', width: 1200, height: 1200 },
    { url: '/images/DPI-000123-2.jpg', alt: 'Guanti monouso in nitrile senza polvere taglia M, vista di dettaglio', width: 1200, height: 800 },
  ],
  seoTitle: 'Guanti monouso in nitrile senza polvere taglia M',
  seoDescription:
    'Guanti monouso in nitrile senza polvere taglia M, confezione da 100 pezzi, tra i prodotti di dispositivi di protezione più richiesti dai professionisti.',
};
/** Common Italian words: generated copy without any of them is not Italian. */
const ITALIAN = /\b(di|per|della|nella|e|è|con|il|la|tra|dei|questo|una|un)\b/i;

describe('contentFor', () => {
  let articles: ContentArticle[];
  before(() => {
    const db = demoErpInMemory({ seed: 11, articles: 1500, customers: 10, today: '2026-11-30' });
    try {
      articles = readCatalog(db);
    } finally {
      db.close();
    }
  });

  test('the same article gives the same content on every run (golden)', () => {
    assert.deepEqual(contentFor(GLOVES), contentFor({ ...GLOVES }));
    const content = contentFor(GLOVES);
    // A change to the PRNG, the seed or the copy shows here.
    assert.deepEqual(content, GOLDEN);
  });

  test('an article’s copy does not depend on the rest of the catalog', () => {
    const alone = createContentCatalog([GLOVES]).bySku(GLOVES.sku);
    const among = createContentCatalog([...articles, GLOVES]).bySku(GLOVES.sku);
    assert.deepEqual(alone, among);
  });

  test('Italian, customer-facing, 2–3 sentences, 1–3 images with Italian alt text', () => {
    for (const article of articles) {
      const c = contentFor(article);
      assert.notEqual(c.title, article.erpDescription, `${article.sku}: the title is the warehouse text`);
      assert.doesNotMatch(c.title, /\(conf\.|\bpz\b/, `${article.sku}: warehouse shorthand in the title`);
      assert.match(c.description, ITALIAN, article.sku);
      const sentences = c.description.split(/(?<=\.)\s+(?=\p{Lu})/u);
      assert.ok(sentences.length >= 2 && sentences.length <= 3, `${article.sku}: ${sentences.length} sentences`);
      assert.ok(c.images.length >= 1 && c.images.length <= 3, article.sku);
      c.images.forEach((image, i) => {
        assert.equal(image.url, `/images/${article.sku}-${i + 1}.jpg`);
        assert.ok(image.alt.length > 0 && !image.alt.includes('(conf.'), article.sku);
      });
    }
  });

  test(`SEO title ≤ ${SEO_TITLE_MAX} and description ≤ ${SEO_DESCRIPTION_MAX} characters, never empty`, () => {
    for (const article of articles) {
      const c = contentFor(article);
      assert.ok(c.seoTitle.length > 0 && c.seoTitle.length <= SEO_TITLE_MAX, `${article.sku}: ${c.seoTitle}`);
      assert.ok(c.seoDescription.length > 0 && c.seoDescription.length <= SEO_DESCRIPTION_MAX, `${article.sku}: ${c.seoDescription}`);
    }
  });

  test('slugs are lowercase ASCII and unique over the whole demo catalog, articles with the same text included', () => {
    const seen = new Map<string, string>();
    for (const article of articles) {
      const { slug } = contentFor(article);
      assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${article.sku}: ${slug}`);
      assert.equal(seen.get(slug), undefined, `${article.sku} and ${seen.get(slug)} share ${slug}`);
      seen.set(slug, article.sku);
    }
    const texts = new Set(articles.map((a) => a.erpDescription));
    assert.ok(texts.size < articles.length, 'the demo has articles with the same text: the case the sku in the slug is for');
    assert.equal(createContentCatalog(articles).size, articles.length);
  });

  test('catalog lookups: by sku, by slug, featured by lowest sku and capped at 50', () => {
    const catalog = createContentCatalog(articles);
    const first = contentFor(articles[0]!);
    assert.deepEqual(catalog.bySku(articles[0]!.sku), first);
    assert.deepEqual(catalog.bySlug(first.slug), first);
    assert.equal(catalog.bySku('NOPE-1'), null);
    assert.equal(catalog.bySlug('nope'), null);
    const skus = articles.map((a) => a.sku).sort();
    assert.deepEqual(catalog.featured(5).map((c) => c.sku), skus.slice(0, 5));
    assert.equal(catalog.featured(500).length, 50);
    assert.equal(catalog.featured(0).length, 0);
  });

  test('duplicate skus in the source are refused', () => {
    assert.throws(() => createContentCatalog([GLOVES, GLOVES]), /DPI-000123 appears twice/);
  });
});

describe('content text rules', () => {
  test('productName spells out the warehouse shorthand', () => {
    assert.deepEqual(productName('Tassello in nylon universale 6x30 mm (conf. 100 pz)'), { core: 'Tassello in nylon universale 6x30 mm', pack: 'confezione da 100 pezzi' });
    assert.equal(productName('Catena zincata a maglia corta Ø 4 mm').core, 'Catena zincata a maglia corta diametro 4 mm');
    assert.equal(productName('Idropittura traspirante per interni bianca 2,5 lt').core, 'Idropittura traspirante per interni bianca 2,5 litri');
    assert.equal(productName('Scarpa antinfortunistica bassa S3 SRC n. 42').core, 'Scarpa antinfortunistica bassa S3 SRC taglia 42');
  });

  test('slugify: accents stripped, compatibility forms folded, everything else a single dash', () => {
    assert.equal(slugify('Perché è già così'), 'perche-e-gia-cosi');
    assert.equal(slugify('Cavo FS17 1,5 mm² giallo/verde'), 'cavo-fs17-1-5-mm2-giallo-verde');
    assert.equal(slugify('Gomito 90° in ottone F/F 1/2"'), 'gomito-90-in-ottone-f-f-1-2');
    assert.equal(slugify('  --ELE-000001--  '), 'ele-000001');
  });

  test('clip cuts at a word boundary with an ellipsis, within the limit', () => {
    assert.equal(clip('breve', 10), 'breve');
    const clipped = clip('Smerigliatrice angolare diametro 125 mm 900 W per professionisti', 30);
    assert.ok(clipped.length <= 30);
    assert.equal(clipped, 'Smerigliatrice angolare…');
  });
});
