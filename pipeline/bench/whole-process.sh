#!/usr/bin/env bash
# Whole-process benchmark of ./sai as users run it (issue 10): every command is one process, JVM start included.
# A benchmark, not a test; CI does not run it. See docs/benchmarks.md, "Whole process, as users run ./sai".
#
# Usage: pipeline/bench/whole-process.sh [-n RUNS] [SIZE...]      (sizes default: 10000 100000 1000000; RUNS 3)
#
# Environment:
#   SAI_A, SAI_B   launchers to time (default SAI_A: ./sai of this worktree; SAI_B: none). With both, every timed
#                  command alternates A, B, A, B ... and the table has a column for each.
#   LABEL_A, LABEL_B  column titles (default: the launcher folder's git commit, else its folder name)
#   BENCH_DIR      generated data and scratch folders (default /tmp/sai-bench; never inside the repo)
#   TSV            raw results, one line per timed process (default $BENCH_DIR/whole-process-UTCSTAMP.tsv)
#   PEERS=0        skip sqlite3 / ajv / mlr          BUNDLED=0  skip the bundled 60-record index
#   VARIANT=0      skip the SAI_JAVA_OPTS="-XX:+UseParallelGC -Xmx1g" pass
#   R2=copy        the second release runs on a cp -a copy of a prepared first release (default: on the folder the
#                  same launcher's first-release run just wrote, as in a user's folder; builds before 39276e2 kept a
#                  stamps cache that a copy's new inodes and ctimes defeated, so their copied release was hashed again)
#   AJV            ajv-cli binary (default: ajv on PATH, else /tmp/npm-peers/bin/ajv)
#
# Peers need: apt-get install -y sqlite3 miller time; npm install -g --prefix /tmp/npm-peers ajv-cli ajv-formats
set -uo pipefail

runs=3
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,20p' "$0"; exit 0; fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/sai-bench}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
tsv="${TSV:-$bench/whole-process-$stamp.tsv}"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 2; }
AJV="${AJV:-$(command -v ajv || echo /tmp/npm-peers/bin/ajv)}"
xmx_opts="-XX:+UseParallelGC -Xmx1g"

launchers=("$(cd "$(dirname "${SAI_A:-$repo/sai}")" && pwd)/$(basename "${SAI_A:-$repo/sai}")")
[ -n "${SAI_B:-}" ] && launchers+=("$(cd "$(dirname "$SAI_B")" && pwd)/$(basename "$SAI_B")")
label_of() {
  local d; d="$(dirname "$1")"
  git -C "$d" rev-parse --short HEAD 2>/dev/null || basename "$d"
}
labels=("${LABEL_A:-$(label_of "${launchers[0]}")}")
[ ${#launchers[@]} -gt 1 ] && labels+=("${LABEL_B:-$(label_of "${launchers[1]}")}")
[ ${#labels[@]} -gt 1 ] && [ "${labels[0]}" = "${labels[1]}" ] && labels=("${labels[0]}-A" "${labels[1]}-B")

mkdir -p "$bench/data" "$bench/work"
case "$bench" in "$repo"/*) echo "BENCH_DIR must be outside the repo" >&2; exit 2 ;; esac
printf 'size\tlauncher\tcommand\tvariant\trun\twall_s\trss_kb\tuser_s\tsys_s\trc\texpected_rc\n' > "$tsv"

# ---- machine facts -------------------------------------------------------------------------------------------
facts() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- RAM: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"
  echo "- java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "- disk free under $bench: $(df -h "$bench" | awk 'NR==2 {print $4}')"
  for i in "${!launchers[@]}"; do echo "- launcher ${labels[$i]}: ${launchers[$i]}"; done
  echo "- runs per command: $runs; sizes: ${sizes[*]}; raw TSV: $tsv"
}
echo "## Whole-process benchmark"
echo
facts
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "- load average before: $load_before"
echo

# ---- helpers -------------------------------------------------------------------------------------------------
# timed SIZE LABEL COMMAND VARIANT RUN EXPECTED_RC -- argv...   (runs argv as one process; SAI_JAVA_OPTS per VARIANT)
timed() {
  local size="$1" label="$2" cmd="$3" variant="$4" run="$5" expect="$6"; shift 7
  local tf="$bench/work/time.$$" out="$bench/work/out.$$" rc
  if [ "$variant" = xmx1g ]; then
    SAI_JAVA_OPTS="$xmx_opts" "$TIME" -o "$tf" -f '%e %M %U %S' "$@" > "$out" 2>&1; rc=$?
  else
    env -u SAI_JAVA_OPTS "$TIME" -o "$tf" -f '%e %M %U %S' "$@" > "$out" 2>&1; rc=$?
  fi
  local t; t="$(tail -1 "$tf")"
  set -- $t
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$label" "$cmd" "$variant" "$run" "$1" "$2" "$3" "$4" "$rc" "$expect" >> "$tsv"
  if [ "$rc" != "$expect" ]; then
    local keep; keep="$bench/failures/$size-${label//[^A-Za-z0-9._-]/_}-$cmd-$variant-$run.txt"
    mkdir -p "$bench/failures"; cp "$out" "$keep"
    echo "  [$size $label $cmd $variant run $run] exit $rc, expected $expect; output kept in $keep:" >&2
    { grep -m1 -E 'Exception|Error' "$out" || tail -3 "$out"; } | sed 's/^/    /' >&2
  fi
  printf '  %-8s %-10s %-22s %-7s run %s: %6.2f s %7d MB exit %s\n' "$size" "$label" "$cmd" "$variant" "$run" "$1" "$(( $2 / 1024 ))" "$rc" >&2
  rm -f "$tf" "$out"
  return 0
}

ensure_data() {
  local missing=()
  for n in "${sizes[@]}"; do
    for f in old.csv new.csv curator.csv; do [ -f "$bench/data/$n/$f" ] || { missing+=("$n"); break; }; done
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "generating data for ${missing[*]} (WholeProcessData, test scope)..." >&2
  (cd "$repo" && mvn -B -q test-compile >&2 && \
     mvn -q -B -f pipeline/pom.xml dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" >&2) || exit 2
  java -cp "$repo/pipeline/target/classes:$repo/pipeline/target/test-classes:$(cat "$bench/cp.txt")" \
    org.sovereignai.bench.WholeProcessData "$bench/data" "${missing[@]}" >&2 || exit 2
}

# ---- build (not timed) and data ------------------------------------------------------------------------------
for l in "${launchers[@]}"; do "$l" --version > /dev/null || { echo "cannot run $l" >&2; exit 2; }; done
ensure_data
ajv_schema="$bench/work/projects-array.schema.json"
cat > "$ajv_schema" <<'EOF'
{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:sai-bench:projects-array",
 "type": "array", "items": {"$ref": "urn:sovereign-ai-index:schema:project:1.0.0"}}
EOF

sqlite_sql() {   # OLD NEW OUT: import both, list removed + modified (old LEFT JOIN new) and added (new LEFT JOIN old)
  local cols; cols="$(head -1 "$1" | tr -d '\r')"
  local diffs; diffs="$(echo "$cols" | tr ',' '\n' | grep -v '^id$' | sed 's/.*/a."&" IS NOT b."&"/' | paste -sd'|' | sed 's/|/ OR /g')"
  cat <<EOF
.import --csv $1 a
.import --csv $2 b
.output $3
SELECT CASE WHEN b.id IS NULL THEN 'removed' ELSE 'modified' END, a.id FROM a LEFT JOIN b ON a.id = b.id
  WHERE b.id IS NULL OR $diffs;
SELECT 'added', b.id FROM b LEFT JOIN a ON a.id = b.id WHERE a.id IS NULL;
EOF
}

for n in "${sizes[@]}"; do
  d="$bench/data/$n"; w="$bench/work/$n"
  rm -rf "$w"; mkdir -p "$w"
  echo "size $n: preparing release folders with ${labels[0]} (not timed)..." >&2
  # one: a first release of old.csv; two: that plus a second release of new.csv
  mkdir -p "$w/one"
  "${launchers[0]}" release 2026-Q1 --from "$d/old.csv" --snapshots "$w/one" > /dev/null || { echo "prep failed" >&2; exit 2; }
  cp -a "$w/one" "$w/two"
  "${launchers[0]}" release 2026-Q2 --from "$d/new.csv" --snapshots "$w/two" > /dev/null || { echo "prep failed" >&2; exit 2; }

  variants=(default); [ "${VARIANT:-1}" = 1 ] && variants+=(xmx1g)
  for variant in "${variants[@]}"; do
    reps=$runs; [ "$variant" = xmx1g ] && reps=1
    for run in $(seq 1 "$reps"); do
      for i in "${!launchers[@]}"; do
        L="${launchers[$i]}"; lab="${labels[$i]}"
        timed "$n" "$lab" validate-sheet "$variant" "$run" 0 -- "$L" validate "$d/old.csv"
        timed "$n" "$lab" validate-curator "$variant" "$run" 1 -- "$L" validate "$d/curator.csv"
        timed "$n" "$lab" diff-sheets "$variant" "$run" 0 -- "$L" diff "$d/old.csv" "$d/new.csv"
        timed "$n" "$lab" diff-releases "$variant" "$run" 0 -- "$L" diff "$w/two/2026-Q1" "$w/two/2026-Q2"
        r="$w/rel-$i"; rm -rf "$r"; mkdir -p "$r"
        timed "$n" "$lab" release-first "$variant" "$run" 0 -- "$L" release 2026-Q1 --from "$d/old.csv" --snapshots "$r"
        if [ "${R2:-chain}" = copy ] || [ ! -f "$r/2026-Q1/manifest.json" ] || [ -f "$r/2026-Q2/manifest.json" ]; then
          rm -rf "$r"; cp -a "$w/one" "$r"
        fi
        timed "$n" "$lab" release-second "$variant" "$run" 0 -- "$L" release 2026-Q2 --from "$d/new.csv" --snapshots "$r"
        rm -rf "$r"
        timed "$n" "$lab" verify-two "$variant" "$run" 0 -- "$L" verify "$w/two"
      done
    done
  done

  if [ "${PEERS:-1}" = 1 ]; then
    sqlite_sql "$d/old.csv" "$d/new.csv" "$w/sqlite-diff.txt" > "$w/diff.sql"
    for run in $(seq 1 "$runs"); do
      command -v sqlite3 > /dev/null && timed "$n" peer sqlite3-import-join default "$run" 0 -- sqlite3 -bail -init "$w/diff.sql" :memory: .quit
      [ -x "$AJV" ] && timed "$n" peer ajv-validate-json default "$run" 0 -- "$AJV" validate --spec=draft2020 -c ajv-formats \
        -s "$ajv_schema" -r "$repo/schemas/project.schema.json" -d "$w/one/2026-Q1/projects.json"
      command -v mlr > /dev/null && timed "$n" peer mlr-csv-to-json default "$run" 0 -- sh -c "exec mlr --icsv --ojson cat '$d/old.csv' > '$w/mlr.json'"
      rm -f "$w/mlr.json"
    done
    [ -f "$w/sqlite-diff.txt" ] && echo "  sqlite3 found: $(cut -d'|' -f1 "$w/sqlite-diff.txt" | sort | uniq -c | tr '\n' ' ')" >&2
  fi
  du -sh "$d" "$w" | sed 's/^/  disk: /' >&2
  rm -rf "$w"
done

if [ "${BUNDLED:-1}" = 1 ]; then
  for run in $(seq 1 "$runs"); do
    for i in "${!launchers[@]}"; do
      L="${launchers[$i]}"; lab="${labels[$i]}"; h="$(dirname "$L")"
      (cd "$h" && timed 60 "$lab" bundled-validate default "$run" 0 -- "$L" validate curation/baseline/2025-Q4.csv)
      (cd "$h" && timed 60 "$lab" bundled-stats default "$run" 0 -- "$L" stats snapshots/2025-Q4)
      (cd "$h" && timed 60 "$lab" bundled-diff default "$run" 0 -- "$L" diff snapshots/2025-Q4 curation/baseline/2025-Q4.csv)
      (cd "$h" && timed 60 "$lab" bundled-verify default "$run" 0 -- "$L" verify)
    done
  done
fi

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- tables --------------------------------------------------------------------------------------------------
echo "- load average after: $load_after"
echo
echo "Wall time best / median of $runs runs (s), CPU user+sys of the median run (s), peak RSS (largest of the runs, MB);"
echo "exit codes other than expected are marked. Peers run on the same files."
echo
header="| records | command |"; sep="|---|---|"
for lab in "${labels[@]}"; do header="$header $lab |"; sep="$sep---|"; done
echo "$header"; echo "$sep"
awk -F'\t' -v labs="$(IFS=,; echo "${labels[*]}")" '
  NR == 1 || $4 != "default" { next }
  { k = $1 SUBSEP $3; if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
    l = ($2 == "peer") ? "peer" : $2; key = k SUBSEP l
    c[key]++; wall[key, c[key]] = $6; cpu[key, c[key]] = $8 + $9
    if ($7 > rss[key]) rss[key] = $7; if ($10 != $11) bad[key] = bad[key] " exit " $10 }
  function cell(key,   m, i, j, t, u, best, med, mc) {
    m = c[key]; if (!m) return " "
    for (i = 1; i <= m; i++) { w[i] = wall[key, i] + 0; u2[i] = cpu[key, i] + 0 }
    for (i = 2; i <= m; i++) for (j = i; j > 1 && w[j-1] > w[j]; j--) { t = w[j]; w[j] = w[j-1]; w[j-1] = t; t = u2[j]; u2[j] = u2[j-1]; u2[j-1] = t }
    best = w[1]; med = (m % 2) ? w[(m+1)/2] : (w[m/2] + w[m/2+1]) / 2; mc = u2[int((m+1)/2)]
    return sprintf("%.2f / %.2f s, cpu %.1f s, %d MB%s", best, med, mc, rss[key] / 1024, bad[key])
  }
  END {
    n = split(labs, L, ",")
    for (o = 1; o <= nk; o++) { split(order[o], p, SUBSEP); line = "| " p[1] " | " p[2] " |"
      if ((order[o] SUBSEP "peer") in c) { line = line " " cell(order[o] SUBSEP "peer") " (peer) |"; for (i = 2; i <= n; i++) line = line " |" }
      else for (i = 1; i <= n; i++) line = line " " cell(order[o] SUBSEP L[i]) " |"
      print line }
  }' "$tsv"

if [ "${VARIANT:-1}" = 1 ]; then
  echo
  echo "With SAI_JAVA_OPTS=\"$xmx_opts\" (one run each): pass (exit as expected) or FAIL, wall time, peak RSS."
  echo
  echo "$header"; echo "$sep"
  awk -F'\t' -v labs="$(IFS=,; echo "${labels[*]}")" '
    NR == 1 || $4 != "xmx1g" { next }
    { k = $1 SUBSEP $3; if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
      v[k SUBSEP $2] = sprintf("%s (exit %s), %.2f s, %d MB", ($10 == $11) ? "pass" : "FAIL", $10, $6, $7 / 1024) }
    END { n = split(labs, L, ",")
      for (o = 1; o <= nk; o++) { split(order[o], p, SUBSEP); line = "| " p[1] " | " p[2] " |"
        for (i = 1; i <= n; i++) line = line " " v[order[o] SUBSEP L[i]] " |"; print line } }' "$tsv"
fi
echo
echo "Data: $(for n in "${sizes[@]}"; do printf '%s records %s, ' "$n" "$(du -sh "$bench/data/$n" | cut -f1)"; done)all of $bench/data $(du -sh "$bench/data" | cut -f1) (old.csv, new.csv, curator.csv per size; release folders are made under $bench/work during a size and removed after it)"
echo "Raw results: $tsv"
