#!/usr/bin/env bash
# Case study "Detecting sentiment about e-scooters blocking the sidewalk": translate every request
# description to English, score the sentiment of all of them in batches, look for a scooter in
# each request's image, and list the requests that are negative and show a scooter.
#
#   examples/scooter-sentiment.sh REQUESTS_CSV
# REQUESTS_CSV: header "id,image,description" (description last; it may contain commas); image is
# a local path, s3://bucket/key or an http(s) URL.
# Prints "id<TAB>description (English)" for each negative request with a scooter.
# Uses awsj (or $AWSJ), awk, jq, paste.
set -euo pipefail
awsj=${AWSJ:-awsj}
csv=${1:?REQUESTS_CSV}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -F, 'NR > 1 { print $1 > ids; print $2 > images; d = $0; sub(/^[^,]*,[^,]*,/, "", d); print d > texts }' \
  ids="$work/ids" images="$work/images" texts="$work/texts" "$csv"

# 1. Translate each description (one per line) to English: one JSON result a line, in order.
"$awsj" translate translate-text --input-file "$work/texts" --source-language-code auto \
  --target-language-code en | jq -r '.TranslatedText // ""' > "$work/english"

# 2. Sentiment of every description in batches of 25: one JSON result a line, in order.
"$awsj" comprehend detect-sentiment --input-file "$work/english" --language-code en |
  jq -r '.Sentiment // "ERROR"' > "$work/sentiment"

# 3. Is there a scooter in the image?
while read -r image; do
  "$awsj" rekognition detect-labels --image "$image" --min-confidence 80 \
    --query "length(Labels[?Name=='Scooter'])" --output text
done < "$work/images" > "$work/scooters"

# 4. Negative and showing a scooter.
paste "$work/ids" "$work/sentiment" "$work/scooters" "$work/english" |
  awk -F'\t' '$2 == "NEGATIVE" && $3 > 0 { print $1 "\t" $4 }'
