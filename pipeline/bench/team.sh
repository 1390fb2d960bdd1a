#!/usr/bin/env bash
# Throughput of the curation API (issue 15, "Performance"): (a) one ./sai serve on the embedded H2 file, (b) two
# ./sai serve instances on one PostgreSQL database, the clients split across them. Closed-loop clients on loopback
# (org.sovereignai.bench.CurationLoad): sustained submissions per second (a 50-row update sheet each, content no other
# request sends) and review decisions per second (approvals of changes that conflict with nothing), with p50/p99.
# A benchmark, not a test; CI does not run it. See docs/benchmarks.md, "Curation on one and two servers".
#
# Usage: pipeline/bench/team.sh      (needs PostgreSQL's server binaries: apt-get install -y postgresql; and curl)
#
# Environment:
#   BENCH_DIR  scratch folder (default /tmp/sai-team-bench; never inside the repo)
#   N          records of the base release (default 2000; the decisions phase prepares N*4 changes)
#   CLIENTS    concurrent clients (default 20)   DURATION  measured seconds of each phase (default 20)
#   WARMUP     seconds of submissions not measured (default 40: two fresh JVMs compile the same code twice, and a
#              shorter warm-up measured the JIT more than the servers)
#   DECIDE_WARMUP  seconds of approvals not measured (default 5; the servers are warm by then)
#   ROUNDS     how many times each measurement is repeated, H2 and PostgreSQL alternating (default 2)
#   PORT       the first server's port (default 18281; the second uses PORT+1)   PGPORT  PostgreSQL's port (default 18290)
#   PGBIN      folder of initdb/pg_ctl/postgres (default: the newest /usr/lib/postgresql/*/bin)
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/sai-team-bench}"
n="${N:-2000}"; clients="${CLIENTS:-20}"; warm="${WARMUP:-40}"; dwarm="${DECIDE_WARMUP:-5}"; dur="${DURATION:-20}"; rounds="${ROUNDS:-2}"
port="${PORT:-18281}"; pgport="${PGPORT:-18290}"
pgbin="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
quarter=2026-Q2
case "$bench" in "$repo"/*) echo "BENCH_DIR must be outside the repo" >&2; exit 2 ;; esac
for t in curl java mvn; do command -v "$t" >/dev/null || { echo "needs $t" >&2; exit 2; }; done
[ -x "$pgbin/pg_ctl" ] || { echo "needs PostgreSQL's server binaries (apt-get install -y postgresql), or PGBIN" >&2; exit 2; }
mkdir -p "$bench/logs"

# ---- build once, then run a copy: the launcher rebuilds when sources are newer than the jar, and other work on this
# checkout must not trigger that mid-run ---------------------------------------------------------------------------
(cd "$repo" && mvn -B -q -DskipTests package >&2 && mvn -B -q test-compile >&2 && \
   mvn -q -B -f pipeline/pom.xml dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >&2) || exit 2
tree="$bench/tree"; rm -rf "$tree"; mkdir -p "$tree/pipeline/target" "$bench/classes"
cp -a "$repo/sai" "$repo/pom.xml" "$repo/schemas" "$tree/"
cp -a "$repo/pipeline/pom.xml" "$tree/pipeline/"
cp -a "$repo/pipeline/target/sai.jar" "$tree/pipeline/target/"
touch "$tree/pipeline/target/sai.jar"
rm -rf "$bench/classes"; cp -a "$repo/pipeline/target/test-classes" "$bench/classes"
cp_load="$bench/classes:$tree/pipeline/target/sai.jar:$(cat "$bench/cp.txt")"
commit="$(cd "$repo" && git rev-parse --short HEAD)"

# ---- the base release: N generated records (BenchData), published as 2026-Q1 ----------------------------------------
template="$bench/template-$n"
if [ ! -f "$template/snapshots/2026-Q1/manifest.json" ]; then
  java -cp "$cp_load" org.sovereignai.bench.WholeProcessData "$bench/data" "$n" >&2 || exit 2
  rm -rf "$template"; mkdir -p "$template/snapshots" "$template/curation"; cp -a "$repo/schemas" "$template/"
  "$tree/sai" release 2026-Q1 --from "$bench/data/$n/new.csv" --home "$template" >&2 || exit 2
  rm -rf "$template/curation/db"
fi
ids="$template/snapshots/2026-Q1/projects.csv"

# ---- PostgreSQL: a cluster of its own under BENCH_DIR, password sign-in over TCP as an operator would set it up ----
pgdata="$bench/pg/data"; pgpass="$bench/pg-password"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$pgdata/PG_VERSION" ]; then
  rm -rf "$bench/pg"; mkdir -p "$bench/pg"; [ "$(id -u)" = 0 ] && chown postgres "$bench/pg"
  echo "sai-bench-$$-$RANDOM" > "$pgpass"; chmod 644 "$pgpass"
  echo "bench-superuser" > "$bench/pg/su"; [ "$(id -u)" = 0 ] && chown postgres "$bench/pg/su"
  as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A scram-sha-256 --pwfile="$bench/pg/su" > "$bench/logs/initdb.log" 2>&1 || { tail "$bench/logs/initdb.log" >&2; exit 2; }
fi
pg_stop() { as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop > /dev/null 2>&1; }
as_pg "$pgbin/pg_ctl" -D "$pgdata" -w -l "$bench/pg/log" -o "-p $pgport -k $bench/pg -c listen_addresses=127.0.0.1" start > /dev/null || exit 2
psql_su() { PGPASSWORD="$(cat "$bench/pg/su")" psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
psql_su -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sai') THEN CREATE ROLE sai LOGIN; END IF; END \$\$" \
  -c "ALTER ROLE sai PASSWORD '$(cat "$pgpass")'" || exit 2
pg_version="$("$pgbin/postgres" --version)"

# ---- one measurement --------------------------------------------------------------------------------------------
pids=()
stop_servers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  pids=()
}
trap 'stop_servers; pg_stop' EXIT

use_db() {   # h2 | pg: the settings every command and server of this measurement gets
  if [ "$1" = pg ]; then
    export SAI_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/sai_bench" SAI_DB_USER=sai SAI_DB_PASSWORD_FILE="$pgpass"
  else
    unset SAI_DB_URL SAI_DB_USER SAI_DB_PASSWORD_FILE
  fi
}

fresh() {   # KIND: a new project home and an empty database, the quarter open, one admin account; sets $token
  stop_servers
  home="$bench/home"; rm -rf "$home"; cp -a "$template" "$home"
  [ -d "$home/schemas" ] || cp -a "$tree/schemas" "$home/"   # a template made before --home needed schemas/
  if [ "$1" = pg ]; then
    psql_su -c "DROP DATABASE IF EXISTS sai_bench" -c "CREATE DATABASE sai_bench OWNER sai" || exit 2
  fi
  "$tree/sai" quarter open "$quarter" --home "$home" > /dev/null || exit 2
  echo "a long enough bench password" | "$tree/sai" users add bench --role admin --password-stdin --home "$home" > /dev/null || exit 2
  token="$("$tree/sai" users token bench --home "$home")" || exit 2
}

serve() {   # COUNT: starts COUNT servers on one home and database, waits until each answers; sets $servers
  servers=""
  for i in $(seq 0 $(($1 - 1))); do
    local p=$((port + i))
    "$tree/sai" serve --home "$home" --port "$p" > "$bench/logs/serve-$p.log" 2>&1 &
    pids+=($!)
    servers="${servers:+$servers,}http://127.0.0.1:$p"
  done
  for i in $(seq 0 $(($1 - 1))); do
    local p=$((port + i)) ok=""
    for _ in $(seq 1 300); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/observe/health")" = 200 ] && { ok=1; break; }
      sleep 0.1   # polling the readiness of the server
    done
    [ -n "$ok" ] || { echo "server on $p did not start: $(tail -3 "$bench/logs/serve-$p.log")" >&2; exit 2; }
  done
}

load() {   # MODE ARGS...: one CurationLoad run; prints its result line
  java -Xmx256m -XX:+UseSerialGC -cp "$cp_load" org.sovereignai.bench.CurationLoad "$@" 2>> "$bench/logs/load.log" \
    || echo "0 0 0 0 0 0 failed(logs/load.log)"
}

row() {   # LABEL KIND COUNT: both phases on one fresh database and the same running servers; two table rows
  local label="$1" kind="$2" count="$3" r before
  use_db "$kind"
  fresh "$kind"; serve "$count"
  before="$(cut -d' ' -f1 /proc/loadavg)"
  r="$(load submit "$servers" "$clients" "$warm" "$dur" "$token" "$quarter" "$ids")"
  set -- $r
  echo "| $label | submissions (50 rows) | $1 | $2 | $3 | $4 | $5 in ${6} s | $7 | $before–$(cut -d' ' -f1 /proc/loadavg) |"
  # changes the submissions did not touch (they set funding_usd only), one set per record and field: no conflicts
  load prepare "$servers" "$token" "$quarter" "$ids" notes,aliases,lead_org,name > "$bench/changes.txt"
  before="$(cut -d' ' -f1 /proc/loadavg)"
  r="$(load decide "$servers" "$clients" "$dwarm" "$dur" "$token" "$quarter" "$bench/changes.txt")"
  set -- $r
  echo "| $label | approvals | $1 | $2 | $3 | $4 | $5 in ${6} s | $7 | $before–$(cut -d' ' -f1 /proc/loadavg) |"
  stop_servers
}

results="$bench/results-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  trap stop_servers EXIT   # this block runs in a subshell of its own (the pipe to tee)
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- RAM: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); java: $(java -version 2>&1 | head -1); $pg_version (defaults: fsync, synchronous_commit on)"
  echo "- base release of $n records; $clients closed-loop clients; submissions ${warm} s warm-up then ${dur} s measured, then"
  echo "  $((n * 4)) changes prepared and approved on the same servers and database (${dwarm} s warm-up, up to ${dur} s measured)"
  echo "- servers as ./sai starts them (-Xms1g -Xmx1g ParallelGC); SubmitFile processes $(nproc) submissions at once per server"
  echo
  echo "| setup | requests | per second | p50 ms | p99 ms | max ms | measured | errors | load average |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|"
  for round in $(seq 1 "$rounds"); do
    row "(a) H2, one server #$round" h2 1
    row "(b) PostgreSQL, two servers #$round" pg 2
  done
} | tee "$results"
echo "results: $results" >&2
