# Shared functions of the fault drills; sourced by the drill scripts, never run by itself.
#
# Every drill runs against a PostgreSQL cluster of its own (initdb into the work folder, a free port on 127.0.0.1),
# so restarting it or killing app processes disturbs no other process. Every app process it starts listens on a
# free loopback port. Environment:
#   TEZUO_JAR    the app jar (default ui/target/tezuo.jar; build it with `mvn -B -o -DskipTests package`)
#   DRILL_WORK   work folder (default benchmarks/target/drills); the PostgreSQL data, app logs and results go here
#   PG_BIN       PostgreSQL server binaries (default: the newest under /usr/lib/postgresql)
#   JAVA_HOME    the JDK (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   DRILL_JAVA_OPTS  JVM options of the app (default -Xmx768m -XX:TieredStopAtLevel=1, which starts faster)

set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DRILLS="$REPO/benchmarks/drills"
TEZUO_JAR=${TEZUO_JAR:-$REPO/ui/target/tezuo.jar}
DRILL_WORK=${DRILL_WORK:-$REPO/benchmarks/target/drills}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
RESULTS="$DRILL_WORK/results.txt"
PASSWORD='Demo@2026'
# Files of one drill script; drills that run side by side must not share them.
SCRATCH="$DRILL_WORK/files-$(basename "$0" .sh)"
mkdir -p "$DRILL_WORK" "$SCRATCH"

declare -A APP_PID APP_PORT APP_READY_LINES

log() { echo "[$(date +%T)] $*" >&2; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

# Runs a PostgreSQL tool as the postgres user when called as root, since the server refuses to run as root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start NAME: creates a fresh private cluster and starts it; sets PG_PORT, PG_DATA and DB_URL.
pg_start() {
    local name=$1
    PG_DATA="$DRILL_WORK/$name/pgdata"
    PG_PORT=$(free_port)
    rm -rf "${DRILL_WORK:?}/$name"
    mkdir -p "$DRILL_WORK/$name"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DRILL_WORK/$name"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust >"$DRILL_WORK/$name/initdb.log"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$DRILL_WORK/$name/postgres.log" -w \
        -o "-p $PG_PORT -k $DRILL_WORK/$name -c listen_addresses=127.0.0.1" start >/dev/null
    DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tezuo"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database tezuo" >/dev/null
    log "PostgreSQL of $name on 127.0.0.1:$PG_PORT"
}

pg_restart() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w restart \
        -o "-p $PG_PORT -k $(dirname "$PG_DATA") -c listen_addresses=127.0.0.1" >/dev/null
}

pg_stop() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tezuo -At -F'|' -c "$1"; }

# app_start NAME [JAVA -D OPTIONS...]: starts the jar on a free port with the demo tenant, on this drill's database.
# The offline build has no Vaadin production bundle, so Vaadin's development-mode jars go on loader.path. The REST
# API that the drills use does not depend on them.
app_start() {
    local name=$1; shift
    [ -n "${APP_PORT[$name]:-}" ] || rm -rf "${DRILL_WORK:?}/$name"
    local port=${APP_PORT[$name]:-$(free_port)}
    APP_PORT[$name]=$port
    mkdir -p "$DRILL_WORK/$name"
    APP_READY_LINES[$name]=$(ready_lines "$name")
    (cd "$DRILL_WORK/$name" && TEZUO_DB_URL="$DB_URL" TEZUO_DB_USER=postgres TEZUO_DB_PASSWORD=unused \
        TEZUO_PORT="$port" TEZUO_DATA_DIR="$DRILL_WORK/$name/data" \
        exec "$JAVA_HOME/bin/java" ${DRILL_JAVA_OPTS:--Xmx768m -XX:TieredStopAtLevel=1} -Dserver.address=127.0.0.1 -Dvaadin.project.basedir="$REPO/ui" \
        -Dloader.path="$(dev_jars)" "$@" -cp "$TEZUO_JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        >>"$DRILL_WORK/$name/app.log" 2>&1) &
    APP_PID[$name]=$!
    log "app $name starting on 127.0.0.1:$port (pid ${APP_PID[$name]})"
}

# Vaadin development-mode jars from the local Maven repository (the jar leaves out optional dependencies).
dev_jars() {
    local m2=${M2_REPO:-$HOME/.m2/repository} v
    v=$(unzip -Z1 "$TEZUO_JAR" | sed -n 's#BOOT-INF/lib/flow-server-\(.*\)\.jar#\1#p' | head -1)
    local jars=("$m2/com/vaadin/vaadin-dev/$v/vaadin-dev-$v.jar" "$m2/com/vaadin/vaadin-dev-server/$v/vaadin-dev-server-$v.jar"
        "$m2/com/vaadin/vaadin-dev-bundle/$v/vaadin-dev-bundle-$v.jar")
    jars+=("$(ls "$m2"/com/vaadin/flow-build-tools/"$v"/*-shaded.jar)")
    local extra
    for extra in com/vaadin/license-checker com/nimbusds/nimbus-jose-jwt com/vaadin/open \
            com/github/javaparser/javaparser-core io/methvin/directory-watcher net/java/dev/jna/jna; do
        jars+=("$(ls "$m2/$extra"/*/*.jar | grep -v -e sources -e javadoc | sort -V | tail -1)")
    done
    (IFS=,; echo "${jars[*]}")
}

# The demo seeder runs on the main thread after the web server is up, and on the first start it runs a
# verification. So the app is ready once it logged "Demo tenant … ready".
ready_lines() {
    local lines
    lines=$(grep -c "Demo tenant .* ready" "$DRILL_WORK/$1/app.log" 2>/dev/null) || true
    echo "${lines:-0}"
}

# app_wait NAME: waits until the app is ready and accepts the demo admin, at most 300 s; prints the wait in ms.
app_wait() {
    local name=$1 start
    start=$(now_ms)
    for _ in $(seq 1 600); do
        if [ "$(ready_lines "$name")" -gt "${APP_READY_LINES[$name]}" ] \
                && curl -fsS -o /dev/null -u "admin:$PASSWORD" "http://127.0.0.1:${APP_PORT[$name]}/api/me" 2>/dev/null; then
            echo $(($(now_ms) - start))
            return 0
        fi
        if ! kill -0 "${APP_PID[$name]}" 2>/dev/null; then
            log "app $name exited during start"; tail -40 "$DRILL_WORK/$name/app.log" >&2; return 1
        fi
        sleep 0.5
    done
    log "app $name was not ready in 300 s"; return 1
}

app_kill9() { kill -9 "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; }

app_stop() { kill "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; }

# api NAME USER METHOD PATH [JSON BODY]: prints the response body; status prints the HTTP status of the last call.
api() {
    local name=$1 user=$2 method=$3 path=$4 body=${5:-}
    local args=(-sS -m 60 -u "$user:$PASSWORD" -X "$method" -o "$DRILL_WORK/last-body.$$" -w '%{http_code}')
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    curl "${args[@]}" "http://127.0.0.1:${APP_PORT[$name]}/api$path" >"$DRILL_WORK/last-status.$$" || echo 000 >"$DRILL_WORK/last-status.$$"
    cat "$DRILL_WORK/last-body.$$" 2>/dev/null || true
}

status() { cat "$DRILL_WORK/last-status.$$"; }

# json EXPRESSION: evaluates a Python expression over the JSON document on stdin, bound to r.
json() { python3 -c "import json,sys; r=json.load(sys.stdin); v=($1); print(v if isinstance(v,(str,int,float)) else json.dumps(v, ensure_ascii=False))"; }

# result DRILL TRIED PASSED DETAIL: appends one line to the results file and prints it.
result() {
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$RESULTS"
}

# Audit chain of the demo tenant, checked by the app itself.
audit_intact() {
    [ "$(api "$1" admin GET /audit/verification | json 'r["intact"]')" = True ]
}
