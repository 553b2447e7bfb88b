// k6: shoppers browsing category pages of a staging Ponte.
//
//   k6 run -e BASE_URL=https://ponte-staging.example.it -e TOKEN=$PONTE_CUSTOMER_TOKEN \
//          -e FAMILIES=FAM-ELE,FAM-IDR,FAM-ILL bench/k6/catalog.js
//
// Each iteration opens page 1 of a random family (48 articles with price and
// availability) and, one time in three, goes on to page 2 through endCursor.
// FAMILIES defaults to the demo ERP's families; without any, the unfiltered
// catalog is browsed. See common.js for the other variables.
import { sleep } from 'k6';
import { gql, rampingScenario, thinkSeconds, thresholds } from './common.js';

const FAMILIES = (__ENV.FAMILIES || 'FAM-ELE,FAM-IDR,FAM-VIT,FAM-ILL,FAM-FER,FAM-UTE,FAM-RIS,FAM-CHI,FAM-DPI,FAM-VER,FAM-ELU,FAM-EDI,FAM-GIA')
  .split(',')
  .map((f) => f.trim())
  .filter((f) => f !== '');
const PAGE = Number(__ENV.PAGE_SIZE || 48);

export const options = {
  scenarios: { browse: rampingScenario('browse') },
  thresholds: thresholds(),
};

const CATALOG = `query CategoryPage($family: String, $first: Int!, $after: String) {
  catalog(first: $first, family: $family, after: $after) {
    edges { node { sku description price { unitPrice listPrice discounts } availability { status available } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const hasEdges = (data) => data && data.catalog && Array.isArray(data.catalog.edges);

export function browse() {
  const family = FAMILIES.length > 0 ? FAMILIES[Math.floor(Math.random() * FAMILIES.length)] : null;
  const first = gql('catalog-page-1', CATALOG, { family, first: PAGE, after: null }, hasEdges);
  const info = first && first.data && first.data.catalog && first.data.catalog.pageInfo;
  if (info && info.hasNextPage && Math.random() < 1 / 3) {
    sleep(thinkSeconds());
    gql('catalog-page-2', CATALOG, { family, first: PAGE, after: info.endCursor }, hasEdges);
  }
  sleep(thinkSeconds());
}
