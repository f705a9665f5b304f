#!/usr/bin/env bash
# Runs a historical sync of a <platform> account for a demo tenant against the local platform's sandbox
# (deploy/local/sandbox plays each platform's object and list APIs with a few won deals / completed sales): connects the
# account by OAuth2 first when the tenant has no active connection of that platform (demo-connect), starts
# POST /api/v1/connections/{id}/syncs {"since": ...}, waits for the sync to finish, and prints the invoices it made.
# Running it again makes no new invoices (the same deals and sales are invoiced once).
# Usage: demo-sync.sh <run dir> <platform> [tenant number] [since, default 2026-10-01T00:00:00Z]
set -euo pipefail
run="$1"; platform="${2:-}"; n="${3:-1}"; since="${4:-2026-10-01T00:00:00Z}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$run/tenant-$n.env"
[ -f "$env_file" ] || { echo "No running platform (missing $env_file): run 'deploy/local/platform up' first." >&2; exit 1; }
command -v jq >/dev/null || { echo "demo-sync needs jq (apt-get install jq)." >&2; exit 1; }
# shellcheck disable=SC1090
source "$env_file"
api() { curl -sS -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' "$@"; }

case "$platform" in
  hubspot|salesforce|pipedrive|zoho|square|shopify|lightspeed|clover) ;;
  *) echo "usage: demo-sync <platform> [tenant] [since]; platforms: hubspot salesforce pipedrive zoho square shopify lightspeed clover" >&2; exit 2 ;;
esac

active() {
  api "$GATEWAY_URL/api/v1/connections" | jq -r --arg p "$platform" \
    '[.[] | select(.platform == $p and .auth == "oauth2" and .status == "ACTIVE")][0].id // empty'
}
id="$(active)"
if [ -z "$id" ]; then
  echo "0. No active $platform connection for tenant $n: connecting one (demo-connect)"
  bash "$here/demo-connect.sh" "$run" "$platform" "$n" | sed 's/^/   /'
  id="$(active)"
  [ -n "$id" ] || { echo "   the $platform connection did not become ACTIVE" >&2; exit 1; }
fi
echo "1. The $platform connection $id of tenant $n"

before="$(api "$GATEWAY_URL/api/v1/invoices?connectionId=$id&limit=100" | jq '.items | length')"

echo "2. Start a historical sync: POST $GATEWAY_URL/api/v1/connections/$id/syncs {\"since\": \"$since\"}"
started="$(api -X POST "$GATEWAY_URL/api/v1/connections/$id/syncs" -d '{"since":"'"$since"'"}')"
sync="$(jq -r .id <<<"$started")"
[ "$sync" != null ] || { echo "$started" >&2; exit 1; }
echo "   sync $sync is $(jq -r .status <<<"$started")"

echo "3. Wait for it: GET $GATEWAY_URL/api/v1/connections/$id/syncs/$sync"
status=""
for _ in $(seq 1 120); do
  view="$(api "$GATEWAY_URL/api/v1/connections/$id/syncs/$sync")"
  status="$(jq -r .status <<<"$view")"
  case "$status" in SUCCEEDED|FAILED) break ;; esac
  sleep 1
done
jq '{status, counts, startedAt, finishedAt, lastError}' <<<"$view" | sed 's/^/   /'
[ "$status" = SUCCEEDED ] || { echo "   the sync did not succeed" >&2; exit 1; }

published="$(jq -r '.counts.published // 0' <<<"$view")"
echo "4. The invoices of this connection: GET $GATEWAY_URL/api/v1/invoices?connectionId=$id"
# The sync published its events through the outbox; sync-worker and invoice-service invoice them shortly after.
invoices=""
for _ in $(seq 1 60); do
  invoices="$(api "$GATEWAY_URL/api/v1/invoices?connectionId=$id&limit=100")"
  count="$(jq '.items | length' <<<"$invoices")"
  [ "$count" -ge "$published" ] && [ "$count" -ge "$before" ] && [ "$count" -gt 0 ] && break
  sleep 1
done
jq -r '.items[] | "   \(.number)  \(.source.platform) \(.source.externalId)  \(.client.name // "(no name)")  \(.currency) \(.total)  (\(.lines | length) line(s))"' <<<"$invoices"
echo "   $(jq '.items | length' <<<"$invoices") invoice(s) for the connection ($before before this sync; $published event(s) published by it)"
