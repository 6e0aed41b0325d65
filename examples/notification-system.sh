#!/usr/bin/env bash
# Case study "Building a notification system": one SNS topic per department, every contact of a
# CSV subscribed to its department's topic by SMS and email, and an alert published when a
# month's report shows more violations than the department's threshold.
#
#   examples/notification-system.sh CONTACTS_CSV REPORT_S3_URI [TRASH_LIMIT] [STREETS_LIMIT]
#   e.g. examples/notification-system.sh contacts.csv s3://gid-reports/2019/feb/final_report.csv 100 30
# CONTACTS_CSV has a header with Name,Email,Phone,Department (any order); Phone in E.164.
# The report is the CSV of report-repository.sh (service_name,count).
# Uses awsj (or $AWSJ), awk.
set -euo pipefail
awsj=${AWSJ:-awsj}
contacts=${1:?CONTACTS_CSV} report=${2:?REPORT_S3_URI} trash_limit=${3:-100} streets_limit=${4:-30}

column() { awk -F, -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next } c { print $c }' "$contacts"; }

# 1. A topic per department (create-topic is idempotent: the same ARN comes back).
declare -A topic
for dept in $(column Department | sort -u); do
  topic[$dept]=$("$awsj" sns create-topic --name "${dept}_notifications" --query TopicArn --output text)
  echo "topic ${topic[$dept]}"
done

# 2. Every contact subscribed by SMS and email to its department's topic.
paste -d, <(column Department) <(column Phone) <(column Email) | while IFS=, read -r dept phone email; do
  "$awsj" sns subscribe --topic-arn "${topic[$dept]}" --protocol sms --notification-endpoint "$phone" >/dev/null
  "$awsj" sns subscribe --topic-arn "${topic[$dept]}" --protocol email --notification-endpoint "$email" >/dev/null
  echo "subscribed $email and $phone to $dept"
done

# 3. The month's counts, read straight from S3.
count() { "$awsj" s3 cp "$report" - | awk -F, -v s="$1" '$1 == s { print $2; found = 1 } END { if (!found) print 0 }'; }
trash=$(count "Illegal Dumping")
streets=$(count "Pothole")

# 4. Alerts over the thresholds.
if [ -n "${topic[trash]:-}" ] && [ "$trash" -gt "$trash_limit" ]; then
  "$awsj" sns publish --topic-arn "${topic[trash]}" --subject "Trash Alert" \
    --message "Trash violations count is now $trash" --query MessageId --output text | sed 's/^/alert trash /'
fi
if [ -n "${topic[streets]:-}" ] && [ "$streets" -gt "$streets_limit" ]; then
  "$awsj" sns publish --topic-arn "${topic[streets]}" --subject "Streets Alert" \
    --message "Streets violations count is now $streets" --query MessageId --output text | sed 's/^/alert streets /'
fi
