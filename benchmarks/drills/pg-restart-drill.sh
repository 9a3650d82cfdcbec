#!/usr/bin/env bash
# PostgreSQL restarts (pg_ctl restart -m fast on the drill's own cluster) while the app runs a certificate
# verification and while it serves a light load. The app must recover by itself: no app restart, later requests
# succeed, and an interrupted verification run is finished by the next run.
#
# Usage: benchmarks/drills/pg-restart-drill.sh   Environment: RUN_RESTARTS (default 2), LOAD_RESTARTS (default 3),
# and those of lib.sh.
source "$(dirname "$0")/lib.sh"

RUN_RESTARTS=${RUN_RESTARTS:-2}
LOAD_RESTARTS=${LOAD_RESTARTS:-3}

pg_start pgrestart
trap 'app_stop pg-app; pg_stop' EXIT
app_start pg-app
app_wait pg-app >/dev/null
APP=${APP_PID[pg-app]}
TENANT=$(sql "select id from tenant where code = 'demo'")
BASE="http://127.0.0.1:${APP_PORT[pg-app]}/api"

# first_success_ms: polls GET /api/verification/runs (a database read) until it returns 200; prints the ms.
first_success_ms() {
    local start
    start=$(now_ms)
    until [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' -u "admin:$PASSWORD" "$BASE/verification/runs")" = 200 ]; do
        [ $(($(now_ms) - start)) -gt 60000 ] && { echo timeout; return; }
        sleep 0.1
    done
    echo $(($(now_ms) - start))
}

# During a verification run. The demo run checks 51 certificates against the loopback registry stub in about 10 s,
# so a restart 3 s after the run started lands inside it.
run_passed=0
RUN_DETAIL=""
for round in $(seq 1 "$RUN_RESTARTS"); do
    before_runs=$(sql "select count(*) from verification_run where tenant_id = $TENANT")
    curl -s -m 120 -o "$SCRATCH/run.json" -w '%{http_code}' -u "admin:$PASSWORD" -X POST "$BASE/verification/runs" \
        >"$SCRATCH/run.status" &
    run_request=$!
    sleep 3
    run_id=$(sql "select max(id) from verification_run where tenant_id = $TENANT")
    checked_before=$(sql "select count(*) from verification_check where run_id = $run_id")
    pg_restart
    recovered=$(first_success_ms)
    wait "$run_request" || true
    first_status=$(cat "$SCRATCH/run.status")
    first_finished=$(sql "select finished_at is not null from verification_run where id = $run_id")
    # Run again: an unfinished run is resumed and finished; a finished one is followed by a new run.
    again_status=$(curl -s -m 120 -o "$SCRATCH/run2.json" -w '%{http_code}' -u "admin:$PASSWORD" -X POST "$BASE/verification/runs")
    again_id=$(json 'r["verification"]["id"]' <"$SCRATCH/run2.json" 2>/dev/null || echo none)
    again_checked=$(json 'r["verification"]["checked"]' <"$SCRATCH/run2.json" 2>/dev/null || echo 0)
    unfinished=$(sql "select count(*) from verification_run where tenant_id = $TENANT and finished_at is null")
    checked=$(sql "select checked from verification_run where id = $run_id")
    certificates=$(sql "select count(*) from certificate where tenant_id = $TENANT")
    line="run round $round: run $run_id had $checked_before checks at the restart; its request answered $first_status,"
    line+=" finished: $first_finished with $checked of $certificates certificates checked; API answered again after"
    line+=" $recovered ms; the next run answered $again_status with run $again_id, $again_checked checked; unfinished runs: $unfinished"
    log "$line"; echo "$line" >>"$DRILL_WORK/pg-restart.log"
    RUN_DETAIL+=" $first_status/$first_finished/$checked/$again_checked"
    if kill -0 "$APP" && [ "$recovered" != timeout ] && [ "$again_status" = 200 ] && [ "$unfinished" = 0 ] \
            && [ "$again_checked" = "$certificates" ]; then
        run_passed=$((run_passed + 1))
    fi
done
result "PostgreSQL restart during a verification run" "$RUN_RESTARTS" "$run_passed" \
    "per round, status of the interrupted run's request/finished/certificates it checked/checked by the next run:$RUN_DETAIL (of $certificates); app not restarted"

# During a light load: four clients, each sending a read or a permit draft 100 ms after its previous response, for
# 20 s around each restart. Each line of a client's file is: sent at, response at (ms), HTTP status.
load_client() { # user path method out
    local end=$(($(now_ms) + 20000))
    while [ "$(now_ms)" -lt "$end" ]; do
        local sent code body=()
        [ -n "${5:-}" ] && body=(-H 'Content-Type: application/json' --data-binary "$5")
        sent=$(now_ms)
        code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -u "$1:$PASSWORD" -X "$3" "${body[@]}" "$BASE$2")
        echo "$sent $(now_ms) $code" >>"$4"
        sleep 0.1
    done
}
api pg-app worker GET /permit-types/hot-work/initial-data >"$SCRATCH/initial-data.json"
draft=$(python3 -c 'import json,sys; print(json.dumps({"type": "hot-work", "data": json.load(open(sys.argv[1]))}, ensure_ascii=False))' "$SCRATCH/initial-data.json")
load_passed=0
for round in $(seq 1 "$LOAD_RESTARTS"); do
    out="$SCRATCH/load-$round"
    rm -f "$out".*
    clients=()
    load_client admin /persons GET "$out.persons" & clients+=($!)
    load_client leader /tasks GET "$out.tasks" & clients+=($!)
    load_client admin /inbox/counts GET "$out.counts" & clients+=($!)
    load_client worker /permits POST "$out.drafts" "$draft" & clients+=($!)
    sleep 6
    restart_start=$(now_ms)
    pg_restart
    restart_end=$(now_ms)
    wait "${clients[@]}"
    line=$(cat "$out".* | python3 -c "
import sys
rows = [tuple(map(int, l.split())) for l in sys.stdin]
start, end = $restart_start, $restart_end
ok = lambda c: c in (200, 201)
done_before = [c for s, r, c in rows if r < start]
failed = [(s, r, c) for s, r, c in rows if not ok(c)]
in_flight = [f for f in failed if f[0] <= end and f[1] >= start]
recovered = min((s for s, r, c in rows if s > end and ok(c)), default=None)
late = [c for s, r, c in rows if s > end + 5000]
print(f'{len(rows)} requests ({len(rows) / 20:.1f}/s); {len(failed)} failed, {len(in_flight)} of them in flight '
      f'during the restart, with status {sorted(set(c for s, r, c in failed))}; the restart took {end - start} ms; '
      f'first success sent {recovered - end if recovered else None} ms after it; {len(late) - sum(map(ok, late))} '
      f'of {len(late)} sent from 5 s after it failed'
      f'|{int(all(map(ok, done_before)) and len(in_flight) == len(failed) and all(map(ok, late)) and len(late) > 0)}')")
    log "load round $round: ${line%|*}"; echo "load round $round: ${line%|*}" >>"$DRILL_WORK/pg-restart.log"
    if kill -0 "$APP" && [ "${line##*|}" = 1 ]; then load_passed=$((load_passed + 1)); fi
done
result "PostgreSQL restart during a light load" "$LOAD_RESTARTS" "$load_passed" \
    "4 clients (persons, tasks, inbox counts, new permit drafts); passed: only requests in flight during the restart failed, every request sent from 5 s after it succeeded, app not restarted; rates and failures per round in pg-restart.log"
listener=$(grep -c "Policy-change listener lost its connection" "$DRILL_WORK/pg-app/app.log" || true)
relisten=$(grep -c "Listening for policy changes" "$DRILL_WORK/pg-app/app.log" || true)
log "policy-change listener: lost its connection $listener times, listening again $relisten times (1 at start)"
