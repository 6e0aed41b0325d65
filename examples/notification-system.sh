#!/usr/bin/env bash
# Case study "Building a notification system": one SNS topic per department, every contact of a
# CSV subscribed to its department's topic by SMS and email, and an alert published when a
# month's report shows more violations than the department's threshold.
#
#   examples/notification-system.sh CONTACTS_CSV REPORT_S3_URI [TRASH_LIMIT] [STREETS_LIMIT]
#   e.g. examples/notification-system.sh contacts.csv s3://gid-reports/2019/feb/final_report.csv 100 30
# CONTACTS_CSV: a header naming Name,Email,Phone,Department (any order), one contact a line, no
# quoted commas; Phone in E.164 (+15555550100). Departments "trash" and "streets" get alerts.
# The report is the CSV of report-repository.sh (service_name,count).
# Prints what it did; exits non-zero when a call failed.
# Uses awsj (or $AWSJ), jq, awk, sort, paste, sed.
set -euo pipefail
awsj=${AWSJ:-awsj}
contacts=${1:?CONTACTS_CSV} report=${2:?REPORT_S3_URI} trash_limit=${3:-100} streets_limit=${4:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

column() { awk -F, -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next }
                                 c && NF { sub(/\r$/, "", $c); print $c }' "$contacts"; }

# awsj run --parallel 8 - reads command lines on stdin and runs up to 8 at once in one process (the
# lines are independent: one topic or subscription each), printing one
# {"Line":N,"ExitCode":C,"Output":…,"Error":…} a line in input order: no JVM start per contact.
# Any line that failed is shown on stderr, and the script stops.
run() {
  "$awsj" run --parallel 8 - > "$work/run.jsonl" || {
    jq -r 'select(.ExitCode != 0) | "line \(.Line): \(.Error // .Output)"' "$work/run.jsonl" >&2
    exit 1
  }
}

# 1. A topic per department (create-topic is idempotent: the same ARN comes back).
column Department | sort -u > "$work/departments"
jq -R -r '"sns create-topic --name \(. + "_notifications" | @sh)"' "$work/departments" | run
jq -r '.Output.TopicArn' "$work/run.jsonl" | paste "$work/departments" - > "$work/topics"
sed 's/^[^\t]*\t/topic /' "$work/topics"
topic() { awk -F'\t' -v d="$1" '$1 == d { print $2 }' "$work/topics"; }

# 2. Every contact subscribed by SMS and email to its department's topic, all in one awsj process.
paste -d'\t' <(column Department) <(column Phone) <(column Email) |
  awk -F'\t' 'NR == FNR { arn[$1] = $2; next } { print arn[$1] "\t" $2 "\t" $3 }' "$work/topics" - |
  jq -R -r 'split("\t") as [$arn, $phone, $email] |
    "sns subscribe --topic-arn \($arn | @sh) --protocol sms --notification-endpoint \($phone | @sh)",
    "sns subscribe --topic-arn \($arn | @sh) --protocol email --notification-endpoint \($email | @sh)"' | run
echo "subscriptions $(jq -s length "$work/run.jsonl")"

# 3. The month's counts, read straight from S3 (cp to - streams the object to stdout).
"$awsj" s3 cp "$report" - > "$work/report.csv"
count() { awk -F, -v s="$1" '$1 == s { n = $2 } END { print n + 0 }' "$work/report.csv"; }
trash=$(count "Illegal Dumping")
streets=$(count "Pothole")
echo "counts trash=$trash streets=$streets"

# 4. Alerts over the thresholds, to the department's topic.
alert() { # DEPARTMENT COUNT LIMIT SUBJECT
  local arn
  arn=$(topic "$1")
  if [ -n "$arn" ] && [ "$2" -gt "$3" ]; then
    "$awsj" sns publish --topic-arn "$arn" --subject "$4" \
      --message "$4: violations count is now $2 (threshold $3)" --query MessageId --output text |
      sed "s/^/alert $1 /"
  fi
}
alert trash "$trash" "$trash_limit" "Trash Alert"
alert streets "$streets" "$streets_limit" "Streets Alert"
