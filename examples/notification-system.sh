#!/bin/sh
# Case study: a notification system fed by a contacts CSV and a monthly threshold
# (the boto3 tutorial's "Building a notification system", as awsj commands).
#
#   examples/notification-system.sh contacts.csv final_report.csv
#
# contacts.csv:      Name,Email,Phone,Department   (Department: trash or streets; Phone in E.164, +1312...)
# final_report.csv:  service_name,count            (rows "Illegal Dumping" and "Pothole")
# Either file may be an s3:// URL; it is read with `awsj s3 cp URL -`.
set -eu
awsj=${AWSJ:-awsj}
contacts=${1:?usage: $0 contacts.csv final_report.csv}
report=${2:?usage: $0 contacts.csv final_report.csv}

read_csv() { case "$1" in s3://*) $awsj s3 cp "$1" - ;; *) cat "$1" ;; esac; }

# 1. Topics (create-topic is idempotent: running the script again finds the same ARNs).
trash_arn=$($awsj sns create-topic --name trash_notifications --query TopicArn --output text)
streets_arn=$($awsj sns create-topic --name streets_notifications --query TopicArn --output text)

# 2. Subscribe each contact by SMS and email to their department's topic.
read_csv "$contacts" | tail -n +2 | tr -d '\r' | while IFS=, read -r name email phone department; do
  if [ "$department" = trash ]; then arn=$trash_arn; else arn=$streets_arn; fi
  $awsj sns subscribe --topic-arn "$arn" --protocol sms --notification-endpoint "$phone" --output off
  $awsj sns subscribe --topic-arn "$arn" --protocol email --notification-endpoint "$email" --output off
  echo "subscribed $name ($department)" >&2
done

# 3. The month's counts, and an alert where a threshold is passed.
count() { read_csv "$report" | tr -d '\r' | awk -F, -v s="$1" '$1 == s { print $2 }'; }
trash=$(count "Illegal Dumping")
streets=$(count "Pothole")

if [ "${trash:-0}" -gt 100 ]; then
  $awsj sns publish --topic-arn "$trash_arn" --subject "Trash Alert" \
    --message "Trash violations count is now $trash"
fi
if [ "${streets:-0}" -gt 30 ]; then
  $awsj sns publish --topic-arn "$streets_arn" --subject "Streets Alert" \
    --message "Streets violations count is now $streets"
fi
