#!/usr/bin/env bash
# kill -9 of the app while it applies a policy pack, publishes a metadata document and approves a permit task. After
# a restart each of the three must be entirely done or entirely undone, and the audit chain must verify.
#
# Each round prepares the three operations, sends them at once and kills the app:
#   locked rounds  A psql session first locks the tenant's row in audit_chain_head. Every audited transaction
#                  locks that row just before its commit, so all three requests stop inside their transactions
#                  with their other writes done. The kill comes once all three wait there, then the lock is freed.
#   timed rounds   The kill comes a random 0 to KILL_MAX_MS ms after the requests were sent, without any lock.
#
# Usage: benchmarks/drills/kill-drill.sh   Environment: LOCKED_ROUNDS (default 4), TIMED_ROUNDS (default 4),
# KILL_MAX_MS (default 3000), and those of lib.sh.
source "$(dirname "$0")/lib.sh"

LOCKED_ROUNDS=${LOCKED_ROUNDS:-4}
TIMED_ROUNDS=${TIMED_ROUNDS:-4}
KILL_MAX_MS=${KILL_MAX_MS:-3000}
PACK=gb30871-2022
APP=kill-app
DICT=drill-note

pg_start kill
trap 'app_kill9 "$APP"; pg_stop' EXIT
app_start "$APP"
app_wait "$APP" >/dev/null
TENANT=$(sql "select id from tenant where code = 'demo'")
IFS='|' read -r WELDER_NAME WELDER_ID WELDER_CERT < <(sql "select p.name, p.id_number, c.cert_number
    from certificate c join person p on p.id = c.person_id
    where c.item = '熔化焊接与热切割作业' and c.state = 'VALID' and not p.permit_frozen order by p.id limit 1")
api "$APP" worker GET /permit-types/hot-work/initial-data >"$SCRATCH/initial-data.json"

count() { sql "$1"; }
audit_count() { count "select count(*) from audit_log where tenant_id = $TENANT and action = '$1' ${2:-}"; }

# Prepares one round. It rolls back the active pack and publishes a hot-work ruleset that differs from the pack's,
# so that applying the pack publishes a new version. It saves a new draft of the drill dictionary, submits a permit
# and confirms the risk items of its first task. Sets the B_* "before" values and the ids the round works on.
prepare() {
    local active
    active=$(count "select id from policy_pack_install where tenant_id = $TENANT and status = 'ACTIVE' and pack_id = '$PACK'")
    if [ -n "$active" ]; then
        api "$APP" admin POST "/policy-packs/$active/rollback" >/dev/null
        [ "$(status)" = 200 ] || { log "rollback failed: $(cat "$DRILL_WORK/last-body.$$")"; return 1; }
    fi
    api "$APP" admin GET /metadata/ruleset | json '[d["body"] for d in r if d["key"] == "hot-work"][0]' >"$SCRATCH/hot-work.json"
    api "$APP" admin PUT /metadata/ruleset/hot-work/draft "$(python3 "$DRILLS/client.py" ruleset-variant "$SCRATCH/hot-work.json")" >/dev/null
    api "$APP" admin POST /metadata/ruleset/hot-work/publish >/dev/null
    [ "$(status)" = 200 ] || { log "ruleset publish failed: $(cat "$DRILL_WORK/last-body.$$")"; return 1; }

    api "$APP" admin PUT "/metadata/dictionary/$DICT/draft" "{\"label\": {\"zh\": \"演练备注\", \"en\": \"Drill note\"},
        \"items\": [{\"code\": \"r$(now_ms)\", \"label\": {\"zh\": \"第 $ROUND 轮\", \"en\": \"Round $ROUND\"}}]}" >"$SCRATCH/draft.json"
    [ "$(status)" = 200 ] || { log "dictionary draft failed: $(cat "$SCRATCH/draft.json")"; return 1; }
    DICT_VERSION=$(json 'r["version"]' <"$SCRATCH/draft.json")

    local permit
    permit=$(api "$APP" worker POST /permits "$(python3 "$DRILLS/client.py" permit "$SCRATCH/initial-data.json" \
        "$WELDER_NAME" "$WELDER_ID" "$WELDER_CERT")" | json 'r["id"]')
    api "$APP" worker POST "/permits/$permit/gas-readings" "$(python3 "$DRILLS/client.py" gas)" >/dev/null
    api "$APP" worker POST "/permits/$permit/submit" >/dev/null
    [ "$(status)" = 200 ] || { log "submit failed: $(cat "$DRILL_WORK/last-body.$$")"; return 1; }
    api "$APP" leader GET /tasks >"$SCRATCH/tasks.json"
    TASK=$(json "[t['taskId'] for t in r if t['permitId'] == $permit][0]" <"$SCRATCH/tasks.json")
    PROCESS=$(count "select proc_inst_id_ from act_ru_task where id_ = '$TASK'")
    api "$APP" leader POST "/tasks/$TASK/risk-confirmations" "$(python3 "$DRILLS/client.py" confirmations "$SCRATCH/tasks.json" "$TASK")" >/dev/null

    B_HOT=$(count "select max(version) from metadata_document where tenant_id = $TENANT and kind = 'ruleset' and doc_key = 'hot-work' and status = 'PUBLISHED'")
    B_ACTIVE=$(count "select count(*) from policy_pack_install where tenant_id = $TENANT and status = 'ACTIVE'")
    B_INSTALLS=$(count "select count(*) from policy_pack_install where tenant_id = $TENANT")
    B_APPLY=$(audit_count policy-pack.apply)
    B_PUBLISH=$(audit_count metadata.publish "and subject_id like 'dictionary:$DICT%'")
    B_APPROVE=$(audit_count permit.approve)
}

# Each check prints "before", "after" or "MIXED: ..." for one operation.
check_pack() {
    local hot active installs applies published
    hot=$(count "select max(version) from metadata_document where tenant_id = $TENANT and kind = 'ruleset' and doc_key = 'hot-work' and status = 'PUBLISHED'")
    active=$(count "select count(*) from policy_pack_install where tenant_id = $TENANT and status = 'ACTIVE'")
    installs=$(count "select count(*) from policy_pack_install where tenant_id = $TENANT")
    applies=$(audit_count policy-pack.apply)
    published=$(count "select published_versions::json->>'ruleset:hot-work' from policy_pack_install where tenant_id = $TENANT and status = 'ACTIVE'")
    if [ "$hot" = "$B_HOT" ] && [ "$active" = "$B_ACTIVE" ] && [ "$installs" = "$B_INSTALLS" ] && [ "$applies" = "$B_APPLY" ]; then
        echo before
    elif [ "$hot" = $((B_HOT + 1)) ] && [ "$active" = $((B_ACTIVE + 1)) ] && [ "$installs" = $((B_INSTALLS + 1)) ] \
            && [ "$applies" = $((B_APPLY + 1)) ] && [ "$published" = "$hot" ]; then
        echo after
    else
        echo "MIXED: hot-work v$B_HOT->v$hot, active $B_ACTIVE->$active, installs $B_INSTALLS->$installs, apply audits $B_APPLY->$applies, pack names v$published"
    fi
}

check_publish() {
    local state audits
    state=$(count "select status from metadata_document where tenant_id = $TENANT and kind = 'dictionary' and doc_key = '$DICT' and version = $DICT_VERSION")
    audits=$(audit_count metadata.publish "and subject_id like 'dictionary:$DICT%'")
    if [ "$state" = DRAFT ] && [ "$audits" = "$B_PUBLISH" ]; then echo before
    elif [ "$state" = PUBLISHED ] && [ "$audits" = $((B_PUBLISH + 1)) ]; then echo after
    else echo "MIXED: v$DICT_VERSION is $state, publish audits $B_PUBLISH->$audits"; fi
}

check_approval() {
    local task records audits next
    task=$(count "select count(*) from act_ru_task where id_ = '$TASK'")
    records=$(count "select count(*) from approval_record where task_id = '$TASK'")
    audits=$(audit_count permit.approve)
    next=$(count "select count(*) from act_ru_task where proc_inst_id_ = '$PROCESS' and id_ <> '$TASK'")
    if [ "$task" = 1 ] && [ "$records" = 0 ] && [ "$audits" = "$B_APPROVE" ] && [ "$next" = 0 ]; then echo before
    elif [ "$task" = 0 ] && [ "$records" = 1 ] && [ "$audits" = $((B_APPROVE + 1)) ] && [ "$next" = 1 ]; then echo after
    else echo "MIXED: task rows $task, approval records $records, approve audits $B_APPROVE->$audits, next tasks $next"; fi
}

declare -A TRIED PASSED OUTCOMES
fire() {
    local base="http://127.0.0.1:${APP_PORT[$APP]}/api" o="$SCRATCH/fire"
    curl -s -m 120 -o "$o-pack" -u "admin:$PASSWORD" -X POST "$base/policy-packs/bundled/$PACK/apply" &
    curl -s -m 120 -o "$o-publish" -u "admin:$PASSWORD" -X POST "$base/metadata/dictionary/$DICT/publish" &
    curl -s -m 120 -o "$o-approve" -u "leader:$PASSWORD" -H 'Content-Type: application/json' \
        -d '{"comment": "演练同意"}' -X POST "$base/tasks/$TASK/approve" &
}

waiting_backends() {
    count "select count(*) from pg_stat_activity where datname = 'tezuo' and wait_event_type = 'Lock'
        and application_name <> 'drill-locker'"
}

run_round() { # mode
    local mode=$1 inside=n/a delay=n/a restart op outcome
    prepare
    if [ "$mode" = locked ]; then
        PGAPPNAME=drill-locker psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tezuo -qAt -c "begin" \
            -c "select last_seq from audit_chain_head where tenant_id = $TENANT for update" \
            -c "select pg_sleep(300)" >/dev/null 2>&1 &
        local locker=$!
        until [ "$(count "select count(*) from pg_stat_activity where application_name = 'drill-locker' and query like '%pg_sleep%'")" = 1 ]; do sleep 0.1; done
        fire
        for _ in $(seq 1 200); do
            inside=$(waiting_backends)
            [ "$inside" -ge 3 ] && break
            sleep 0.1
        done
        app_kill9 "$APP"
        [ "$inside" -ge 3 ] && LOCKED_INSIDE=$((LOCKED_INSIDE + 1))
        count "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'drill-locker'" >/dev/null
        wait "$locker" 2>/dev/null || true
    else
        delay=$((RANDOM % (KILL_MAX_MS + 1)))
        fire
        sleep "$(awk "BEGIN { print $delay / 1000 }")"
        app_kill9 "$APP"
    fi
    wait 2>/dev/null || true
    # Let PostgreSQL end the dead process's sessions, then start the app again on the same port.
    for _ in $(seq 1 100); do
        [ "$(count "select count(*) from pg_stat_activity where datname = 'tezuo' and application_name <> 'psql' and state <> 'idle'")" = 0 ] && break
        sleep 0.1
    done
    app_start "$APP"
    restart=$(app_wait "$APP")
    local line="round $ROUND $mode (backends waiting at kill: $inside, delay: $delay ms, restart $restart ms):"
    for op in pack publish approval; do
        outcome=$("check_$op")
        TRIED[$op]=$((${TRIED[$op]:-0} + 1))
        [[ $outcome == MIXED* ]] || PASSED[$op]=$((${PASSED[$op]:-0} + 1))
        OUTCOMES[$op.$mode]="${OUTCOMES[$op.$mode]:-} $outcome"
        line+=" $op=$outcome"
    done
    if audit_intact "$APP"; then line+=" audit=intact"; else line+=" audit=BROKEN"; AUDIT_BROKEN=$((AUDIT_BROKEN + 1)); fi
    log "$line"
    echo "$line" >>"$DRILL_WORK/kill-drill.log"
}

AUDIT_BROKEN=0
LOCKED_INSIDE=0
ROUND=0
for _ in $(seq 1 "$LOCKED_ROUNDS"); do ROUND=$((ROUND + 1)); run_round locked; done
for _ in $(seq 1 "$TIMED_ROUNDS"); do ROUND=$((ROUND + 1)); run_round timed; done

summary() { # op mode
    local words=${OUTCOMES[$1.$2]:-}
    echo "$2: $(grep -o before <<<"$words" | wc -l) before, $(grep -o after <<<"$words" | wc -l) after"
}
for op in pack publish approval; do
    result "kill -9 during $op" "${TRIED[$op]}" "${PASSED[$op]:-0}" \
        "$(summary "$op" locked); $(summary "$op" timed); all three requests waited inside their transactions at the kill in $LOCKED_INSIDE of $LOCKED_ROUNDS locked rounds"
done
result "audit chain after kill -9" "$ROUND" "$((ROUND - AUDIT_BROKEN))" "GET /api/audit/verification intact after each restart"
