// Webhook ingest under load: signed, unique Shopify orders posted to one connection's webhook URL, the way Shopify
// posts them (X-Shopify-Hmac-Sha256 = base64 HMAC-SHA256 of the raw body with the connection's secret). Each order has
// its own id and delivery id, so each is a new sale and, downstream, a new invoice.
//
//   k6 run -e WEBHOOK_URL=... -e WEBHOOK_SECRET=... -e SHOP_DOMAIN=... deploy/load/k6/webhooks.js
//   (on the local platform: source deploy/local/run/tenant-1.env first, then pass the same variables)
//
// Options: RATE (orders per second, default 20), DURATION (default 2m), BODY (a sample order JSON to vary,
// default deploy/local/samples/shopify-order-paid.json). Thresholds: p99 < 500 ms, under 0.1 % failures.
// Only ever point it at an environment you own.
import http from 'k6/http';
import crypto from 'k6/crypto';
import { check } from 'k6';
import exec from 'k6/execution';

const url = __ENV.WEBHOOK_URL;
const secret = __ENV.WEBHOOK_SECRET;
const shop = __ENV.SHOP_DOMAIN || 'ledgerline-demo.myshopify.com';
const sample = JSON.parse(open(__ENV.BODY || '../../local/samples/shopify-order-paid.json'));

export const options = {
  scenarios: {
    orders: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 20),
      timeUnit: '1s',
      duration: __ENV.DURATION || '2m',
      preAllocatedVUs: 20,
      maxVUs: 200,
    },
  },
  thresholds: {
    'http_req_failed{scenario:orders}': ['rate<0.001'],
    'http_req_duration{scenario:orders}': ['p(99)<500'],
  },
};

export function setup() {
  if (!url || !secret) {
    throw new Error('WEBHOOK_URL and WEBHOOK_SECRET are required (deploy/local/run/tenant-1.env has them)');
  }
}

// An order id no other iteration of this run (or another run) uses: the run's start, the VU and its iteration.
function uniqueOrderId() {
  const run = Math.floor(Date.now() / 1000) % 100000000;
  return `${run}${String(exec.vu.idInTest).padStart(4, '0')}${String(exec.vu.iterationInScenario).padStart(7, '0')}`;
}

export default function () {
  const order = Object.assign({}, sample);
  order.id = Number(uniqueOrderId());
  order.admin_graphql_api_id = `gid://shopify/Order/${order.id}`;
  order.name = `#LOAD-${order.id}`;
  order.order_number = order.id % 1000000000;
  const body = JSON.stringify(order);
  const signature = crypto.hmac('sha256', secret, body, 'base64');
  const response = http.post(url, body, {
    headers: {
      'Content-Type': 'application/json',
      'X-Shopify-Topic': 'orders/paid',
      'X-Shopify-Shop-Domain': shop,
      'X-Shopify-Webhook-Id': `${order.id}-${exec.vu.iterationInScenario}`,
      'X-Shopify-Hmac-Sha256': signature,
    },
    tags: { name: 'POST /webhooks/shopify/{connectionId}' },
  });
  check(response, { 'accepted (202)': (r) => r.status === 202 });
}
