#!/usr/bin/env bash
# HTTP benchmark of ./sai serve (issue 13): wrk against the server on loopback, nginx serving the same snapshots
# folder in the same run as the anchor for the static files. A benchmark, not a test; CI does not run it.
# See docs/benchmarks.md, "HTTP API (./sai serve)".
#
# Usage: pipeline/bench/http.sh            (needs wrk and nginx: apt-get install -y wrk nginx)
#
# Environment:
#   BENCH_DIR   scratch folder (default /tmp/sai-http-bench; never inside the repo)
#   N           records of the release served to wrk (default 1000)
#   BIG         records of the release whose heap is measured (default 1000000; 0 skips it)
#   DURATION    seconds per wrk run (default 10)   CONNS  wrk connections (default 16)   THREADS  wrk threads (default 1)
#   PORT        sai's port (default 18181); nginx listens on PORT+1
#   HEAP        the server's -Xmx (default 512m: the issue's target, so a run that fits proves it)
#   ROUNDS      how many times the six measurements are repeated, sai and nginx alternating (default 3)
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/sai-http-bench}"
n="${N:-1000}"; big="${BIG:-1000000}"; dur="${DURATION:-10}"; conns="${CONNS:-16}"; threads="${THREADS:-1}"
port="${PORT:-18181}"; nport=$((port + 1)); heap="${HEAP:-512m}"; rounds="${ROUNDS:-3}"
case "$bench" in "$repo"/*) echo "BENCH_DIR must be outside the repo" >&2; exit 2 ;; esac
for t in wrk nginx curl jcmd; do command -v "$t" >/dev/null || { echo "needs $t (apt-get install -y wrk nginx curl)" >&2; exit 2; }; done
mkdir -p "$bench"

# ---- build once, then run a copy: the launcher rebuilds when sources are newer than the jar, and other work on this
# checkout must not trigger that mid-run (docs/benchmarks.md, whole process) -------------------------------------------
(cd "$repo" && mvn -B -q -DskipTests package >&2 && mvn -B -q test-compile >&2 && \
   mvn -q -B -f pipeline/pom.xml dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >&2) || exit 2
tree="$bench/tree"; rm -rf "$tree"; mkdir -p "$tree/pipeline/target"
cp -a "$repo/sai" "$repo/pom.xml" "$repo/schemas" "$tree/"
cp -a "$repo/pipeline/pom.xml" "$tree/pipeline/"
cp -a "$repo/pipeline/target/sai.jar" "$tree/pipeline/target/"
touch "$tree/pipeline/target/sai.jar"
gen() {   # SIZE: a snapshots folder with one release of SIZE generated records (BenchData's new.csv)
  local d="$bench/data/$1" h="$bench/home-$1"
  if [ ! -f "$d/new.csv" ]; then
    java -cp "$repo/pipeline/target/classes:$repo/pipeline/target/test-classes:$(cat "$bench/cp.txt")" \
      org.sovereignai.bench.WholeProcessData "$bench/data" "$1" >&2 || exit 2
  fi
  if [ ! -f "$h/snapshots/2026-Q1/manifest.json" ]; then
    rm -rf "$h"; mkdir -p "$h/snapshots" "$h/curation"
    SAI_JAVA_OPTS="-XX:+UseParallelGC -Xmx2g" "$tree/sai" release 2026-Q1 --from "$d/new.csv" --home "$h" >&2 || exit 2
  fi
}

serve() {   # HOME: starts ./sai serve on $port, waits until /observe/health says UP
  SAI_JAVA_OPTS="-XX:+UseParallelGC -Xms$heap -Xmx$heap" "$tree/sai" serve --home "$1" --port "$port" > "$bench/serve.log" 2>&1 &
  sai_pid=$!
  for _ in $(seq 1 200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/observe/health")" = 200 ] && return 0
    sleep 0.1
  done
  echo "the server did not start: $(tail -3 "$bench/serve.log")" >&2; exit 2
}
java_pid() {   # the JVM under the launcher (./sai execs java, so it is the same process)
  echo "$sai_pid"
}
stop() {
  [ -n "${sai_pid:-}" ] && kill "$sai_pid" 2>/dev/null && wait "$sai_pid" 2>/dev/null
  sai_pid=""
}
nginx_stop() {
  [ -f "$bench/nginx/nginx.pid" ] && kill "$(cat "$bench/nginx/nginx.pid")" 2>/dev/null
}
trap 'stop; nginx_stop' EXIT

gen "$n"
home="$bench/home-$n"
rel="$home/snapshots/2026-Q1"

# ---- nginx on the same snapshots folder --------------------------------------------------------------------------
mkdir -p "$bench/nginx"
cat > "$bench/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $bench/nginx/nginx.pid;
error_log $bench/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $bench/nginx/tmp;
  server { listen 127.0.0.1:$nport; root $home/snapshots; etag on; }
}
CONF
nginx_stop; nginx -c "$bench/nginx/nginx.conf" || exit 2

serve "$home"
first="$(head -2 "$rel/projects.csv" | tail -1 | cut -d, -f1)"
sha="$(python3 -c "import json,sys; print(json.load(open('$rel/manifest.json'))['files']['projects.json']['sha256'])")"
ngx_etag="$(curl -sI "http://127.0.0.1:$nport/2026-Q1/projects.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"
sai="http://127.0.0.1:$port/api/v1/releases/2026-Q1"
ngx="http://127.0.0.1:$nport/2026-Q1"

results="$bench/results-$(date -u +%Y%m%dT%H%M%SZ).md"
facts() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- RAM: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); java: $(java -version 2>&1 | head -1)"
  echo "- $(wrk -v 2>&1 | head -1 | cut -c1-40); $(nginx -v 2>&1); server heap -Xms/-Xmx $heap, ParallelGC"
  echo "- wrk -t$threads -c$conns -d${dur}s --latency, $rounds rounds, each run after a 2 s warm-up; release of $n records"
  echo "  (projects.json $(stat -c %s "$rel/projects.json") bytes)"
}
row() {   # LABEL URL [HEADER]: one wrk run, "| label | req/s | p99 |"
  local label="$1" url="$2" out
  if [ $# -ge 3 ]; then
    wrk -t1 -c4 -d2s -H "$3" "$url" > /dev/null 2>&1
    out="$(wrk -t"$threads" -c"$conns" -d"${dur}s" --latency -H "$3" "$url" 2>&1)"
  else
    wrk -t1 -c4 -d2s "$url" > /dev/null 2>&1
    out="$(wrk -t"$threads" -c"$conns" -d"${dur}s" --latency "$url" 2>&1)"
  fi
  local rps p99 non2xx status
  if [ $# -ge 3 ]; then status="$(curl -s -o /dev/null -w '%{http_code}' -H "$3" "$url")"; else status="$(curl -s -o /dev/null -w '%{http_code}' "$url")"; fi
  rps="$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
  p99="$(echo "$out" | awk '$1=="99%" {print $2}')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {n+=$5} /Socket errors/ {gsub(",",""); n+=$4+$6+$8+$10} END {print n+0}')"
  echo "| $label | $status | $rps | $p99 | ${non2xx:-0} |"
}
{
  facts
  echo
  echo "| request | status | req/s | p99 | errors (4xx/5xx, sockets) |"
  echo "|---|---:|---:|---:|---:|"
  # sai and nginx alternate, round after round, so a change in the machine's load hits both alike
  for round in $(seq 1 "$rounds"); do
    row "(a) projects.json, If-None-Match → 304: sai #$round" "$sai/files/projects.json" "If-None-Match: \"$sha\""
    row "(a) projects.json, If-None-Match → 304: nginx #$round" "$ngx/projects.json" "If-None-Match: $ngx_etag"
    row "(b) projects.json in full: sai #$round" "$sai/files/projects.json"
    row "(b) projects.json in full: nginx #$round" "$ngx/projects.json"
    row "(c) one project as JSON: sai #$round" "$sai/projects/$first"
    row "(d) 100 models, filtered page: sai #$round" "$sai/projects?layer=models&limit=100"
  done
} | tee "$results"
stop

# ---- heap with a large release loaded ------------------------------------------------------------------------------
if [ "$big" != 0 ]; then
  gen "$big"
  bhome="$bench/home-$big"
  serve "$bhome"
  t0=$(date +%s.%N)
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/releases/2026-Q1/projects?layer=models&limit=100")
  t1=$(date +%s.%N)
  bfirst="$(head -2 "$bhome/snapshots/2026-Q1/projects.csv" | tail -1 | cut -d, -f1)"
  last="$(tail -1 "$bhome/snapshots/2026-Q1/projects.csv" | cut -d, -f1)"
  curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/releases/2026-Q1/projects/$last"
  jcmd "$(java_pid)" GC.run > /dev/null
  used="$(jcmd "$(java_pid)" GC.heap_info | awk '/PSYoungGen|ParOldGen/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?$/,"",v); s+=v}} END {printf "%.0f MB", s/1024}')"
  rss="$(awk '/VmRSS/ {print $2, $3}' /proc/"$(java_pid)"/status)"
  {
    echo
    echo "Release of $big records (projects.json $(stat -c %s "$bhome/snapshots/2026-Q1/projects.json") bytes), server -Xmx$heap:"
    echo "first request (builds the release's index): HTTP $code in $(echo "$t1 - $t0" | bc) s;"
    echo "heap used after a full GC with the index loaded: $used (young+old, jcmd GC.heap_info); RSS $rss"
    echo
    echo "| request ($big records) | status | req/s | p99 | errors (4xx/5xx, sockets) |"
    echo "|---|---:|---:|---:|---:|"
    row "(c) one project as JSON: sai" "http://127.0.0.1:$port/api/v1/releases/2026-Q1/projects/$bfirst"
    row "(d) 100 models, filtered page: sai" "http://127.0.0.1:$port/api/v1/releases/2026-Q1/projects?layer=models&limit=100"
  } | tee -a "$results"
  stop
fi
echo "results: $results" >&2
