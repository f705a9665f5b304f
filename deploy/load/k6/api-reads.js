// Tenant API reads under load, with an API key through the gateway: the invoice list (first page), one invoice, and
// the webhook log, in the mix a tenant's integration produces. Exercises the API key exchange and its cache, the
// JWT validation and the services' queries.
//
//   k6 run -e GATEWAY_URL=... -e API_KEY=... deploy/load/k6/api-reads.js
//   (on the local platform: source deploy/local/run/tenant-1.env, which sets both)
//
// Options: RATE (requests per second, default 50), DURATION (default 2m). Thresholds: p99 < 300 ms, no failures.
// The gateway rate-limits per key: a RATE above a key's limit measures the limiter (429s), not the services.
import http from 'k6/http';
import { check } from 'k6';

const gateway = __ENV.GATEWAY_URL;
const key = __ENV.API_KEY;

export const options = {
  scenarios: {
    reads: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 50),
      timeUnit: '1s',
      duration: __ENV.DURATION || '2m',
      preAllocatedVUs: 20,
      maxVUs: 200,
    },
  },
  thresholds: {
    'http_req_failed{scenario:reads}': ['rate<0.001'],
    'http_req_duration{scenario:reads}': ['p(99)<300'],
  },
};

const params = (name) => ({ headers: { 'X-API-Key': key }, tags: { name } });

export function setup() {
  if (!gateway || !key) {
    throw new Error('GATEWAY_URL and API_KEY are required (deploy/local/run/tenant-1.env has them)');
  }
  const first = http.get(`${gateway}/api/v1/invoices?limit=20`, params('GET /api/v1/invoices'));
  if (first.status !== 200) {
    throw new Error(`the key cannot read invoices: ${first.status} ${first.body}`);
  }
  const items = first.json('items') || [];
  return { invoiceIds: items.map((i) => i.id) };
}

export default function (data) {
  const pick = Math.random();
  let response;
  if (pick < 0.5 || data.invoiceIds.length === 0) {
    response = http.get(`${gateway}/api/v1/invoices?limit=20`, params('GET /api/v1/invoices'));
  } else if (pick < 0.8) {
    const id = data.invoiceIds[Math.floor(Math.random() * data.invoiceIds.length)];
    response = http.get(`${gateway}/api/v1/invoices/${id}`, params('GET /api/v1/invoices/{id}'));
  } else {
    response = http.get(`${gateway}/api/v1/webhooks?limit=20`, params('GET /api/v1/webhooks'));
  }
  check(response, { 'ok (200)': (r) => r.status === 200 });
}
