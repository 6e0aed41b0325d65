#!/usr/bin/env bash
# Try awsj without an AWS account: builds awsj if needed, starts S3Mock and fauxqs on 127.0.0.1
# (fetched from Maven Central and npm the first time), runs a short tour of the tutorial tasks,
# and stops the emulators it started — also on Ctrl-C or failure.
#
#   examples/try-local.sh            # needs JDK 17+, Maven, Node.js with npm, curl
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
S3_PORT=${S3_PORT:-9090}
FAUXQS_PORT=${FAUXQS_PORT:-4566}
work=$(mktemp -d)
emulators_pid=

cleanup() {
  if [ -n "$emulators_pid" ]; then
    exec 3>&- 2>/dev/null || true          # closing its stdin stops the emulators
    kill "$emulators_pid" 2>/dev/null || true
    wait "$emulators_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\n\033[1m$ %s\033[0m\n' "$*" >&2; }
run() { say "awsj $*"; "$root/awsj" "$@"; }

echo "Building awsj and the emulators (the first run downloads them)..." >&2
# test-compile also installs fauxqs from npm (src/test/node).
(cd "$root" && mvn -q -B -DskipTests package && mvn -q -B test-compile) >&2

echo "Starting S3Mock on 127.0.0.1:$S3_PORT and fauxqs on 127.0.0.1:$FAUXQS_PORT..." >&2
mkfifo "$work/ctl"
(cd "$root" && exec mvn -q -B exec:java@local-emulators -Ds3.port="$S3_PORT" -Dfauxqs.port="$FAUXQS_PORT" \
  < "$work/ctl" > "$work/emulators.log" 2>&1) &
emulators_pid=$!
exec 3> "$work/ctl"
for _ in $(seq 1 120); do
  grep -q '^fauxqs ' "$work/emulators.log" 2>/dev/null && grep -q '^s3mock ' "$work/emulators.log" && break
  kill -0 "$emulators_pid" 2>/dev/null || { cat "$work/emulators.log" >&2; echo "emulators failed to start" >&2; exit 1; }
  sleep 0.5
done
grep -q '^s3mock ' "$work/emulators.log" || { echo "emulators did not start in time" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_ENDPOINT_URL_S3="http://127.0.0.1:$S3_PORT" AWS_ENDPOINT_URL_SNS="http://127.0.0.1:$FAUXQS_PORT"

# --- S3: a bucket, a CSV and an HTML page, a listing, a presigned URL fetched with curl
printf 'service_name,count\nPothole,42\nIllegal Dumping,17\n' > "$work/potholes.csv"
printf '<html><body><h1>Reports</h1></body></html>\n' > "$work/index.html"
run s3 mb s3://gid-reports
run s3 cp "$work/potholes.csv" s3://gid-reports/2019/potholes.csv --acl public-read
run s3 cp "$work/index.html" s3://gid-reports/index.html --acl public-read
run s3 ls s3://gid-reports --recursive --output text
run s3api head-object --bucket gid-reports --key index.html --query ContentType --output text
url=$("$root/awsj" s3 presign s3://gid-reports/2019/potholes.csv --expires-in 300)
say "curl -s '$url'"
curl -sf "$url"

# --- SNS: a topic, a subscription, a message
topic=$("$root/awsj" sns create-topic --name trash_notifications --query TopicArn --output text)
say "awsj sns create-topic --name trash_notifications   # -> $topic"
run sns subscribe --topic-arn "$topic" --protocol email --notification-endpoint ops@example.com
run sns publish --topic-arn "$topic" --subject "Trash Alert" --message "Trash violations count is now 101"
run sns list-subscriptions --query 'Subscriptions[].[Protocol,Endpoint]' --output text

echo >&2
echo "Done. The emulators stop now; run your own commands with the same AWS_ENDPOINT_URL_* settings." >&2
