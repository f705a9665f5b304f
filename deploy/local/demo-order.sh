#!/usr/bin/env bash
# Posts the sample Shopify orders/paid webhook, signed the way Shopify signs it, for one demo tenant, then reads the
# invoice back through the gateway with that tenant's API key. Usage: demo-order.sh <platform.json> <tenant number>
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
    exit 0
  fi
  sleep 1
done
echo "No invoice after 30 s; the gateway answered: $invoices" >&2
exit 1
