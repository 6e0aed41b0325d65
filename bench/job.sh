#!/bin/sh
# A CI job's awsj (or aws) calls, five of them: make a bucket, upload a report, list it, presign a
# link to it, publish the link. Run by bench/startup.sh (awsj beside aws, on a fresh HOME and warm)
# and by .github/workflows/setup-awsj.yml (after the setup-awsj action).
#
#   bench/job.sh TOOL BUCKET TOPIC_ARN S3_ENDPOINT SNS_ENDPOINT
#
# TOOL is awsj, aws, or the path of either; the endpoints are emulators' (fauxqs serves both).
set -eu
tool=$1 bucket=$2 topic=$3 s3=$4 sns=$5
report=$(mktemp "${TMPDIR:-/tmp}/report.XXXXXX")
trap 'rm -f "$report"' EXIT
printf 'service,requests\ns3,1200\nsns,80\n' > "$report"

"$tool" s3 mb "s3://$bucket" --endpoint-url "$s3"
"$tool" s3 cp "$report" "s3://$bucket/report.csv" --endpoint-url "$s3"
"$tool" s3 ls "s3://$bucket/" --endpoint-url "$s3"
url=$("$tool" s3 presign "s3://$bucket/report.csv" --expires-in 3600 --endpoint-url "$s3")
"$tool" sns publish --topic-arn "$topic" --message "report ready: $url" --endpoint-url "$sns"
