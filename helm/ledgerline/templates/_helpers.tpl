{{/*
What the chart knows about each part of the platform (not values: this is the architecture).
  app       the service's name (image, labels, spring.application.name)
  portEnv   the variable deploy/config-repo reads the service's port from
  database  it owns a PostgreSQL database
  kafka     it produces or consumes (Kafka and the registry)
  calls     the platform services it calls over HTTP (JWKS, token, credentials, routing)
  internet  it calls external APIs over HTTPS (connector-service: the platforms' APIs and token endpoints)
*/}}
{{- define "ledgerline.components" -}}
gateway:
  app: gateway-service
  portEnv: LEDGERLINE_GATEWAY_PORT
  # rate limit buckets shared by its replicas (gateway_service); identity.credentials.v1 evicts cached tokens
  database: true
  kafka: true
  calls: [apikey, connector, webhookIngest, syncWorker, invoice]
apikey:
  app: apikey-service
  portEnv: LEDGERLINE_APIKEY_PORT
  database: true
  # its outbox relay publishes identity.credentials.v1
  kafka: true
connector:
  app: connector-service
  portEnv: LEDGERLINE_CONNECTOR_PORT
  database: true
  kafka: true
  calls: [apikey]
  internet: true
webhookIngest:
  app: webhook-ingest-service
  portEnv: LEDGERLINE_INGEST_PORT
  database: true
  kafka: true
  calls: [apikey, connector]
syncWorker:
  app: sync-worker
  portEnv: LEDGERLINE_SYNC_WORKER_PORT
  database: true
  kafka: true
  calls: [apikey]
invoice:
  app: invoice-service
  portEnv: LEDGERLINE_INVOICE_PORT
  database: true
  kafka: true
  calls: [apikey]
  # HTTPS out: the FIRS submission (ADR 0015) calls the FIRS e-invoicing API.
  internet: true
configServer:
  app: config-server
  configServer: true
{{- end -}}

{{- define "ledgerline.name" -}}
{{- printf "%s-%s" .root.Release.Name .app | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ledgerline.selectorLabels" -}}
app.kubernetes.io/name: {{ .app }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ledgerline.labels" -}}
{{ include "ledgerline.selectorLabels" . }}
app.kubernetes.io/part-of: ledgerline
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels every Ledgerline pod of this release carries. */}}
{{- define "ledgerline.partOf" -}}
app.kubernetes.io/part-of: ledgerline
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "ledgerline.url" -}}
{{- $c := index (include "ledgerline.components" .root | fromYaml) .key -}}
http://{{ include "ledgerline.name" (dict "root" .root "app" $c.app) }}:{{ ternary 8888 8080 (eq .key "configServer") }}
{{- end -}}

{{/* A secretKeyRef from a {name, key} reference. */}}
{{- define "ledgerline.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "secrets: %s needs a name" .env) .ref.name }}
      key: {{ required (printf "secrets: %s needs a key" .env) .ref.key }}
{{- end -}}

{{/* The effective settings of one service: values.defaults overlaid with services.<key>. */}}
{{- define "ledgerline.settings" -}}
{{- $own := index .root.Values.services .key | default dict -}}
{{- mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own) | toYaml -}}
{{- end -}}

{{/* The NetworkPolicyPeer list of a release's Ledgerline pod. */}}
{{- define "ledgerline.peer" -}}
- podSelector:
    matchLabels:
      {{- include "ledgerline.selectorLabels" . | nindent 6 }}
{{- end -}}
