/**
 * The content a CMS would hold for one article, generated from the ERP's
 * warehouse text: Italian, customer-facing, and the same on every run (each
 * article draws from its own stream of the project's seeded PRNG, named by
 * its sku, so adding or removing articles changes no other article's copy).
 */
import { Random } from '../../src/demo/random';
import { familyCopy } from './familyCopy';
import { clip, productName, slugify } from './text';

/** What the content source knows of an article: the ERP's key and text, nothing about price or visibility. */
export interface ContentArticle {
  sku: string;
  erpDescription: string;
  familyCode: string | null;
  /** The family's name where the source has one; the content team's own label otherwise. */
  familyName?: string | null;
}

export interface Image {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface ProductContent {
  sku: string;
  title: string;
  description: string;
  slug: string;
  images: Image[];
  seoTitle: string;
  seoDescription: string;
}

/** Google shows about this much of a title and of a meta description. */
export const SEO_TITLE_MAX = 60;
export const SEO_DESCRIPTION_MAX = 155;

/** Changing it rewrites every article's copy: keep it fixed. */
const CONTENT_SEED = 20261130;
const ROOT = new Random(CONTENT_SEED);

const INTROS: ReadonlyArray<(name: string, category: string) => string> = [
  (name, category) => `${name}: una scelta affidabile della nostra selezione di ${category}.`,
  (name, category) => `${name}, tra i prodotti di ${category} più richiesti dai professionisti.`,
  (name, category) => `${name}: qualità e convenienza nella categoria ${category}.`,
];

const CLOSINGS = [
  'Prezzo riservato e disponibilità in tempo reale dopo l’accesso.',
  'Ordinalo online e ricevilo in cantiere o ritiralo in filiale.',
  'Il nostro servizio clienti ti aiuta a scegliere il prodotto giusto.',
] as const;

const IMAGE_VIEWS = ['', ', vista di dettaglio', ', confezione'] as const;

/** Starts with a preposition, so it reads on after the name without a comma. */
const READS_ON = /^(per|a|ad|di|da|con)\s/;

export function contentFor(article: ContentArticle): ProductContent {
  const rnd = ROOT.derive(article.sku);
  const copy = familyCopy(article.familyCode);
  const category = article.familyName || copy.label;
  const { core, pack } = productName(article.erpDescription);
  const named = pack ? `${core}, ${pack}` : core;

  const qualifier = rnd.pick(copy.qualifiers);
  const title = `${core}${READS_ON.test(qualifier) ? ' ' : ', '}${qualifier}${pack ? `, ${pack}` : ''}`;
  const intro = rnd.pick(INTROS)(named, category.toLowerCase());
  const benefit = rnd.pick(copy.benefits);
  const closing = rnd.chance(0.5) ? rnd.pick(CLOSINGS) : null;
  const imageCount = rnd.int(1, IMAGE_VIEWS.length);

  const sku = encodeURIComponent(article.sku);
  const images: Image[] = IMAGE_VIEWS.slice(0, imageCount).map((view, i) => ({
    url: `/images/${sku}-${i + 1}.jpg`,
    alt: `${core}${view}`,
    width: 1200,
    height: i === 0 ? 1200 : 800,
  }));

  const seoTitle = `${core} | ${category}`;
  return {
    sku: article.sku,
    title,
    description: [intro, benefit, closing].filter((s) => s !== null).join(' '),
    slug: slugFor(article),
    images,
    seoTitle: seoTitle.length <= SEO_TITLE_MAX ? seoTitle : clip(core, SEO_TITLE_MAX),
    seoDescription: seoDescription(intro, benefit),
  };
}

/**
 * The sku makes the slug unique by construction; a slug that depended on the
 * rest of the catalog (a suffix only on collision) would change when another
 * article came or went, breaking links and search rankings. Apart from
 * contentFor because the catalog indexes every slug at start, and this part
 * needs no PRNG.
 */
export function slugFor(article: ContentArticle): string {
  return `${slugify(productName(article.erpDescription).core)}-${slugify(article.sku)}`;
}

/** Whole sentences while they fit: a meta description cut mid-sentence reads as broken. */
function seoDescription(intro: string, benefit: string): string {
  const both = `${intro} ${benefit}`;
  if (both.length <= SEO_DESCRIPTION_MAX) return both;
  return clip(intro, SEO_DESCRIPTION_MAX);
}
