#!/usr/bin/env bash
# Posts the sample Shopify orders/paid webhook, signed the way Shopify signs it, for one demo tenant, then reads the
# invoice back through the gateway with that tenant's API key, and (demo tenant 1 has FIRS e-invoicing enabled against
# the sandbox's FIRS stub) waits for its FIRS submission, printing the IRN and the FIRS status.
# Usage: demo-order.sh <platform.json> <tenant number>
set -euo pipefail
facts="$1"; n="${2:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$(dirname "$facts")/tenant-$n.env"
[ -f "$env_file" ] || { echo "No running platform with a demo tenant $n (missing $env_file): run 'deploy/local/platform up' first." >&2; exit 1; }
# shellcheck disable=SC1090
source "$env_file"
body="$here/samples/shopify-order-paid.json"
signature="$(openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -binary < "$body" | base64 -w0)"
delivery="$(cat /proc/sys/kernel/random/uuid)"

echo "POST $WEBHOOK_URL (X-Shopify-Webhook-Id: $delivery)"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$WEBHOOK_URL" \
  -H 'Content-Type: application/json' \
  -H 'X-Shopify-Topic: orders/paid' \
  -H "X-Shopify-Shop-Domain: $SHOP_DOMAIN" \
  -H "X-Shopify-Webhook-Id: $delivery" \
  -H "X-Shopify-Hmac-Sha256: $signature" \
  --data-binary @"$body"

echo "GET $GATEWAY_URL/api/v1/invoices (waiting for order #1001 to be invoiced)"
for _ in $(seq 1 30); do
  invoices="$(curl -sS -H "X-API-Key: $API_KEY" "$GATEWAY_URL/api/v1/invoices")"
  if grep -q '5630481604703' <<<"$invoices"; then
    if command -v jq >/dev/null; then jq . <<<"$invoices"; else echo "$invoices"; fi
    break
  fi
  sleep 1
done
grep -q '5630481604703' <<<"$invoices" || { echo "No invoice after 30 s; the gateway answered: $invoices" >&2; exit 1; }

# The order's invoice (its id is the first field of the item).
id="$(curl -sS -H "X-API-Key: $API_KEY" "$GATEWAY_URL/api/v1/invoices?sourceExternalId=5630481604703" \
  | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)"
if ! curl -sS -H "X-API-Key: $API_KEY" "$GATEWAY_URL/api/v1/settings/firs" | grep -q '"enabled":true'; then
  echo "FIRS e-invoicing is not enabled for demo tenant $n (only demo tenant 1 submits to the sandbox's FIRS stub)."
  exit 0
fi
echo "GET $GATEWAY_URL/api/v1/invoices/$id/firs (waiting for FIRS to confirm it)"
firs=""; status=""
for _ in $(seq 1 60); do
  firs="$(curl -sS -H "X-API-Key: $API_KEY" "$GATEWAY_URL/api/v1/invoices/$id/firs")"
  status="$(grep -o '"status":"[A-Z]*"' <<<"$firs" | head -1 | cut -d'"' -f4 || true)"
  if [ "$status" = CONFIRMED ] || [ "$status" = REJECTED ]; then break; fi
  sleep 1
done
irn="$(grep -o '"irn":"[^"]*"' <<<"$firs" | head -1 | cut -d'"' -f4 || true)"
if [ -z "$irn" ]; then
  echo "The invoice has no FIRS IRN after 60 s; the gateway answered: $firs" >&2
  exit 1
fi
echo "FIRS IRN:    $irn"
echo "FIRS status: ${status:-unknown}"
if [ "$status" != CONFIRMED ]; then
  echo "Not CONFIRMED after 60 s; the gateway answered: $firs" >&2
  exit 1
fi
echo "UBL: curl -H \"X-API-Key: \$API_KEY\" $GATEWAY_URL/api/v1/invoices/$id/ubl"
echo "PDF: curl -H \"X-API-Key: \$API_KEY\" -o invoice.pdf $GATEWAY_URL/api/v1/invoices/$id/pdf"
