#!/usr/bin/env bash
# Start-up benchmark: awsj beside the AWS CLI (/usr/bin/aws, when installed) against local
# emulators it starts itself (fauxqs for SNS, S3Mock for S3, both on 127.0.0.1), on each JDK given.
#
#   bench/startup.sh                 # JDK 17 (java on PATH) and JDK 25 when installed
#   JDKS="/path/jdk-a /path/jdk-b" RUNS=15 PUBLISHES=200 bench/startup.sh
#
# Measures --version, s3 ls, s3api list-buckets, sns list-topics (hyperfine medians when hyperfine
# is installed, else a plain loop), and PUBLISHES sns publish calls as a shell loop of aws, a shell
# loop of awsj, and one `awsj run`. Prints medians and the awsj/aws ratios.
# Needs: a JDK 17+, Maven, Node.js/npm. Optional: hyperfine and awscli (apt-get install -y hyperfine awscli).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-15}
PUBLISHES=${PUBLISHES:-200}
AWS=${AWS:-/usr/bin/aws}
if [ -z "${JDKS:-}" ]; then
  JDKS=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS="$JDKS /usr/lib/jvm/temurin-25-jdk-amd64"
fi
[ -x "$AWS" ] || { echo "note: $AWS not found (apt-get install -y awscli): awsj figures only" >&2; AWS=; }
have_hyperfine=; command -v hyperfine >/dev/null && have_hyperfine=1

work=$(mktemp -d "${TMPDIR:-/tmp}/awsj-bench.XXXXXX")
cleanup() {
  exec 3>&- 4>&- 2>/dev/null || true
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building awsj" >&2
(cd "$root" && mvn -q -B -DskipTests package >&2)
[ -d "$root/src/test/node/node_modules/fauxqs" ] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund --loglevel=error >&2)
(cd "$root" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-cp.txt" >&2)
# Compile the test rig too: S3Mock is started through it, bound to 127.0.0.1.
(cd "$root" && mvn -q -B test-compile >&2)

# The emulators stop when the pipes on fds 3 and 4 close (at exit).
echo "== starting fauxqs and S3Mock on 127.0.0.1" >&2
exec 3> >(cd "$root/src/test/node" && exec node fauxqs-loopback.mjs 0 > "$work/fauxqs.out" 2>&1)
exec 4> >(cd "$root" && exec java -Dorg.springframework.boot.logging.LoggingSystem=none \
  -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/test-cp.txt")" \
  "$root/bench/S3MockLoopback.java" > "$work/s3mock.out" 2>"$work/s3mock.err")
endpoint() { # file
  for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$url" ] && { echo "$url"; return; }
    sleep 0.2
  done
  echo "emulator did not start: $(cat "$1")" >&2
  exit 1
}
SNS=$(endpoint "$work/fauxqs.out")
S3=$(endpoint "$work/s3mock.out")
echo "fauxqs $SNS, S3Mock $S3" >&2

# Both tools see the same environment: test keys, a region, no AWS files of the user.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER= AWSJ_CACHE_DIR="$work/cache"
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"

# One launcher per JDK, as the release's bin/awsj: the shared launch script and the jar.
labels=()
for jdk in $JDKS; do
  v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p')
  label="jdk${v%%.*}"
  printf '#!/bin/sh\nJAVA_HOME=%s; export JAVA_HOME\n. %s/src/main/sh/awsj-launch.sh\nawsj_launch %s/target/awsj.jar "$@"\n' \
    "$jdk" "$root" "$root" > "$work/awsj-$label"
  chmod +x "$work/awsj-$label"
  labels+=("$label")
  start=$(date +%s%N)
  "$work/awsj-$label" --version > /dev/null
  echo "$label: java $v; first run with training of the start-up cache: $(( ($(date +%s%N) - start) / 1000000 )) ms" >&2
done

# Fixtures: a bucket with an object, a topic.
"$work/awsj-${labels[0]}" s3api create-bucket --bucket bench --endpoint-url "$S3" > /dev/null
printf 'hello' > "$work/hello.txt"
"$work/awsj-${labels[0]}" s3api put-object --bucket bench --key hello.txt --body "$work/hello.txt" --endpoint-url "$S3" > /dev/null
TOPIC=$("$work/awsj-${labels[0]}" sns create-topic --name bench --endpoint-url "$SNS" --query TopicArn --output text)

median_ms() { # command words...: prints the median wall time in ms, or "-" when the command fails
  if ! "$@" > /dev/null 2> "$work/last.err"; then
    echo "  ($* failed: $(head -c 200 "$work/last.err"))" >&2
    echo "-"; return
  fi
  if [ -n "$have_hyperfine" ]; then
    hyperfine -N -w 2 -r "$RUNS" --export-json "$work/h.json" -- "$(printf '%q ' "$@")" > /dev/null 2>&1 || { echo "-"; return; }
    sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -n 1 | awk '{printf "%d\n", $1 * 1000 + 0.5}'
    # CPU time (user + system, means) too: on a loaded machine it says more than the wall clock.
    u=$(sed -n 's/.*"user": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -n 1)
    y=$(sed -n 's/.*"system": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -n 1)
    awk -v u="$u" -v y="$y" 'BEGIN {printf "%d\n", (u + y) * 1000 + 0.5}' > "$work/cpu.last"
  else
    for _ in $(seq 1 "$RUNS"); do
      s=$(date +%s%N); "$@" > /dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 ))
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  fi
}

once_ms() { # command words...: one timed run, in ms
  s=$(date +%s%N); "$@" > /dev/null 2> "$work/last.err" || echo "  ($1... failed: $(head -c 200 "$work/last.err"))" >&2
  echo $(( ($(date +%s%N) - s) / 1000000 ))
}

publish_loop() { # tool
  for i in $(seq 1 "$PUBLISHES"); do
    "$1" sns publish --topic-arn "$TOPIC" --message "message $i" --endpoint-url "$SNS" > /dev/null
  done
}
for i in $(seq 1 "$PUBLISHES"); do echo "sns publish --topic-arn $TOPIC --message 'message $i'"; done > "$work/publish.txt"

declare -A res cpu
cases=("--version" "s3 ls" "s3api list-buckets" "sns list-topics")
endpoint_of() { case $1 in s3*) echo "$S3" ;; sns*) echo "$SNS" ;; *) ;; esac; }
for c in "${cases[@]}"; do
  read -ra words <<< "$c"
  ep=$(endpoint_of "$c")
  extra=(); [ -n "$ep" ] && extra=(--endpoint-url "$ep")
  echo "== $c" >&2
  if [ -n "$AWS" ]; then
    rm -f "$work/cpu.last"; res["$c,aws"]=$(median_ms "$AWS" "${words[@]}" "${extra[@]}")
    cpu["$c,aws"]=$(cat "$work/cpu.last" 2>/dev/null || echo -)
  fi
  for l in "${labels[@]}"; do
    rm -f "$work/cpu.last"; res["$c,$l"]=$(median_ms "$work/awsj-$l" "${words[@]}" "${extra[@]}")
    cpu["$c,$l"]=$(cat "$work/cpu.last" 2>/dev/null || echo -)
  done
done
c="$PUBLISHES x sns publish"
echo "== $c (one run each)" >&2
[ -n "$AWS" ] && res["$c,aws"]=$(once_ms publish_loop "$AWS")
for l in "${labels[@]}"; do
  res["$c,$l"]=$(once_ms publish_loop "$work/awsj-$l")
  res["$c (awsj run),$l"]=$(once_ms "$work/awsj-$l" run --endpoint-url "$SNS" "$work/publish.txt")
done

ratio() { # awsj aws
  if [ "$1" = - ] || [ -z "$2" ] || [ "$2" = - ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi
}
echo
echo "awsj start-up benchmark: medians of $RUNS runs ($( [ -n "$have_hyperfine" ] && echo hyperfine || echo plain loop )), loops one run; ms"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?); aws: $([ -n "$AWS" ] && "$AWS" --version 2>&1 | cut -d' ' -f1 || echo none)"
header=$(printf '%-32s %8s' "command" "aws")
for l in "${labels[@]}"; do header+=$(printf ' %10s %8s' "awsj $l" "/aws"); done
echo "$header"
for c in "${cases[@]}" "$PUBLISHES x sns publish" "$PUBLISHES x sns publish (awsj run)"; do
  aws_ms=${res["$c,aws"]:-}
  [[ $c == *"(awsj run)" ]] && aws_ms=${res["$PUBLISHES x sns publish,aws"]:-}
  line=$(printf '%-32s %8s' "$c" "$([[ $c == *"(awsj run)" ]] && echo "" || echo "${aws_ms:--}")")
  for l in "${labels[@]}"; do
    a=${res["$c,$l"]:--}
    line+=$(printf ' %10s %8s' "$a" "$(ratio "$a" "$aws_ms")")
  done
  echo "$line"
done
if [ -n "$have_hyperfine" ]; then
  echo
  echo "CPU time (user + system, mean of the same runs); ms"
  echo "$header"
  for c in "${cases[@]}"; do
    aws_ms=${cpu["$c,aws"]:-}
    line=$(printf '%-32s %8s' "$c" "${aws_ms:--}")
    for l in "${labels[@]}"; do
      a=${cpu["$c,$l"]:--}
      line+=$(printf ' %10s %8s' "$a" "$(ratio "$a" "$aws_ms")")
    done
    echo "$line"
  done
fi
