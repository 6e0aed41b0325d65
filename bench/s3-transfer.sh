#!/usr/bin/env bash
# Side-by-side S3 transfer benchmark: awsj against the AWS CLI (/usr/bin/aws, when installed) on the
# same local emulators, in one run. Builds awsj, starts fauxqs (fast, in-memory: the throughput
# figures) and S3Mock (strict, on disk: start-up and a second opinion) on 127.0.0.1 itself, and
# prints wall times, peak RSS (from /usr/bin/time) and ratios.
#
#   bench/s3-transfer.sh                # 1 GiB up/down, 2,000 x 4 KiB sync, no-op re-sync
#   BIG_MB=256 SMALL_FILES=500 bench/s3-transfer.sh     # a quicker run
#   AWSJ_ARGS="--max-concurrency 16" bench/s3-transfer.sh
#   KEEP=1 bench/s3-transfer.sh        # keep the work folder (outputs, per-run times) for a look
#
# Needs: JDK 17+, Maven, Node.js + npm, GNU time (/usr/bin/time). Optional: /usr/bin/aws.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
BIG_MB=${BIG_MB:-1024}
SMALL_FILES=${SMALL_FILES:-2000}
RUNS=${RUNS:-5}
AWSJ_ARGS=${AWSJ_ARGS:-}
AWS=${AWS:-/usr/bin/aws}
TIME=/usr/bin/time

[ -x "$TIME" ] || { echo "bench: GNU time is needed at $TIME (apt-get install time)" >&2; exit 1; }
have_aws=0
if [ -x "$AWS" ]; then have_aws=1; else echo "bench: $AWS not found: awsj figures only (apt-get install awscli)" >&2; fi

work=$(mktemp -d -t awsj-s3bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== building awsj" >&2
(cd "$here" && { mvn -q -B -o -DskipTests package test-compile >/dev/null 2>&1 || mvn -q -B -DskipTests package test-compile >&2; })
(cd "$here" && { mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
  || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2; })
AWSJ="$here/awsj"

echo "== starting fauxqs and S3Mock on 127.0.0.1" >&2
if [ ! -d "$here/src/test/node/node_modules/fauxqs" ]; then (cd "$here/src/test/node" && npm ci --silent >&2); fi
mkfifo "$work/fauxqs.in" "$work/s3mock.in"
node "$here/src/test/node/fauxqs-loopback.mjs" 0 < "$work/fauxqs.in" > "$work/fauxqs.out" 2>&1 &
pids+=($!)
exec 7> "$work/fauxqs.in"
s3mock_cp="$here/target/test-classes:$here/target/classes:$(tr ':' '\n' < "$work/cp.txt" | grep -v slf4j-nop | paste -sd: -)"
java -Xmx512m -cp "$s3mock_cp" dev.awsj.s3.BenchS3Mock \
  < "$work/s3mock.in" > "$work/s3mock.out" 2> "$work/s3mock.err" &
pids+=($!)
exec 8> "$work/s3mock.in"
endpoint() { # file
  for _ in $(seq 1 1200); do
    e=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$e" ] && { echo "$e"; return; }
    sleep 0.1
  done
  echo "bench: emulator did not start ($1): $(cat "$1" "${1%.out}.err" 2>/dev/null | tail -n 5)" >&2; exit 1
}
FAUXQS=$(endpoint "$work/fauxqs.out")
S3MOCK=$(endpoint "$work/s3mock.out")
echo "fauxqs $FAUXQS, S3Mock $S3MOCK" >&2

export HOME="$work/home" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" AWS_CONFIG_FILE="$work/home/.aws/config" \
  AWS_SHARED_CREDENTIALS_FILE="$work/home/.aws/credentials"
mkdir -p "$HOME/.aws"; : > "$AWS_CONFIG_FILE"

echo "== data: one ${BIG_MB} MiB file, ${SMALL_FILES} x 4 KiB files" >&2
head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$work/big.bin"
mkdir -p "$work/small"
for i in $(seq 1 "$SMALL_FILES"); do head -c 4096 /dev/urandom > "$work/small/f$i.dat"; done

# measure NAME CMD... : runs once, records seconds and peak RSS (MB); exit status kept in $work/NAME.rc
measure() {
  local name=$1; shift
  set +e
  "$TIME" -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err"
  echo $? > "$work/$name.rc"
  set -e
  read -r secs kb < <(tail -n 1 "$work/$name.time")
  echo "$secs $((kb / 1024))" > "$work/$name.res"
}
secs() { [ "$(cat "$work/$1.rc")" = 0 ] && cut -d' ' -f1 "$work/$1.res" || echo "failed"; }
rss() { cut -d' ' -f2 "$work/$1.res"; }
median() { # NAME CMD... : RUNS runs, median wall seconds
  local name=$1; shift; local all=()
  for r in $(seq 1 "$RUNS"); do measure "$name.$r" "$@"; all+=("$(secs "$name.$r")"); done
  printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

results=()
row() { results+=("$(printf '%-34s %10s %10s %9s %8s %8s' "$1" "$2" "$3" "$4" "$5" "$6")"); }
ratio() { # awsj aws -> aws/awsj (speed-up)
  if [[ "$1" =~ ^[0-9.]+$ && "$2" =~ ^[0-9.]+$ ]]; then awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2fx", b / a; else print "-" }'; else echo "-"; fi
}

suite() { # LABEL ENDPOINT
  local label=$1; EP=$2
  local bj=bench-awsj-$RANDOM bc=bench-aws-$RANDOM
  "$AWSJ" s3 mb "s3://$bj" --endpoint-url "$EP" > /dev/null
  [ $have_aws = 1 ] && { "$AWS" s3 mb "s3://$bc" --endpoint-url "$EP" > /dev/null 2>&1 || true; }

  echo "== $label: start-up" >&2
  local vj vc lj lc
  vj=$(median "$label.version.awsj" "$AWSJ" --version)
  lj=$(median "$label.ls.awsj" "$AWSJ" s3 ls --endpoint-url "$EP")
  if [ $have_aws = 1 ]; then vc=$(median "$label.version.aws" "$AWS" --version); lc=$(median "$label.ls.aws" "$AWS" s3 ls --endpoint-url "$EP"); else vc=-; lc=-; fi
  row "$label --version" "$vj" "$vc" "$(ratio "$vj" "$vc")" "" ""
  row "$label s3 ls" "$lj" "$lc" "$(ratio "$lj" "$lc")" "" ""

  echo "== $label: ${BIG_MB} MiB up and down" >&2
  measure "$label.up.awsj" "$AWSJ" s3 cp "$work/big.bin" "s3://$bj/big.bin" --endpoint-url "$EP" $AWSJ_ARGS
  measure "$label.down.awsj" "$AWSJ" s3 cp "s3://$bj/big.bin" "$work/down-awsj.bin" --endpoint-url "$EP" $AWSJ_ARGS
  if [ "$(cat "$work/$label.down.awsj.rc")" = 0 ] && ! cmp -s "$work/big.bin" "$work/down-awsj.bin"; then
    echo "bench: awsj download differs from the upload!" >&2; echo 1 > "$work/$label.down.awsj.rc"
  fi
  rm -f "$work/down-awsj.bin"
  "$AWSJ" s3 rm "s3://$bj/big.bin" --endpoint-url "$EP" > /dev/null || true
  local uc=- dc=- urc=- drc=-
  if [ $have_aws = 1 ]; then
    measure "$label.up.aws" "$AWS" s3 cp "$work/big.bin" "s3://$bc/big.bin" --endpoint-url "$EP" --no-progress
    measure "$label.down.aws" "$AWS" s3 cp "s3://$bc/big.bin" "$work/down-aws.bin" --endpoint-url "$EP" --no-progress
    rm -f "$work/down-aws.bin"
    "$AWS" s3 rm "s3://$bc/big.bin" --endpoint-url "$EP" > /dev/null 2>&1 || true
    uc=$(secs "$label.up.aws"); dc=$(secs "$label.down.aws"); urc=$(rss "$label.up.aws"); drc=$(rss "$label.down.aws")
  fi
  local uj dj; uj=$(secs "$label.up.awsj"); dj=$(secs "$label.down.awsj")
  row "$label cp ${BIG_MB} MiB up" "$uj" "$uc" "$(ratio "$uj" "$uc")" "$(rss "$label.up.awsj")" "$urc"
  row "$label cp ${BIG_MB} MiB down" "$dj" "$dc" "$(ratio "$dj" "$dc")" "$(rss "$label.down.awsj")" "$drc"

  echo "== $label: sync ${SMALL_FILES} x 4 KiB up, then a no-op re-sync" >&2
  measure "$label.sync.awsj" "$AWSJ" s3 sync "$work/small" "s3://$bj/small" --endpoint-url "$EP" $AWSJ_ARGS
  local nj; nj=$(median "$label.resync.awsj" "$AWSJ" s3 sync "$work/small" "s3://$bj/small" --endpoint-url "$EP")
  local sc=- nc=- src=-
  if [ $have_aws = 1 ]; then
    measure "$label.sync.aws" "$AWS" s3 sync "$work/small" "s3://$bc/small" --endpoint-url "$EP" --no-progress
    nc=$(median "$label.resync.aws" "$AWS" s3 sync "$work/small" "s3://$bc/small" --endpoint-url "$EP" --no-progress)
    sc=$(secs "$label.sync.aws"); src=$(rss "$label.sync.aws")
  fi
  local sj; sj=$(secs "$label.sync.awsj")
  row "$label sync ${SMALL_FILES} x 4 KiB up" "$sj" "$sc" "$(ratio "$sj" "$sc")" "$(rss "$label.sync.awsj")" "$src"
  row "$label no-op re-sync (median)" "$nj" "$nc" "$(ratio "$nj" "$nc")" "" ""
  for f in "$work"/$label.*.err; do
    if [ -s "$f" ] && [ "$(cat "${f%.err}.rc")" != 0 ]; then echo "  $(basename "${f%.err}") failed: $(tail -n 2 "$f" | tr '\n' ' ')" >&2; fi
  done
}

suite fauxqs "$FAUXQS"
if [ "${SKIP_S3MOCK:-0}" != 1 ]; then suite s3mock "$S3MOCK"; fi

echo
echo "awsj $("$AWSJ" --version 2>/dev/null | head -n 1) vs $([ $have_aws = 1 ] && "$AWS" --version 2>&1 | cut -d' ' -f1 || echo 'no aws')"
echo "$(nproc) cores; seconds are wall time; speed-up = aws time / awsj time; RSS = peak resident MB"
printf '%-34s %10s %10s %9s %8s %8s\n' "case" "awsj s" "aws s" "speed-up" "awsj MB" "aws MB"
printf '%s\n' "${results[@]}"
