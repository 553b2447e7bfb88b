// k6: carts and orders against a staging Ponte.
//
//   k6 run -e BASE_URL=https://ponte-staging.example.it -e TOKEN=$PONTE_CUSTOMER_TOKEN bench/k6/orders.js
//   k6 run ... -e PLACE_ORDERS=yes -e MAX_ORDERS=100 bench/k6/orders.js
//
// Each iteration quotes a cart of LINES (default 10) orderable lines. Orders
// are written into the ERP's order inbox, where the ERP will import them, so
// they are placed only with PLACE_ORDERS=yes, and at most MAX_ORDERS
// (default 50) in the whole test; one order in ten is sent twice with the
// same idempotency key, and the replay must return the same order.
// Use a staging ERP whose inbox you may fill, and a customer meant for it.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { collectSkus, gql, rampingScenario, requireTokens, thinkSeconds, thresholds } from './common.js';

requireTokens();

const LINES = Number(__ENV.LINES || 10);
const PLACE = __ENV.PLACE_ORDERS === 'yes';
const MAX_ORDERS = Number(__ENV.MAX_ORDERS || 50);

export const options = {
  scenarios: { orders: rampingScenario('orders') },
  thresholds: thresholds(),
  setupTimeout: '2m',
};

const QUOTE = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) {
    currency totalNet totalVat totalGross
    lines { lineIndex sku quantity price { unitPrice discounts } lineTotal }
    problems { code message lineIndex }
  }
}`;

const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { id status totalNet totalGross }
    errors { code message lineIndex }
  }
}`;

export function setup() {
  // Candidate lines from the visible catalog at the smallest quantity Ponte says each can be ordered in, kept only if a quote finds no problem with them.
  const candidates = collectSkus(Number(__ENV.SKUS || 200)).map((a) => ({ sku: a.sku, quantity: a.minimumQuantity }));
  const body = gql('setup-quote', QUOTE, { lines: candidates });
  const problems = new Set(((body && body.data && body.data.quote && body.data.quote.problems) || []).map((p) => p.lineIndex));
  const lines = candidates.filter((_, i) => !problems.has(i));
  if (lines.length < LINES) throw new Error(`only ${lines.length} orderable lines found for this token; need ${LINES}`);
  return { lines, runId: __ENV.RUN_ID || `k6-${Date.now().toString(36)}` };
}

function cart(lines) {
  const start = Math.floor(Math.random() * lines.length);
  const out = [];
  for (let j = 0; j < LINES; j += 1) out.push(lines[(start + j) % lines.length]);
  return out;
}

export function orders(data) {
  const lines = cart(data.lines);
  gql('quote', QUOTE, { lines }, (d) => d && d.quote && d.quote.problems.length === 0);

  const n = exec.scenario.iterationInTest;
  if (PLACE && n < MAX_ORDERS) {
    sleep(thinkSeconds());
    const input = { idempotencyKey: `${data.runId}-${n}`, lines, customerReference: `k6 ${data.runId}`.slice(0, 50) };
    const placed = gql('placeOrder', PLACE_ORDER, { input }, (d) => d && d.placeOrder && d.placeOrder.errors.length === 0 && d.placeOrder.order);
    const id = placed && placed.data && placed.data.placeOrder && placed.data.placeOrder.order && placed.data.placeOrder.order.id;
    if (id && n % 10 === 0) {
      // A client retry: same key, same payload, same order, nothing new written.
      gql('placeOrder-replay', PLACE_ORDER, { input }, (d) => d && d.placeOrder && d.placeOrder.order && d.placeOrder.order.id === id);
    }
  }
  sleep(thinkSeconds());
}
