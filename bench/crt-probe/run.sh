#!/usr/bin/env bash
# Builds the CRT probe once (target/ beside this file) and runs it: run.sh ENDPOINT CASE ARGS...
# (see CrtProbe.java). Used by bench/s3-transfer.sh with CRT=1; a throw-away measurement aid,
# not part of awsj.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/target/cp.txt" ] || [ ! -f "$here/target/classes/CrtProbe.class" ] || [ "$here/CrtProbe.java" -nt "$here/target/classes/CrtProbe.class" ]; then
  mkdir -p "$here/target/classes"
  (cd "$here" && { mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2 \
    || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2; })
  javac -d "$here/target/classes" -cp "$(cat "$here/target/cp.txt")" "$here/CrtProbe.java"
fi
exec java ${CRT_JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/cp.txt")" CrtProbe "$@"
