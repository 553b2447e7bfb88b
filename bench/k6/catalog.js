// k6: shoppers browsing category pages of a staging Ponte.
//
//   k6 run -e BASE_URL=https://ponte-staging.example.it -e TOKEN=$PONTE_CUSTOMER_TOKEN \
//          -e FAMILIES=FAM-ELE,FAM-IDR,FAM-ILL bench/k6/catalog.js
//
// Each iteration opens page 1 of a random family (48 articles with price and
// availability) and, one time in three, goes on to page 2 through endCursor.
// FAMILIES defaults to the demo ERP's families; without any, the unfiltered
// catalog is browsed. Two scenarios: `browse` (customers: one token per
// virtual user from TOKEN / TOKENS / TOKENS_FILE) and `anonymous` (no
// Authorization, ANON_VUS users, default 60 % of VUS; the only one without
// tokens). A page that comes back empty fails its check.
// See common.js for the other variables.
import { sleep } from 'k6';
import { gql, rampingScenario, thinkSeconds, thresholds, TOKEN_LIST } from './common.js';

const FAMILIES = (__ENV.FAMILIES || 'FAM-ELE,FAM-IDR,FAM-VIT,FAM-ILL,FAM-FER,FAM-UTE,FAM-RIS,FAM-CHI,FAM-DPI,FAM-VER,FAM-ELU,FAM-EDI,FAM-GIA')
  .split(',')
  .map((f) => f.trim())
  .filter((f) => f !== '');
const PAGE = Number(__ENV.PAGE_SIZE || 48);

const VUS = Number(__ENV.VUS || 10);
const ANON_VUS = __ENV.ANON_VUS === undefined ? Math.max(1, Math.round(VUS * 0.6)) : Number(__ENV.ANON_VUS);

const scenarios = {};
if (TOKEN_LIST.length > 0) scenarios.browse = rampingScenario('browse', VUS);
if (ANON_VUS > 0) scenarios.anonymous = rampingScenario('browseAnonymous', ANON_VUS);

export const options = {
  scenarios,
  thresholds: thresholds(),
};

const CATALOG = `query CategoryPage($family: String, $first: Int!, $after: String) {
  catalog(first: $first, family: $family, after: $after) {
    edges { node { sku erpDescription price { unitPrice listPrice discounts } availability { status available } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A page with at least one article: an empty category page fails the check. */
const hasEdges = (data) => !!(data && data.catalog && Array.isArray(data.catalog.edges) && data.catalog.edges.length > 0);

function visit(anonymous) {
  const tag = anonymous ? 'anonymous-' : '';
  const family = FAMILIES.length > 0 ? FAMILIES[Math.floor(Math.random() * FAMILIES.length)] : null;
  const first = gql(`${tag}catalog-page-1`, CATALOG, { family, first: PAGE, after: null }, hasEdges, anonymous);
  const info = first && first.data && first.data.catalog && first.data.catalog.pageInfo;
  if (info && info.hasNextPage && Math.random() < 1 / 3) {
    sleep(thinkSeconds());
    gql(`${tag}catalog-page-2`, CATALOG, { family, first: PAGE, after: info.endCursor }, hasEdges, anonymous);
  }
  sleep(thinkSeconds());
}

export function browse() {
  visit(false);
}

/** A visitor without a token: default-list prices, statuses without quantities. */
export function browseAnonymous() {
  visit(true);
}
