# Sourced by bench/s3-transfer.sh and bench/many-files.sh (bash): fauxqs on 127.0.0.1 and an
# environment in which aws, awsj and rclone all reach it and nothing of the user's.
#
#   . "$here/bench/fauxqs-env.sh"
#   start_fauxqs "$here" "$work"     # sets EP and fauxqs_pid; fauxqs stops when fd 7 closes
#   bench_env "$work"                 # HOME, AWS_*, RCLONE_* (remote "fq") for the tools

start_fauxqs() { # ROOT WORK
  if [ ! -d "$1/src/test/node/node_modules/fauxqs" ]; then (cd "$1/src/test/node" && npm ci --silent >&2); fi
  mkfifo "$2/fauxqs.in"
  node "$1/src/test/node/fauxqs-loopback.mjs" 0 < "$2/fauxqs.in" > "$2/fauxqs.out" 2>&1 &
  fauxqs_pid=$!
  exec 7> "$2/fauxqs.in"
  EP=
  for _ in $(seq 1 600); do
    EP=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$2/fauxqs.out" 2>/dev/null | head -n 1 || true)
    [ -n "$EP" ] && break; sleep 0.1
  done
  [ -n "$EP" ] || { echo "bench: fauxqs did not start: $(cat "$2/fauxqs.out")" >&2; exit 1; }
}

bench_env() { # WORK
  export HOME="$1/home" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
    AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" AWS_CONFIG_FILE="$1/home/.aws/config" \
    AWS_SHARED_CREDENTIALS_FILE="$1/home/.aws/credentials"
  mkdir -p "$HOME/.aws"; : > "$AWS_CONFIG_FILE"
  # rclone without a config file: a remote "fq" from the environment.
  export RCLONE_CONFIG="$1/rclone.conf" RCLONE_CONFIG_FQ_TYPE=s3 RCLONE_CONFIG_FQ_PROVIDER=Other \
    RCLONE_CONFIG_FQ_ENDPOINT="$EP" RCLONE_CONFIG_FQ_ACCESS_KEY_ID=test RCLONE_CONFIG_FQ_SECRET_ACCESS_KEY=test
  unset AWS_CA_BUNDLE
}
