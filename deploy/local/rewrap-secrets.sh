#!/usr/bin/env bash
# Operator command: re-wraps every stored data key (webhook secrets, tokens, PKCE verifiers) under connector-service's
# active key-encryption key, then says how many rows still name another KEK (0: the old KEK can be removed).
# Usage: rewrap-secrets.sh <run dir>
set -euo pipefail
run="$1"
facts="$run/platform.json"
[ -f "$facts" ] || { echo "No running platform (missing $facts): run 'deploy/local/platform up' first." >&2; exit 1; }
command -v jq >/dev/null || { echo "rewrap-secrets needs jq (apt-get install jq)." >&2; exit 1; }
apikey="$(jq -r '.serviceUrls["apikey-service"]' "$facts")"
connector="$(jq -r '.serviceUrls["connector-service"]' "$facts")"
secret="$(sed -n 's/^client\.webhook-ingest\.secret=//p' "$run/secrets.properties")"
# A service token (scope internal): the operator API is never routed by the gateway.
token="$(curl -sS -u "webhook-ingest:$secret" -d 'grant_type=client_credentials&scope=internal' "$apikey/oauth2/token" \
  | jq -r .access_token)"
[ -n "$token" ] && [ "$token" != null ] || { echo "could not get a service token from $apikey" >&2; exit 1; }
curl -sS -X POST -H "Authorization: Bearer $token" "$connector/internal/secrets/rewrap" | jq .
