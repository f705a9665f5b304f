#!/usr/bin/env bash
# Connects a new <platform> account for a demo tenant through the gateway, posts that platform's sample webhook signed
# exactly as the platform signs it (openssl, independent of our code), shows the webhook log entry, then replays it.
# Usage: demo-webhook.sh <run dir> <platform> [tenant number]
set -euo pipefail
run="$1"; platform="$2"; n="${3:-1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
samples="$here/samples"
env_file="$run/tenant-$n.env"
[ -f "$env_file" ] || { echo "No running platform (missing $env_file): run 'deploy/local/platform up' first." >&2; exit 1; }
command -v jq >/dev/null || { echo "demo-webhook needs jq (apt-get install jq)." >&2; exit 1; }
# shellcheck disable=SC1090
source "$env_file"

hmac_b64() { openssl dgst -sha256 -hmac "$1" -binary | base64 -w0; }
api() { curl -sS -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' "$@"; }
rnd="$(openssl rand -hex 6)"
num="$(( (RANDOM << 15) | RANDOM ))"

case "$platform" in
  shopify) connection='{"platform":"shopify","name":"Demo shop","settings":{"shopDomain":"demo-'"$rnd"'.myshopify.com"}}' ;;
  square|hubspot|clover) connection='{"platform":"'"$platform"'","name":"Demo '"$platform"'","secret":"'"$(openssl rand -hex 16)"'"}' ;;
  salesforce) connection='{"platform":"salesforce","name":"Demo org","settings":{"organizationId":"00D5e000000KQ2eEAG"}}' ;;
  pipedrive|zoho|standard-webhooks) connection='{"platform":"'"$platform"'","name":"Demo '"$platform"'"}' ;;
  lightspeed) connection='{"platform":"lightspeed","name":"Demo store","settings":{"currency":"EUR"}}' ;;
  *) echo "unknown platform '$platform': shopify square hubspot clover salesforce pipedrive zoho lightspeed standard-webhooks" >&2; exit 2 ;;
esac

echo "1. Connect a $platform account for tenant $n: POST $GATEWAY_URL/api/v1/connections"
created="$(api -X POST "$GATEWAY_URL/api/v1/connections" -d "$connection")"
id="$(jq -r .id <<<"$created")"
[ "$id" != null ] || { echo "$created" >&2; exit 1; }
url="$(jq -r .webhookUrl <<<"$created")"
secret="$(jq -r '.webhookSecret // empty' <<<"$created")"
told="$(jq -r '.settings.notificationUrl // empty' <<<"$created")"
echo "   connection $id, webhook URL $url"

body_file="$(mktemp)"; trap 'rm -f "$body_file"' EXIT
headers=()
content_type='application/json'
fill() { sed -e "s/EVENT_ID_PLACEHOLDER/$1/g" -e "s/DEAL_ID_PLACEHOLDER/$num/g" -e "s/ORDER_ID_PLACEHOLDER/ORD$rnd/g" \
             -e "s/SALE_ID_PLACEHOLDER/sale-$rnd/g" "$2"; }
case "$platform" in
  shopify)
    fill x "$samples/shopify-order-paid.json" | sed "s/5630481604703/$num/" > "$body_file"
    headers=(-H 'X-Shopify-Topic: orders/paid' -H "X-Shopify-Webhook-Id: $(cat /proc/sys/kernel/random/uuid)"
             -H "X-Shopify-Hmac-Sha256: $(hmac_b64 "$secret" < "$body_file")") ;;
  square)
    fill "$(cat /proc/sys/kernel/random/uuid)" "$samples/square-payment-completed.json" > "$body_file"
    headers=(-H "x-square-hmacsha256-signature: $( (printf '%s' "$told"; cat "$body_file") | hmac_b64 "$secret")") ;;
  hubspot)
    fill "$num" "$samples/hubspot-deal-won.json" > "$body_file"
    ts="$(date +%s%3N)"
    headers=(-H "X-HubSpot-Request-Timestamp: $ts"
             -H "X-HubSpot-Signature-V3: $( (printf 'POST%s' "$told"; cat "$body_file"; printf '%s' "$ts") | hmac_b64 "$secret")") ;;
  pipedrive)
    fill "$(cat /proc/sys/kernel/random/uuid)" "$samples/pipedrive-deal-won.json" > "$body_file"
    headers=(-u "$(jq -r .settings.username <<<"$created"):$secret") ;;
  zoho)
    fill x "$samples/zoho-deal-update.json" | sed -e "s/CHANNEL_PLACEHOLDER/$(jq -r .settings.channelId <<<"$created")/" \
      -e "s/TOKEN_PLACEHOLDER/$secret/" > "$body_file" ;;
  salesforce)
    fill x "$samples/salesforce-opportunity-won.xml" | sed "s/ORG_ID_PLACEHOLDER/00D5e000000KQ2eEAG/" > "$body_file"
    content_type='text/xml; charset=utf-8'; headers=(-H 'SOAPAction: ""')
    url="${url%%\?*}?token=$secret" ;;
  lightspeed)
    fill x "$samples/lightspeed-sale-update.form" > "$body_file"
    content_type='application/x-www-form-urlencoded'
    url="${url%%\?*}?token=$secret" ;;
  clover)
    fill x "$samples/clover-order-created.json" > "$body_file"
    headers=(-H "X-Clover-Auth: $secret") ;;
  standard-webhooks)
    fill x "$samples/standard-webhooks-order-paid.json" > "$body_file"
    msg_id="msg_$rnd"; ts="$(date +%s)"
    key_hex="$(printf '%s' "${secret#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \n')"
    sig="$( (printf '%s.%s.' "$msg_id" "$ts"; cat "$body_file") | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64 -w0)"
    headers=(-H "webhook-id: $msg_id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig") ;;
esac

echo "2. The platform posts its webhook: POST $url"
curl -sS -w '\nHTTP %{http_code}\n' -X POST "$url" -H "Content-Type: $content_type" "${headers[@]}" --data-binary @"$body_file" \
  | sed 's/^/   /'

echo "3. The webhook log: GET $GATEWAY_URL/api/v1/webhooks?connectionId=$id"
log="$(api "$GATEWAY_URL/api/v1/webhooks?connectionId=$id")"
jq . <<<"$log" | sed 's/^/   /'
webhook="$(jq -r '(.items // .)[0].id // empty' <<<"$log")"
if [ -n "$webhook" ]; then
  echo "4. Replay it: POST $GATEWAY_URL/api/v1/webhooks/$webhook/replay"
  api -X POST -w '\nHTTP %{http_code}\n' "$GATEWAY_URL/api/v1/webhooks/$webhook/replay" | sed 's/^/   /'
fi
