#!/usr/bin/env bash
# Start-up benchmark: awsj beside the AWS CLI (/usr/bin/aws, when installed), in the same run, on
# each JDK given, against emulators it starts itself on 127.0.0.1: fauxqs (S3 and SNS) and a
# WireMock stub of Rekognition's DetectLabels.
#
#   bench/startup.sh                      # JDK 17 (java on PATH) and JDK 25 when installed
#   JDKS="/path/jdk-a /path/jdk-b" ROUNDS=3 RUNS=7 PUBLISHES=100 bench/startup.sh
#
# What a CI job sees (docs/configuration.md, "The start-up archive"), ROUNDS times, the tools
# interleaved in each round, each round on a fresh HOME and an empty cache folder:
#   first call       `s3 ls` with no start-up archive (it starts the background trainer)
#   4 concurrent     four `s3 ls` started at once, still with no archive (each one's time)
#   job, first run   bench/job.sh (mb, cp, ls, presign, sns publish), the trainer maybe at work
#   job, warm        bench/job.sh again once the trainer is done
# Then the warm calls, RUNS rounds, interleaved: --version, s3 ls, sns list-topics, s3api
# head-object, rekognition detect-labels; and, when PUBLISHES > 0, PUBLISHES sns publish calls as
# a shell loop of each tool and as one `awsj run`.
# Prints medians with [min-max] and the awsj/aws ratio of the medians, the load and the JDKs.
# Needs: a JDK 17+, Maven, Node.js/npm. Optional: awscli (apt-get install -y awscli).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-7}
PUBLISHES=${PUBLISHES:-0}
AWS=${AWS:-/usr/bin/aws}
TRAIN_WAIT=${TRAIN_WAIT:-900}
if [ -z "${JDKS:-}" ]; then
  JDKS=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JDKS="$JDKS /usr/lib/jvm/temurin-25-jdk-amd64"
fi
[ -x "$AWS" ] || { echo "note: $AWS not found (apt-get install -y awscli): awsj figures only" >&2; AWS=; }

work=$(mktemp -d "${TMPDIR:-/tmp}/awsj-bench.XXXXXX")
cleanup() {
  exec 3>&- 4>&- 2>/dev/null || true
  [ -n "${wm_pid:-}" ] && kill "$wm_pid" 2>/dev/null # WireMock does not stop when its stdin closes
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building awsj" >&2
(cd "$root" && mvn -q -B -DskipTests package >&2)
[ -d "$root/src/test/node/node_modules/fauxqs" ] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund --loglevel=error >&2)
(cd "$root" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-cp.txt" >&2)

# The Rekognition stub: WireMock (a test dependency) on 127.0.0.1, one mapping.
mkdir -p "$work/wiremock/mappings"
cat > "$work/wiremock/mappings/detect-labels.json" <<'EOF'
{"request": {"method": "POST", "url": "/",
             "headers": {"X-Amz-Target": {"equalTo": "RekognitionService.DetectLabels"}}},
 "response": {"status": 200, "headers": {"Content-Type": "application/x-amz-json-1.1"},
              "body": "{\"Labels\": [{\"Name\": \"Scooter\", \"Confidence\": 99.5, \"Instances\": [], \"Parents\": [{\"Name\": \"Vehicle\"}]}], \"LabelModelVersion\": \"3.0\"}"}}
EOF
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wm_port=$(free_port)

# The emulators stop when the pipes on fds 3 and 4 close (at exit).
echo "== starting fauxqs and WireMock on 127.0.0.1" >&2
exec 3> >(cd "$root/src/test/node" && exec node fauxqs-loopback.mjs 0 > "$work/fauxqs.out" 2>&1)
exec 4> >(exec java -Xshare:auto -cp "$(cat "$work/test-cp.txt")" wiremock.Run --bind-address 127.0.0.1 \
  --port "$wm_port" --root-dir "$work/wiremock" --disable-banner > "$work/wiremock.out" 2>&1)
wm_pid=$!
endpoint() { # file
  for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$1" 2>/dev/null | head -n 1 || true)
    [ -n "$url" ] && { echo "$url"; return; }
    sleep 0.2
  done
  echo "emulator did not start: $(cat "$1")" >&2
  exit 1
}
FQ=$(endpoint "$work/fauxqs.out")
REK=http://127.0.0.1:$wm_port
for _ in $(seq 1 300); do curl -s -o /dev/null "$REK/__admin/mappings" && break; sleep 0.2; done
echo "fauxqs $FQ, WireMock $REK" >&2

# Every tool sees the same environment: test keys, a region, no AWS files of the user.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER=
unset AWSJ_NO_CDS AWSJ_JAVA_OPTS XDG_CACHE_HOME
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"

# One launcher per JDK, as the release's bin/awsj: the shared launch script and the jar.
tools=(); [ -n "$AWS" ] && tools+=(aws)
jdk_versions=
for jdk in $JDKS; do
  v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.version = //p')
  label="jdk${v%%.*}"
  printf '#!/bin/sh\nJAVA_HOME=%s; export JAVA_HOME\n. %s/src/main/sh/awsj-launch.sh\nawsj_launch %s/target/awsj.jar "$@"\n' \
    "$jdk" "$root" "$root" > "$work/awsj-$label"
  chmod +x "$work/awsj-$label"
  tools+=("$label")
  jdk_versions+="$label=$v "
done
tool_path() { [ "$1" = aws ] && echo "$AWS" || echo "$work/awsj-$1"; }

# Fixtures: a bucket with an object, a topic, an image.
AWSJ_NO_CDS=1 "$(tool_path "${tools[-1]}")" s3 mb s3://bench --endpoint-url "$FQ" > /dev/null
printf 'hello' > "$work/hello.txt"
AWSJ_NO_CDS=1 "$(tool_path "${tools[-1]}")" s3 cp "$work/hello.txt" s3://bench/hello.txt --endpoint-url "$FQ" > /dev/null
TOPIC=$(AWSJ_NO_CDS=1 "$(tool_path "${tools[-1]}")" sns create-topic --name bench --endpoint-url "$FQ" --query TopicArn --output text)
{ printf '\377\330\377\340'; head -c 2048 /dev/urandom; } > "$work/image.jpg"

declare -A times   # "case,tool" -> space-separated ms
record() { times["$1,$2"]="${times["$1,$2"]:-} $3"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
timed() { # case tool command...: one timed run, recorded; a failure is reported, not timed
  local c=$1 t=$2 s e; shift 2
  s=$(now_ms)
  if "$@" > /dev/null 2> "$work/last.err"; then
    e=$(now_ms); record "$c" "$t" $(( e - s ))
  else
    echo "  $c, $t failed: $(head -c 300 "$work/last.err")" >&2
  fi
}
# Waits for the trainers of cache folder $1 (their lock folders) to finish.
wait_trainer() {
  local deadline=$(( $(date +%s) + TRAIN_WAIT ))
  while ls -d "$1"/*.lock > /dev/null 2>&1; do
    [ "$(date +%s)" -ge "$deadline" ] && { echo "  trainer in $1 still at work after $TRAIN_WAIT s" >&2; return; }
    sleep 1
  done
}
# Each round starts the tools in another order: none always runs first or last.
rotate() { # round
  local n=${#tools[@]} i; for i in $(seq 0 $(( n - 1 ))); do echo "${tools[$(( (i + $1) % n ))]}"; done
}

for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r of $ROUNDS: fresh HOME, empty cache; first call, 4 concurrent, job first and warm" >&2
  for t in $(rotate "$r"); do
    tool=$(tool_path "$t")
    home="$work/home-$t-$r"; mkdir -p "$home"
    export HOME="$home" AWSJ_CACHE_DIR="$home/.cache/awsj"
    timed "first call (s3 ls)" "$t" "$tool" s3 ls s3://bench/ --endpoint-url "$FQ"
    pids=()
    for i in 1 2 3 4; do
      ( timed_one() { s=$(now_ms); "$tool" s3 ls s3://bench/ --endpoint-url "$FQ" > /dev/null 2>&1 && echo $(( $(now_ms) - s )) > "$work/conc.$i"; }
        timed_one ) &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || true; done
    for i in 1 2 3 4; do [ -s "$work/conc.$i" ] && record "4 concurrent first calls" "$t" "$(cat "$work/conc.$i")"; rm -f "$work/conc.$i"; done
    timed "job, first run" "$t" "$root/bench/job.sh" "$tool" "job-$t-$r" "$TOPIC" "$FQ" "$FQ"
    wait_trainer "$AWSJ_CACHE_DIR"
    timed "job, warm" "$t" "$root/bench/job.sh" "$tool" "job-$t-$r-w" "$TOPIC" "$FQ" "$FQ"
  done
done

# The warm calls use the last round's homes (archives made).
cases=("--version" "s3 ls" "sns list-topics" "s3api head-object" "rekognition detect-labels")
args_of() { # case tool
  case $1 in
    --version) echo "--version" ;;
    "s3 ls") echo "s3 ls s3://bench/ --endpoint-url $FQ" ;;
    "sns list-topics") echo "sns list-topics --endpoint-url $FQ" ;;
    "s3api head-object") echo "s3api head-object --bucket bench --key hello.txt --endpoint-url $FQ" ;;
    "rekognition detect-labels") # aws takes the bytes as --image-bytes, awsj as --image FILE
      if [ "$2" = aws ]; then echo "rekognition detect-labels --image-bytes fileb://$work/image.jpg --endpoint-url $REK"
      else echo "rekognition detect-labels --image $work/image.jpg --endpoint-url $REK"; fi ;;
  esac
}
echo "== warm calls: $RUNS rounds, interleaved" >&2
# Each kind of call has its own archive (docs/configuration.md): one call of each, then the trainer's
# end, so that no warm call runs beside a trainer.
for t in "${tools[@]}"; do
  export HOME="$work/home-$t-$ROUNDS" AWSJ_CACHE_DIR="$work/home-$t-$ROUNDS/.cache/awsj"
  for c in "${cases[@]}"; do
    read -ra words <<< "$(args_of "$c" "$t")"
    "$(tool_path "$t")" "${words[@]}" > /dev/null 2>&1 || true
  done
  [ "$t" = aws ] || { echo "sns list-topics" | "$(tool_path "$t")" run --endpoint-url "$FQ" - > /dev/null 2>&1 || true; }
  [ "$t" = aws ] || wait_trainer "$AWSJ_CACHE_DIR"
done
for r in $(seq 1 "$RUNS"); do
  for c in "${cases[@]}"; do
    for t in $(rotate "$r"); do
      read -ra words <<< "$(args_of "$c" "$t")"
      export HOME="$work/home-$t-$ROUNDS" AWSJ_CACHE_DIR="$work/home-$t-$ROUNDS/.cache/awsj"
      timed "$c" "$t" "$(tool_path "$t")" "${words[@]}"
    done
  done
done

publish_loop() { # tool
  for i in $(seq 1 "$PUBLISHES"); do
    "$1" sns publish --topic-arn "$TOPIC" --message "message $i" --endpoint-url "$FQ" > /dev/null
  done
}
if [ "$PUBLISHES" -gt 0 ]; then
  for i in $(seq 1 "$PUBLISHES"); do echo "sns publish --topic-arn $TOPIC --message 'message $i'"; done > "$work/publish.txt"
  echo "== $PUBLISHES x sns publish (one run each)" >&2
  for t in "${tools[@]}"; do
    export HOME="$work/home-$t-$ROUNDS" AWSJ_CACHE_DIR="$work/home-$t-$ROUNDS/.cache/awsj"
    timed "$PUBLISHES x sns publish" "$t" publish_loop "$(tool_path "$t")"
    [ "$t" = aws ] || timed "$PUBLISHES x sns publish (awsj run)" "$t" "$(tool_path "$t")" run --endpoint-url "$FQ" "$work/publish.txt"
  done
fi

stats() { # ms list: "median [min-max]"
  echo "$@" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else printf "%d [%d-%d]\n", a[int((NR+1)/2)], a[1], a[NR]}'
}
median() { stats "$@" | cut -d' ' -f1; }
ratio() { # awsj aws
  if [ "$1" = - ] || [ -z "$2" ] || [ "$2" = - ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi
}
echo
echo "awsj start-up benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): ms, median [min-max]; ratio = awsj median / aws median"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?); aws: $([ -n "$AWS" ] && "$AWS" --version 2>&1 | cut -d' ' -f1 || echo none); $jdk_versions"
echo "first-run cases: $ROUNDS rounds (4 concurrent: 4 calls a round); warm calls: $RUNS rounds"
header=$(printf '%-28s %-20s' "case" "aws")
for t in "${tools[@]}"; do [ "$t" = aws ] || header+=$(printf ' %-20s %5s' "awsj $t" "/aws"); done
echo "$header"
for c in "first call (s3 ls)" "4 concurrent first calls" "job, first run" "job, warm" "${cases[@]}" \
    "$PUBLISHES x sns publish" "$PUBLISHES x sns publish (awsj run)"; do
  [[ $c == "0 x"* ]] && continue
  aws_key=$c; [[ $c == *"(awsj run)" ]] && aws_key="$PUBLISHES x sns publish"
  aws_ms=$(median ${times["$aws_key,aws"]:-})
  line=$(printf '%-28s %-20s' "$c" "$([[ $c == *"(awsj run)" ]] && echo "" || stats ${times["$c,aws"]:-})")
  for t in "${tools[@]}"; do
    [ "$t" = aws ] && continue
    line+=$(printf ' %-20s %5s' "$(stats ${times["$c,$t"]:-})" "$(ratio "$(median ${times["$c,$t"]:-})" "$aws_ms")")
  done
  echo "$line"
done
