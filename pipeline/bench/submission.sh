#!/usr/bin/env bash
# One curator's submission as the command line runs it, against quarters of growing size: `./sai submit --dry-run`
# (validate a 50-row update sheet against the open draft, record nothing) and `./sai submit` (the same, recorded),
# each one whole process, JVM start included. A benchmark, not a test; CI does not run it. See docs/benchmarks.md,
# "One submission against a large draft".
#
# Usage: pipeline/bench/submission.sh [-n RUNS] [SIZE...]      (sizes default: 2000 100000 1000000; RUNS 3)
#
# Environment:
#   SAI_A, SAI_B   launchers to time (default SAI_A: ./sai of this checkout; SAI_B: none); with both, every timed
#                  command alternates A, B, A, B ... on one project home per size (both must read its database)
#   BENCH_DIR      generated data and project homes (default /tmp/sai-submission-bench; never inside the repo)
set -uo pipefail
runs=3
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 100000 1000000)
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/sai-submission-bench}"
case "$bench" in "$repo"/*) echo "BENCH_DIR must be outside the repo" >&2; exit 2 ;; esac
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
launchers=("${SAI_A:-$repo/sai}")
[ -n "${SAI_B:-}" ] && launchers+=("$SAI_B")
label() { git -C "$(dirname "$1")" rev-parse --short HEAD 2>/dev/null || basename "$(dirname "$1")"; }
mkdir -p "$bench/data"

echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- java: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for l in "${launchers[@]}"; do echo "- launcher $(label "$l"): $l"; done
echo
echo "| records in the draft | command | launcher | wall s (each run) | max RSS MB |"
echo "|---:|---|---|---|---:|"

for n in "${sizes[@]}"; do
  if [ ! -f "$bench/data/$n/new.csv" ]; then
    (cd "$repo" && mvn -B -q test-compile >&2 && \
       mvn -q -B -f pipeline/pom.xml dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >&2) || exit 2
    java -cp "$repo/pipeline/target/classes:$repo/pipeline/target/test-classes:$(cat "$bench/cp.txt")" \
      org.sovereignai.bench.WholeProcessData "$bench/data" "$n" >&2 || exit 2
  fi
  home="$bench/home-$n"
  if [ ! -f "$home/snapshots/2026-Q1/manifest.json" ]; then
    rm -rf "$home"; mkdir -p "$home/snapshots" "$home/curation"; cp -a "$repo/schemas" "$home/"
    "${launchers[0]}" release 2026-Q1 --from "$bench/data/$n/new.csv" --home "$home" > /dev/null || exit 2
    "${launchers[0]}" quarter open 2026-Q2 --home "$home" > /dev/null || exit 2
  fi
  ids="$(sed -n '2,51p' "$home/snapshots/2026-Q1/projects.csv" | cut -d, -f1)"
  for cmd in dry-run submit; do
    for i in "${!launchers[@]}"; do walls[$i]=""; rss[$i]=0; done
    for run in $(seq 1 "$runs"); do
      for i in "${!launchers[@]}"; do
        sheet="$bench/work-$n/update-$cmd-$i-$run.csv"; mkdir -p "$(dirname "$sheet")"
        # content no earlier run sent: a repeat would be answered from the earlier submission
        { echo "id,funding_usd"; k=0; for id in $ids; do k=$((k + 1)); echo "$id,$((1000000 + run * 1000 + i * 100 + k))$RANDOM"; done; } > "$sheet"
        extra=(); [ "$cmd" = dry-run ] && extra=(--dry-run)
        "$TIME" -o "$bench/time" -f '%e %M' "${launchers[$i]}" submit "${extra[@]}" "$sheet" --curator bench --home "$home" \
          > "$bench/out" 2>&1
        rc=$?
        [ "$rc" = 0 ] || { echo "$(label "${launchers[$i]}") $cmd $n exit $rc: $(tail -2 "$bench/out")" >&2; }
        set -- $(tail -1 "$bench/time")
        walls[$i]="${walls[$i]:+${walls[$i]}, }$1"
        [ "$2" -gt "${rss[$i]}" ] && rss[$i]="$2"
      done
    done
    for i in "${!launchers[@]}"; do
      shown="submit"; [ "$cmd" = dry-run ] && shown="submit --dry-run"
      echo "| $n | $shown | $(label "${launchers[$i]}") | ${walls[$i]} | $(( ${rss[$i]} / 1024 )) |"
    done
  done
done
