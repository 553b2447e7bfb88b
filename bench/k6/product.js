// k6: product detail pages of a staging Ponte.
//
//   k6 run -e BASE_URL=https://ponte-staging.example.it -e TOKEN=$PONTE_CUSTOMER_TOKEN bench/k6/product.js
//
// setup() reads up to SKUS (default 300) visible skus through the catalog,
// then each iteration opens one at random: price at a quantity, price
// breaks, availability per warehouse and next arrival. See common.js for
// the other variables.
import { sleep } from 'k6';
import { collectSkus, gql, rampingScenario, requireTokens, thinkSeconds, thresholds } from './common.js';

requireTokens();

export const options = {
  scenarios: { product: rampingScenario('product') },
  thresholds: thresholds(),
  setupTimeout: '2m',
};

const PRODUCT = `query ProductDetail($sku: ID!, $quantity: Decimal!) {
  product(sku: $sku) {
    sku erpDescription unit family vatRate packQuantity minOrderQuantity
    price(quantity: $quantity) { quantity currency listPrice basePrice discounts unitPrice unitPriceWithVat lineTotal source }
    priceBreaks { minQuantity unitPrice }
    availability { status available warehouses { code name onHand committed available } nextArrival { date quantity } }
  }
}`;

export function setup() {
  const skus = collectSkus(Number(__ENV.SKUS || 300)).map((a) => a.sku);
  if (skus.length === 0) throw new Error('the catalog is empty for this token');
  return { skus };
}

export function product(data) {
  const sku = data.skus[Math.floor(Math.random() * data.skus.length)];
  const quantity = String(1 + Math.floor(Math.random() * 24));
  gql('product', PRODUCT, { sku, quantity }, (d) => d && d.product && d.product.sku === sku);
  sleep(thinkSeconds());
}
