#!/bin/bash
# The es-setup service of docker-compose.yml: signs in as the superuser (ELASTIC_PASSWORD) once, makes the role
# hotline_app (monitor the cluster; all on the hotline* indices, nothing else) and the user hotline_app with
# HOTLINE_ELASTICSEARCH_PASSWORD, then exits. Idempotent: a second run updates both.
set -euo pipefail

ES=${ES_URL:-http://elasticsearch:9200}
for name in ELASTIC_PASSWORD HOTLINE_ELASTICSEARCH_PASSWORD; do
    value="${!name:-}"
    if [ "${#value}" -lt 16 ] || [[ "$value" == change-me* ]]; then
        echo "hotline-es-setup: $name must be set to a random value of 16 characters or more" >&2
        exit 64
    fi
done

call() {
    local status
    status=$(curl -sS -o /tmp/answer -w '%{http_code}' -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
        -X "$1" "$ES$2" --data-binary @-)
    if [ "$status" -ge 300 ]; then
        echo "hotline-es-setup: $1 $2 answered $status: $(cat /tmp/answer)" >&2
        exit 1
    fi
}

call PUT /_security/role/hotline_app <<'JSON'
{"cluster": ["monitor"], "indices": [{"names": ["hotline*"], "privileges": ["all"]}]}
JSON

printf '{"password": "%s", "roles": ["hotline_app"], "full_name": "Hotline 114 application"}' \
    "$HOTLINE_ELASTICSEARCH_PASSWORD" | call PUT /_security/user/hotline_app

echo "hotline-es-setup: role and user hotline_app ready"
