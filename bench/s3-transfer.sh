#!/usr/bin/env bash
# Side-by-side S3 transfer benchmark on fauxqs (in-memory, 127.0.0.1, started here): awsj beside
# the AWS CLI (/usr/bin/aws), rclone (/usr/bin/rclone) and a raw-HTTP floor (bench/raw_floor.py:
# threads moving bytes, no signing, no checks). The tools take turns within each round (interleaved),
# ROUNDS rounds; prints per case the range (min–max) of wall seconds, the median, the peak RSS
# (from /usr/bin/time -v) and each tool's median against awsj's.
#
#   bench/s3-transfer.sh                          # 1 GiB up/down, 2,000 x 4 KiB sync up, no-op re-sync, two syncs in one script, 3 rounds
#   BIG_MB=256 SMALL_FILES=500 ROUNDS=5 bench/s3-transfer.sh
#   CASES="sync resync" bench/s3-transfer.sh      # only some of: down up sync resync twice (resync needs sync)
#   AWSJ_ARGS="--max-concurrency 16" KEEP=1 bench/s3-transfer.sh
#   BASELINE=/path/to/other/checkout/awsj bench/s3-transfer.sh   # adds a "before" column: another awsj build
#   ALT_JDK=/usr/lib/jvm/temurin-25-jdk-amd64 bench/s3-transfer.sh  # adds a column "jdkNN": this awsj on that JDK
#   VARIANTS="c2=-XX:TieredStopAtLevel=4;serial=-XX:+UseSerialGC" bench/s3-transfer.sh
#       # adds a column per NAME=JVM-OPTIONS: this awsj with those options (AWSJ_JAVA_OPTS), e.g. another JIT
#
# Every awsj column runs warm, as a user's second call does: each is called once first and its
# start-up archive (trained in the background, see docs/configuration.md) is waited for.
#
# fauxqs refuses rclone's big uploads (413 for a single PUT, InvalidPart for multipart): its row says so.
# Needs: JDK 17+, Maven, Node.js + npm, Python 3, GNU time. Optional: /usr/bin/aws, /usr/bin/rclone.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
BIG_MB=${BIG_MB:-1024}
SMALL_FILES=${SMALL_FILES:-2000}
ROUNDS=${ROUNDS:-3}
CASES=" ${CASES:-down up sync resync twice} "
AWSJ_ARGS=${AWSJ_ARGS:-}
AWS=${AWS:-/usr/bin/aws}
RCLONE=${RCLONE:-/usr/bin/rclone}
TIME=/usr/bin/time

[ -x "$TIME" ] || { echo "bench: GNU time is needed at $TIME (apt-get install time)" >&2; exit 1; }
tools=(awsj floor)
[ -n "${BASELINE:-}" ] && tools+=(before)
alt=
if [ -n "${ALT_JDK:-}" ]; then
  alt=jdk$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$ALT_JDK/release")
  tools+=("$alt")
fi
# VARIANTS: NAME=JVM-OPTIONS;NAME=JVM-OPTIONS... -> columns v_NAME
declare -A variant_opts=()
IFS=';' read -r -a _variants <<< "${VARIANTS:-}"
for v in "${_variants[@]}"; do
  [ -n "$v" ] || continue
  variant_opts[${v%%=*}]=${v#*=}; tools+=("${v%%=*}")
done
[ -x "$AWS" ] && tools+=(aws) || echo "bench: $AWS not found: no aws column" >&2
[ -x "$RCLONE" ] && tools+=(rclone) || echo "bench: $RCLONE not found: no rclone column" >&2

work=$(mktemp -d -t awsj-s3bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== building awsj" >&2
(cd "$here" && { mvn -q -B -o -DskipTests package >/dev/null 2>&1 || mvn -q -B -DskipTests package >&2; })
AWSJ="$here/awsj"
[ -z "$alt" ] || printf '#!/bin/sh\nJAVA_HOME=%s; export JAVA_HOME\nexec %s "$@"\n' "$ALT_JDK" "$AWSJ" > "$work/awsj-$alt"
[ -z "$alt" ] || chmod +x "$work/awsj-$alt"
bin() { if [ "$1" = before ]; then echo "$BASELINE"; elif [ -n "$alt" ] && [ "$1" = "$alt" ]; then echo "$work/awsj-$alt"; else echo "$AWSJ"; fi; }
is_awsj() { [ "$1" = awsj ] || [ "$1" = before ] || { [ -n "$alt" ] && [ "$1" = "$alt" ]; } || [ -n "${variant_opts[$1]+x}" ]; }
# awsj_cmd TOOL ARGS... : the awsj of that column, with the column's JVM options
jopts() { echo "${variant_opts[$1]:-${AWSJ_JAVA_OPTS:-}}"; }

echo "== starting fauxqs on 127.0.0.1" >&2
. "$here/bench/fauxqs-env.sh"
start_fauxqs "$here" "$work"
pids+=("$fauxqs_pid")
echo "fauxqs $EP" >&2
bench_env "$work"

big_cases=0; [[ $CASES != *" down "* && $CASES != *" up "* ]] || big_cases=1
echo "== data:$([ $big_cases = 0 ] || echo " one ${BIG_MB} MiB file,") ${SMALL_FILES} x 4 KiB files" >&2
[ $big_cases = 0 ] || head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$work/big.bin"
mkdir -p "$work/small"
for i in $(seq 1 "$SMALL_FILES"); do head -c 4096 /dev/urandom > "$work/small/f$i.dat"; done
"$AWSJ" s3 mb s3://bench-src --endpoint-url "$EP" > /dev/null
[ $big_cases = 0 ] || "$AWSJ" s3 cp "$work/big.bin" s3://bench-src/big.bin --endpoint-url "$EP" > /dev/null
echo "== warming up: each awsj column once, then its start-up archive trained" >&2
warm_awsj() { # the calls whose start-up archives the cases use: s3's, and run's for "twice"
  for t in "${tools[@]}"; do
    is_awsj "$t" || continue
    env AWSJ_JAVA_OPTS="${variant_opts[$t]:-${AWSJ_JAVA_OPTS:-}}" "$(bin "$t")" s3 ls s3://bench-src --endpoint-url "$EP" > /dev/null
    [[ $CASES != *" twice "* ]] || echo "s3 ls s3://bench-src" | env AWSJ_JAVA_OPTS="${variant_opts[$t]:-${AWSJ_JAVA_OPTS:-}}" "$(bin "$t")" --endpoint-url "$EP" run - > /dev/null
  done
}
warm_awsj
deadline=$(( $(date +%s) + 900 ))
while ls -d "$HOME"/.cache/awsj/*.lock > /dev/null 2>&1 && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
warm_awsj

# run CASE TOOL ROUND CMD... : wall seconds and peak RSS (MB) into $work/CASE.TOOL, one line a round
run() {
  local c=$1 t=$2 r=$3; shift 3
  local f="$work/$c.$t.$r" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  "$TIME" -v -o "$f.time" "$@" > "$f.out" 2> "$f.err"
  local rc=$?
  set -e
  local secs kb
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$f.time")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$f.time")
  if [ $rc = 0 ]; then echo "$secs $((kb / 1024)) $load" >> "$work/$c.$t"; else
    echo "failed" >> "$work/$c.$t"; echo "  $c $t round $r failed: $(tail -n 2 "$f.err" | tr '\n' ' ' | cut -c1-200)" >&2; fi
}

big_down() { # TOOL ROUND
  local out="$work/down.bin"; rm -f "$out"
  case $1 in
    aws) run down aws "$2" "$AWS" s3 cp s3://bench-src/big.bin "$out" --endpoint-url "$EP" --no-progress ;;
    rclone) run down rclone "$2" "$RCLONE" copyto fq:bench-src/big.bin "$out" ;;
    floor) run down floor "$2" python3 "$here/bench/raw_floor.py" download "$EP" bench-src big.bin "$out" 10 8 ;;
    *) run down "$1" "$2" env AWSJ_JAVA_OPTS="$(jopts "$1")" "$(bin "$1")" s3 cp s3://bench-src/big.bin "$out" --endpoint-url "$EP" $AWSJ_ARGS ;;
  esac
  if [ -f "$out" ] && ! cmp -s "$work/big.bin" "$out"; then echo "  down $1 round $2: the bytes differ!" >&2; fi
  rm -f "$out"
}
big_up() {
  case $1 in
    aws) run up aws "$2" "$AWS" s3 cp "$work/big.bin" "s3://bench-src/up-$1.bin" --endpoint-url "$EP" --no-progress ;;
    rclone) run up rclone "$2" "$RCLONE" copyto "$work/big.bin" "fq:bench-src/up-$1.bin" ;;
    floor) run up floor "$2" python3 "$here/bench/raw_floor.py" upload "$EP" bench-src "up-$1.bin" "$work/big.bin" 10 8 ;;
    *) run up "$1" "$2" env AWSJ_JAVA_OPTS="$(jopts "$1")" "$(bin "$1")" s3 cp "$work/big.bin" "s3://bench-src/up-$1.bin" --endpoint-url "$EP" $AWSJ_ARGS ;;
  esac
}
sync_up() { # TOOL ROUND CASE : a fresh prefix for "sync", the same one again for "resync"
  local prefix="s3://bench-src/small-$1-$2"
  case $1 in
    aws) run "$3" aws "$2" "$AWS" s3 sync "$work/small" "$prefix" --endpoint-url "$EP" --no-progress ;;
    rclone) run "$3" rclone "$2" "$RCLONE" sync "$work/small" "fq:bench-src/small-$1-$2" ;;
    *) run "$3" "$1" "$2" env AWSJ_JAVA_OPTS="$(jopts "$1")" "$(bin "$1")" s3 sync "$work/small" "$prefix" --endpoint-url "$EP" $AWSJ_ARGS ;;
  esac
}

sync_twice() { # TOOL ROUND : two syncs to two fresh prefixes in one script; awsj's as one `awsj run`
  local p="s3://bench-src/twice-$1-$2" q="fq:bench-src/twice-$1-$2"
  case $1 in
    aws) run twice aws "$2" bash -c '"$1" s3 sync "$2" "$3-a" --endpoint-url "$4" --no-progress && "$1" s3 sync "$2" "$3-b" --endpoint-url "$4" --no-progress' _ "$AWS" "$work/small" "$p" "$EP" ;;
    rclone) run twice rclone "$2" bash -c '"$1" sync "$2" "$3-a" && "$1" sync "$2" "$3-b"' _ "$RCLONE" "$work/small" "$q" ;;
    *) printf 's3 sync %s %s-a %s\ns3 sync %s %s-b %s\n' "$work/small" "$p" "$AWSJ_ARGS" "$work/small" "$p" "$AWSJ_ARGS" > "$work/twice.$1.$2"
       run twice "$1" "$2" env AWSJ_JAVA_OPTS="$(jopts "$1")" "$(bin "$1")" --endpoint-url "$EP" run "$work/twice.$1.$2" ;;
  esac
}

for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS" >&2
  [[ $CASES != *" down "* ]] || for t in "${tools[@]}"; do big_down "$t" "$r"; done
  [[ $CASES != *" up "* ]] || for t in "${tools[@]}"; do big_up "$t" "$r"; done
  [[ $CASES != *" sync "* ]] || for t in "${tools[@]}"; do [ "$t" = floor ] || sync_up "$t" "$r" sync; done
  [[ $CASES != *" resync "* ]] || for t in "${tools[@]}"; do [ "$t" = floor ] || sync_up "$t" "$r" resync; done
  [[ $CASES != *" twice "* ]] || for t in "${tools[@]}"; do [ "$t" = floor ] || sync_twice "$t" "$r"; done
done

# summary CASE TOOL -> "min–max med rss" (or "failed")
summary() {
  local f="$work/$1.$2"
  [ -f "$f" ] || { echo "-"; return; }
  grep -qv failed "$f" || { echo "failed"; return; }
  grep -v failed "$f" | sort -n | awk -v fails="$(grep -c failed "$f" || true)" '
    {s[NR] = $1; if ($2 > m) m = $2; if (NR == 1 || $3 < lo) lo = $3; if ($3 > hi) hi = $3}
    END {printf "%.2f–%.2f s (med %.2f) %d MB, load %.1f–%.1f%s", s[1], s[NR], s[int((NR + 1) / 2)], m, lo, hi, (fails > 0 ? ", " fails " failed" : "")}'
}
median_of() { local f="$work/$1.$2"; [ -f "$f" ] && grep -v failed "$f" | sort -n | awk '{s[NR] = $1} END {if (NR) print s[int((NR + 1) / 2)]}'; }

echo
echo "awsj $("$AWSJ" --version 2>/dev/null | head -n 1)${BASELINE:+ (before: $BASELINE)}${alt:+ ($alt: $ALT_JDK)}; $("$AWS" --version 2>&1 | cut -d' ' -f1); $("$RCLONE" version 2>/dev/null | head -n 1)"
echo "$(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); fauxqs; $ROUNDS interleaved rounds; ratio = tool median / awsj median"
for c in "down:${BIG_MB} MiB download" "up:${BIG_MB} MiB upload" "sync:sync ${SMALL_FILES} x 4 KiB up" "resync:no-op re-sync" "twice:two syncs of ${SMALL_FILES} x 4 KiB in one script (awsj: one \`awsj run\`, one JVM)"; do
  key=${c%%:*}; [[ $CASES == *" $key "* ]] || continue; echo "${c#*:}"
  aj=$(median_of "$key" awsj || true)
  for t in "${tools[@]}"; do
    s=$(summary "$key" "$t"); [ "$s" = "-" ] && continue
    m=$(median_of "$key" "$t" || true); ratio=""
    if [ -n "$m" ] && [ -n "$aj" ]; then ratio=$(awk -v a="$aj" -v b="$m" 'BEGIN {printf "%.2f×", b / a}'); fi
    note=""; [ "$t" = rclone ] && [ "$key" = up ] && [ "$s" = failed ] && note=" (fauxqs refuses rclone's big uploads: 413 for one PUT under its 200 MiB cutoff, InvalidPart for multipart)"
    printf '  %-7s %-54s %s%s\n' "$t" "$s" "$ratio" "$note"
  done
  if [ "$key" = twice ] && [[ $CASES == *" sync "* ]]; then
    # What the second sync added: the start-up and warm-up paid once are left out of it.
    echo "  the second sync alone (median of twice - median of sync):"
    for t in "${tools[@]}"; do
      a=$(median_of twice "$t" || true); b=$(median_of sync "$t" || true)
      [ -n "$a" ] && [ -n "$b" ] && awk -v t="$t" -v a="$a" -v b="$b" 'BEGIN {printf "    %-7s %.2f s\n", t, a - b}'
    done
  fi
done
