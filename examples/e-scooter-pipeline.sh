#!/bin/sh
# Case study: sentiment about e-scooters blocking the sidewalk (the boto3 tutorial's
# Translate + Comprehend + Rekognition pipeline, as awsj commands).
#
#   examples/e-scooter-pipeline.sh reports.csv gid-images
#
# reports.csv has the columns public_description and image (an object key in the bucket).
# Prints the line numbers of reports with a scooter in the picture and a NEGATIVE description:
# the pick-ups to schedule. Needs jq.
set -eu
awsj=${AWSJ:-awsj}
reports=${1:?usage: $0 reports.csv bucket}
bucket=${2:?usage: $0 reports.csv bucket}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Every description in English: one JSON result a line, concurrent calls, input order kept.
#    A line that fails is reported on its own ("Error") and the others go on.
$awsj translate translate-text --input-file "$reports" --column public_description \
  --source-language-code auto --target-language-code en > "$work/english.jsonl" || true

# 2. Sentiment of the English texts, 25 a batch call; keep "line<TAB>sentiment".
jq -r 'select(.TranslatedText) | .TranslatedText | gsub("\n"; " ")' "$work/english.jsonl" > "$work/english.txt"
jq -r 'select(.TranslatedText) | .Line' "$work/english.jsonl" > "$work/lines.txt"
$awsj comprehend detect-sentiment --input-file "$work/english.txt" --language-code en \
  --query 'Sentiment || `ERROR`' --output text > "$work/sentiment.txt" || true
paste "$work/lines.txt" "$work/sentiment.txt" > "$work/line-sentiment.tsv"

# 3. Is there a scooter in the report's picture? Rekognition reads the image from S3 itself.
#    Column 2 of the CSV is the image key in this sketch; adapt the awk to your layout.
tail -n +2 "$reports" | awk -F, '{ print NR + 1 "\t" $2 }' | while IFS="$(printf '\t')" read -r line key; do
  [ -n "$key" ] || continue
  if $awsj rekognition detect-labels --image "s3://$bucket/$key" \
       --query "contains(Labels[].Name, 'Scooter')" --output text | grep -q True; then
    sentiment=$(awk -F'\t' -v l="$line" '$1 == l { print $2 }' "$work/line-sentiment.tsv")
    [ "$sentiment" = NEGATIVE ] && echo "$line"
  fi
done
