#!/usr/bin/env bash
# Connects a <platform> account for a demo tenant by OAuth2 through the gateway, against the local platform's sandbox
# (deploy/local/sandbox: WireMock playing the platform's consent page, token endpoint and API): creates the connection,
# follows its authorization URL as a browser would (the consent page redirects back to the gateway's callback with a
# code and the state), then shows the connection ACTIVE with its account and health, and tests it.
# Usage: demo-connect.sh <run dir> <platform> [tenant number]
set -euo pipefail
run="$1"; platform="${2:-}"; n="${3:-1}"
env_file="$run/tenant-$n.env"
[ -f "$env_file" ] || { echo "No running platform (missing $env_file): run 'deploy/local/platform up' first." >&2; exit 1; }
command -v jq >/dev/null || { echo "demo-connect needs jq (apt-get install jq)." >&2; exit 1; }
# shellcheck disable=SC1090
source "$env_file"
api() { curl -sS -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' "$@"; }

case "$platform" in
  shopify) settings='{"shopDomain":"ledgerline-demo.myshopify.com"}' ;;   # the sandbox's shop
  lightspeed) settings='{"currency":"EUR"}' ;;
  hubspot|salesforce|pipedrive|zoho|square|clover) settings='{}' ;;
  *) echo "usage: demo-connect <platform> [tenant]; platforms: hubspot salesforce pipedrive zoho square shopify lightspeed clover" >&2; exit 2 ;;
esac

# The sandbox has one account per platform, and an account has one live connection: end an earlier demo's first.
for old in $(api "$GATEWAY_URL/api/v1/connections" | jq -r --arg p "$platform" \
    '.[] | select(.platform == $p and .auth == "oauth2" and .status != "DELETED") | .id'); do
  api -X DELETE "$GATEWAY_URL/api/v1/connections/$old" >/dev/null && echo "   (deleted the earlier demo connection $old)"
done

echo "1. Create a $platform OAuth connection for tenant $n: POST $GATEWAY_URL/api/v1/connections {\"auth\": \"oauth2\"}"
created="$(api -X POST "$GATEWAY_URL/api/v1/connections" \
  -d '{"platform":"'"$platform"'","name":"Demo '"$platform"' account","auth":"oauth2","settings":'"$settings"'}')"
id="$(jq -r .id <<<"$created")"
[ "$id" != null ] || { echo "$created" >&2; exit 1; }
authorization_url="$(jq -r .authorizationUrl <<<"$created")"
echo "   connection $id is $(jq -r .status <<<"$created")"
echo "   authorizationUrl: $authorization_url"

echo "2. Open the authorization URL as a browser would (the sandbox's consent page grants at once)"
redirect="$(curl -sS -o /dev/null -w '%{redirect_url}' "$authorization_url")"
[ -n "$redirect" ] || { echo "   the consent page did not redirect" >&2; exit 1; }
echo "   redirected to ${redirect%%\?*}?code=...&state=..."
page="$(mktemp)"; trap 'rm -f "$page"' EXIT
status="$(curl -sS -o "$page" -w '%{http_code}' "$redirect")"
echo "   the callback answered $status: $(sed -e 's/<[^>]*>//g' "$page" | tr -s ' \n' ' ' | cut -c1-160)"
[ "$status" = 200 ] || { cat "$page" >&2; echo >&2; exit 1; }

echo "3. The connection: GET $GATEWAY_URL/api/v1/connections/$id"
api "$GATEWAY_URL/api/v1/connections/$id" | jq '{id, platform, status, auth, account, health}'

echo "4. Test it: POST $GATEWAY_URL/api/v1/connections/$id/test"
api -X POST "$GATEWAY_URL/api/v1/connections/$id/test" | jq .
