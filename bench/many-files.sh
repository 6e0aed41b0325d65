#!/usr/bin/env bash
# Memory and time against the number of files: `s3 sync` of N small files up to fauxqs (started
# here, in memory, on 127.0.0.1), then the no-op re-sync of the same, for each N in COUNTS; awsj
# beside rclone (/usr/bin/rclone) and, up to AWS_MAX files, the AWS CLI (/usr/bin/aws). The
# listings and the sync comparison stream (docs/s3-transfers.md), so awsj's peak RSS should not
# grow with N. Prints wall seconds and peak RSS (GNU time) per tool and N, and the load.
#
#   bench/many-files.sh                                  # 2,000 20,000 200,000 files of 1 KiB
#   COUNTS="2000 20000" SIZE=4096 AWS_MAX=2000 bench/many-files.sh
#   TOOLS=awsj COUNTS="2000 200000" bench/many-files.sh  # awsj alone
#
# Needs: JDK 17+, Maven, Node.js + npm, Python 3, GNU time. Optional: /usr/bin/rclone, /usr/bin/aws.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
COUNTS=${COUNTS:-"2000 20000 200000"}
SIZE=${SIZE:-1024}
AWS_MAX=${AWS_MAX:-20000}
TOOLS=" ${TOOLS:-awsj rclone aws} "
AWS=${AWS:-/usr/bin/aws}
RCLONE=${RCLONE:-/usr/bin/rclone}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time is needed at $TIME (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d -t awsj-many.XXXXXX)
fq=
cleanup() { [ -n "$fq" ] && kill "$fq" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

echo "== building awsj" >&2
(cd "$here" && { mvn -q -B -o -DskipTests package >/dev/null 2>&1 || mvn -q -B -DskipTests package >&2; })
AWSJ="$here/awsj"
. "$here/bench/fauxqs-env.sh"
start_fauxqs "$here" "$work"
fq=$fauxqs_pid
bench_env "$work"
"$AWSJ" s3 mb s3://many --endpoint-url "$EP" > /dev/null
# The start-up archive of s3 calls, trained before anything is timed.
"$AWSJ" s3 ls s3://many --endpoint-url "$EP" > /dev/null
while ls -d "$HOME"/.cache/awsj/*.lock > /dev/null 2>&1; do sleep 1; done

# measure TOOL N CASE CMD... : one line "N CASE TOOL seconds MB load"
measure() {
  local t=$1 n=$2 c=$3 load; shift 3
  load=$(cut -d' ' -f1 /proc/loadavg)
  if "$TIME" -v -o "$work/time" "$@" > "$work/out" 2> "$work/err"; then
    awk -F': ' -v n="$n" -v c="$c" -v t="$t" -v load="$load" '
      /Elapsed \(wall clock\)/ {k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i]}
      /Maximum resident set size/ {kb = $2}
      END {printf "%8d  %-7s %-7s %8.2f s %6d MB  load %s\n", n, c, t, s, kb / 1024, load}' "$work/time"
  else
    printf "%8d  %-7s %-7s failed: %s\n" "$n" "$c" "$t" "$(tail -n 1 "$work/err" | cut -c1-150)"
  fi
}

echo "awsj many-files benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; files of $SIZE bytes, 100 a folder"
echo "$("$AWSJ" --version); $([ -x "$AWS" ] && "$AWS" --version 2>&1 | cut -d' ' -f1); $([ -x "$RCLONE" ] && "$RCLONE" version 2>/dev/null | head -n 1)"
echo "   files  case    tool      wall       peak RSS"
for n in $COUNTS; do
  src="$work/files-$n"
  python3 - "$src" "$n" "$SIZE" <<'PY'
import os, sys
root, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(n):
    d = os.path.join(root, "d%d" % (i // 100))
    if i % 100 == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "f%d" % i), "wb") as f:
        f.write(os.urandom(size))
PY
  tools=(awsj)
  [ -x "$RCLONE" ] && [[ $TOOLS == *" rclone "* ]] && tools+=(rclone)
  [ -x "$AWS" ] && [ "$n" -le "$AWS_MAX" ] && [[ $TOOLS == *" aws "* ]] && tools+=(aws)
  for c in sync resync; do
    for t in "${tools[@]}"; do
      case $t in
        awsj) measure awsj "$n" "$c" "$AWSJ" s3 sync "$src" "s3://many/$t-$n" --endpoint-url "$EP" --only-show-errors ;;
        aws) measure aws "$n" "$c" "$AWS" s3 sync "$src" "s3://many/$t-$n" --endpoint-url "$EP" --only-show-errors ;;
        rclone) measure rclone "$n" "$c" "$RCLONE" sync "$src" "fq:many/$t-$n" ;;
      esac
    done
  done
  rm -rf "$src"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
