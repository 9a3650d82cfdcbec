#!/usr/bin/env bash
# Starts the app exactly as `./tezuo run` does (production jar, embedded H2, demo tenant, loopback stubs) in a
# temporary data folder and checks that the login page and the demo data are served. Run from the repository root.
set -euo pipefail

data_dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log="$data_dir/app.log"

mvn -B -q -Pproduction -DskipTests package
TEZUO_DATA_DIR="$data_dir" TEZUO_PORT="$port" java -jar ui/target/tezuo.jar >"$log" 2>&1 &
app_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base/login"; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "smoke: the app exited during start"; tail -50 "$log"; exit 1; fi
  sleep 1
done

# The demo tenant is seeded right after the web server starts, so wait until the API accepts the demo admin.
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null -u admin:Demo@2026 "$base/api/me"; then break; fi
  sleep 1
done

failures=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then echo "smoke: ok   $name"; else echo "smoke: FAIL $name"; failures=$((failures + 1)); fi
}
login_page() { curl -fsS "$base/login" | grep -q "<html"; }
demo_persons() { [ "$(curl -fsS -u admin:Demo@2026 "$base/api/persons" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" -ge 50 ]; }
demo_tenant() { curl -fsS -u admin:Demo@2026 "$base/api/me" | grep -q "演示化工有限公司"; }
h2_file() { ls "$data_dir"/tezuo*.db >/dev/null 2>&1; }
demo_records() { [ "$(curl -fsS -u admin:Demo@2026 "$base/api/records/gas_detector" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" -eq 5 ]; }
h2_query() {
  curl -fsS -u admin:Demo@2026 -H 'Content-Type: application/json' \
       -d '{"sql": "select status, count(*) as n from gas_detector group by status", "parameters": {}}' \
       "$base/api/query" | python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r["rows"]) == 3, r'
}
bpmn_viewer() { curl -fsS "$base/vendor/bpmn-js/dist/bpmn-navigated-viewer.production.min.js" | grep -c "BpmnJS" >/dev/null; }
inbox_counts() {
  curl -fsS -u admin:Demo@2026 "$base/api/inbox/counts" | python3 -c 'import json,sys; r=json.load(sys.stdin); assert "todo" in r, r'
}
# Writes that use database-generated ids: applying a bundled pack, rolling it back, saving a threshold override.
pack_apply_and_rollback() {
  local install
  install=$(curl -fsS -u admin:Demo@2026 -X POST "$base/api/policy-packs/bundled/mem-13-confined-space/apply" |
    python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["status"] == "ACTIVE", r; print(r["id"])') &&
  curl -fsS -o /dev/null -u admin:Demo@2026 -X POST "$base/api/policy-packs/$install/rollback"
}
threshold_override() {
  curl -fsS -o /dev/null -u admin:Demo@2026 -X PUT -H 'Content-Type: application/json' \
       -d '{"value": "0.4", "unit": "%vol", "reason": "冒烟测试：从严", "source": "企业标准 Q/DEMO 1"}' \
       "$base/api/standards/hot-work/flammableLimitHighLelPercentVol"
}

check "login page served" login_page
check "demo tenant present" demo_tenant
check "demo roster imported (50+ persons)" demo_persons
check "embedded H2 file under the data folder" h2_file
check "demo gas detectors stored as records" demo_records
check "query layer runs on H2" h2_query
check "bpmn-js viewer bundled in the jar" bpmn_viewer
check "approval inbox counts served" inbox_counts
check "policy pack applied and rolled back on H2" pack_apply_and_rollback
check "threshold override saved on H2" threshold_override

if [ "$failures" -gt 0 ]; then tail -80 "$log"; echo "0 passed, $failures failed"; exit 1; fi
echo "10 passed, 0 failed"
