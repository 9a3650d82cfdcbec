#!/usr/bin/env bash
# Two app nodes (two processes, two ports) on one database:
#   - the nightly verification schedule, republished to fire every two minutes, runs once per firing although
#     both nodes fire it (ShedLock in table job_lock);
#   - a policy pack applied on node A is in force on node B within one second;
#   - a task approved on node A is gone from the approver's inbox on node B within one second.
#
# Usage: benchmarks/drills/two-node-drill.sh   Environment: PACK_ROUNDS (default 10), INBOX_ROUNDS (default 10),
# SCHEDULE_FIRINGS (default 2: how many firings to wait for), and those of lib.sh.
source "$(dirname "$0")/lib.sh"

PACK_ROUNDS=${PACK_ROUNDS:-10}
INBOX_ROUNDS=${INBOX_ROUNDS:-10}
SCHEDULE_FIRINGS=${SCHEDULE_FIRINGS:-2}
PACK=gb30871-2022
CRON='0 */2 * * * *'

pg_start twonode
trap 'app_stop a; app_stop b; pg_stop' EXIT
app_start a
app_wait a >/dev/null
TENANT=$(sql "select id from tenant where code = 'demo'")

# The schedule is republished before node B starts, so both nodes register it (each registers at start).
api a admin GET /metadata/schedule | json '[d["body"] for d in r if d["key"] == "nightly-verification"][0]' \
    | python3 -c "import json,sys; b=json.load(sys.stdin); b['cron']='$CRON'; print(json.dumps(b, ensure_ascii=False))" \
    >"$SCRATCH/schedule.json"
api a admin PUT /metadata/schedule/nightly-verification/draft "$(cat "$SCRATCH/schedule.json")" >/dev/null
api a admin POST /metadata/schedule/nightly-verification/publish >/dev/null
[ "$(status)" = 200 ] || { log "schedule publish failed: $(cat "$DRILL_WORK/last-body.$$")"; exit 1; }
app_start b
app_wait b >/dev/null
BOTH_UP=$(date +%s)
log "both nodes up; the schedule fires at every even minute"

IFS='|' read -r WELDER_NAME WELDER_ID WELDER_CERT < <(sql "select p.name, p.id_number, c.cert_number
    from certificate c join person p on p.id = c.person_id
    where c.item = '熔化焊接与热切割作业' and c.state = 'VALID' and not p.permit_frozen order by p.id limit 1")
api a worker GET /permit-types/hot-work/initial-data >"$SCRATCH/initial-data.json"

# poll_until NODE USER PATH PYTHON-CONDITION: reads every 20 ms for at most 5 s until the condition holds on the
# response. Prints when the first read that saw it was sent and when its response came, in ms after the call, or
# "timeout". On a loaded machine a read itself takes hundreds of ms, so the time it was sent is the one compared.
poll_until() {
    local node=$1 user=$2 path=$3 condition=$4 start sent
    start=$(now_ms)
    while [ $(($(now_ms) - start)) -lt 5000 ]; do
        sent=$(($(now_ms) - start))
        if [ "$(api "$node" "$user" GET "$path" | json "$condition" 2>/dev/null)" = True ]; then
            echo "$sent/$(($(now_ms) - start))"; return
        fi
        sleep 0.02
    done
    echo timeout
}

record_timings() { # name tried timings (sent/answered)...
    local name=$1 tried=$2; shift 2
    local passed=0 t
    for t in "$@"; do [ "$t" != timeout ] && [ "${t%/*}" -le 1000 ] && passed=$((passed + 1)); done
    result "$name" "$tried" "$passed" "$(printf '%s\n' "$@" | python3 -c '
import sys
v = [tuple(map(int, x.split("/"))) for x in sys.stdin.read().split() if x != "timeout"]
sent, answered = sorted(s for s, a in v), sorted(a for s, a in v)
print(f"the read on node B that first saw it was sent after median {sent[len(v)//2]} ms, max {sent[-1]} ms, "
      f"and answered after median {answered[len(v)//2]} ms, max {answered[-1]} ms" if v else "never seen")')"
}

# Pack on A, in force on B. A pack is in force for an evaluation when its ruleset version is the newest published
# one: PermitRiskAssessor, PermitQualification and SiteRuleCheck read that version from the database at each
# evaluation. So node B must list the pack as ACTIVE and the pack's hot-work version as the published one.
PACK_TIMES=()
for round in $(seq 1 "$PACK_ROUNDS"); do
    active=$(sql "select id from policy_pack_install where tenant_id = $TENANT and status = 'ACTIVE' and pack_id = '$PACK'")
    [ -n "$active" ] && api a admin POST "/policy-packs/$active/rollback" >/dev/null
    api a admin GET /metadata/ruleset | json '[d["body"] for d in r if d["key"] == "hot-work"][0]' >"$SCRATCH/hot-work.json"
    api a admin PUT /metadata/ruleset/hot-work/draft "$(python3 "$DRILLS/client.py" ruleset-variant "$SCRATCH/hot-work.json")" >/dev/null
    api a admin POST /metadata/ruleset/hot-work/publish >/dev/null
    api a admin POST "/policy-packs/bundled/$PACK/apply" >"$SCRATCH/applied.json"
    if [ "$(status)" != 200 ]; then log "apply failed: $(cat "$SCRATCH/applied.json")"; PACK_TIMES+=(timeout); continue; fi
    install=$(json 'r["id"]' <"$SCRATCH/applied.json")
    version=$(json 'r["publishedVersions"]["ruleset:hot-work"]' <"$SCRATCH/applied.json")
    t=$(poll_until b admin "/metadata/ruleset" "[d['version'] for d in r if d['key'] == 'hot-work'] == [$version]")
    [ "$(poll_until b admin "/policy-packs" "[p['status'] for p in r if p['id'] == $install] == ['ACTIVE']")" = timeout ] && t=timeout
    PACK_TIMES+=("$t")
    log "pack round $round: hot-work v$version in force on B, read sent/answered after $t ms"
done
record_timings "pack applied on A in force on B within 1 s" "$PACK_ROUNDS" "${PACK_TIMES[@]}"

# Task approved on A, gone from the approver's inbox on B.
INBOX_TIMES=()
for round in $(seq 1 "$INBOX_ROUNDS"); do
    permit=$(api a worker POST /permits "$(python3 "$DRILLS/client.py" permit "$SCRATCH/initial-data.json" \
        "$WELDER_NAME" "$WELDER_ID" "$WELDER_CERT")" | json 'r["id"]')
    api a worker POST "/permits/$permit/gas-readings" "$(python3 "$DRILLS/client.py" gas)" >/dev/null
    api a worker POST "/permits/$permit/submit" >/dev/null
    api b leader GET /tasks >"$SCRATCH/tasks.json"
    task=$(json "[t['taskId'] for t in r if t['permitId'] == $permit][0]" <"$SCRATCH/tasks.json")
    api a leader POST "/tasks/$task/risk-confirmations" "$(python3 "$DRILLS/client.py" confirmations "$SCRATCH/tasks.json" "$task")" >/dev/null
    in_b_inbox=$(api b leader GET /inbox/todo | json "'$task' in json.dumps(r)")
    api a leader POST "/tasks/$task/approve" '{"comment": "演练同意"}' >/dev/null
    if [ "$(status)" != 200 ] || [ "$in_b_inbox" != True ]; then
        log "inbox round $round: approve answered $(status), task in B's inbox before: $in_b_inbox"; INBOX_TIMES+=(timeout); continue
    fi
    t=$(poll_until b leader /inbox/todo "'$task' not in json.dumps(r)")
    [ "$(poll_until b leader /tasks "'$task' not in json.dumps(r)")" = timeout ] && t=timeout
    INBOX_TIMES+=("$t")
    log "inbox round $round: task $task gone from B's inbox, read sent/answered after $t ms"
done
record_timings "task approved on A gone from B's inbox within 1 s" "$INBOX_ROUNDS" "${INBOX_TIMES[@]}"

# The schedule: wait for the firings, then count runs per firing.
first=$(( (BOTH_UP / 120 + 1) * 120 ))
last=$(( first + (SCHEDULE_FIRINGS - 1) * 120 ))
while [ "$(date +%s)" -lt $((last + 30)) ]; do sleep 5; done
firings=0; once=0; detail=""
for fire in $(seq "$first" 120 "$last"); do
    runs=$(sql "select count(*) from verification_run where tenant_id = $TENANT and actor = 'system'
        and started_at >= to_timestamp($fire) and started_at < to_timestamp($fire + 60)")
    firings=$((firings + 1))
    [ "$runs" = 1 ] && once=$((once + 1))
    detail+=" $(date -u -d "@$fire" +%H:%M)=$runs run(s)"
done
started=$(cat "$DRILL_WORK"/a/app.log "$DRILL_WORK"/b/app.log | grep -c "Scheduled job certificate-verification of tenant $TENANT started" || true)
skipped=$(cat "$DRILL_WORK"/a/app.log "$DRILL_WORK"/b/app.log | grep -c "Job certificate-verification of tenant $TENANT skipped" || true)
result "scheduled job runs once on two nodes" "$firings" "$once" \
    "firings:$detail; triggers on both nodes $started, skipped for the lock $skipped"
