#!/usr/bin/env bash
# Case study "Detecting sentiment about e-scooters blocking the sidewalk": translate every request
# description to English, score the sentiment of all of them in batches, look for a scooter in
# each request's image, and list the requests that are negative and show a scooter: the pick-ups
# to schedule.
#
#   examples/scooter-sentiment.sh REQUESTS_CSV [IMAGE_PREFIX]
#   e.g. examples/scooter-sentiment.sh requests.csv s3://gid-images/
# REQUESTS_CSV: a header naming the columns id, image and description (any order; description
# may be "quoted, with commas" when it is the last column), one request a line. image is anything
# --image takes: a local path, s3://bucket/key (Rekognition reads it from S3 itself) or an http(s)
# URL; IMAGE_PREFIX is put before each (e.g. s3://gid-images/ when the column holds object keys).
# Prints "id<TAB>description in English" for each negative request with a scooter. A request whose
# translation, sentiment or image failed is reported on stderr and left out; the others go on.
# Uses awsj (or $AWSJ), jq, awk, paste.
set -euo pipefail
awsj=${AWSJ:-awsj}
csv=${1:?REQUESTS_CSV} prefix=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "line<TAB>value" of a column (line = the line number in the CSV, as awsj's {"Line":N} results).
column() { awk -F, -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next }
                                 c && NF { sub(/\r$/, "", $c); print NR "\t" $c }' "$csv"; }
failures() { jq -r --arg what "$1" 'select(.Error) | "line \(.Line): \($what): \(.Error.Message? // .Error)"' >&2; }

# 1. Every description in English: awsj reads the CSV column itself, calls Translate concurrently
#    and prints one JSON result a line, in input order. Exit 254 means some lines failed.
"$awsj" translate translate-text --input-file "$csv" --column description \
  --source-language-code auto --target-language-code en > "$work/english.jsonl" || true
failures translate < "$work/english.jsonl"
jq -r 'select(.TranslatedText) | "\(.Line)\t\(.TranslatedText | gsub("[\r\n\t]+"; " "))"' \
  "$work/english.jsonl" > "$work/english.tsv"

# 2. Sentiment of the English texts, one a line, sent in batch calls of 25 documents.
awk -F'\t' '{ print $2 }' "$work/english.tsv" > "$work/english.txt"
"$awsj" comprehend detect-sentiment --input-file "$work/english.txt" --language-code en \
  > "$work/sentiment.jsonl" || true
failures sentiment < "$work/sentiment.jsonl"
#    Result k is the k-th line of english.txt: map it back to its CSV line.
jq -r 'select(.Sentiment) | "\(.Line)\t\(.Sentiment)"' "$work/sentiment.jsonl" |
  awk -F'\t' 'NR == FNR { csvline[FNR] = $1; next } { print csvline[$1] "\t" $2 }' "$work/english.tsv" - \
  > "$work/sentiment.tsv"

# 3. Is there a scooter in each image? One detect-labels a request, all run by one awsj process in
#    parallel (awsj run --parallel 8 -), each printing {"Scooter": true|false}.
column image > "$work/images.tsv"
jq -R -r --arg prefix "$prefix" --arg q "{Scooter: contains(Labels[].Name, 'Scooter')}" '
    split("\t")[1] as $image |
    "rekognition detect-labels --min-confidence 80 --image \($prefix + $image | @sh) --query \($q | @sh)"' \
  "$work/images.tsv" | "$awsj" run --parallel 8 - > "$work/labels.jsonl" || true
jq -r 'select(.ExitCode != 0) | "image \(.Line): \(.Error // .Output)"' "$work/labels.jsonl" >&2
jq -r '"\(.Output.Scooter? // false)"' "$work/labels.jsonl" | paste "$work/images.tsv" - |
  awk -F'\t' '$3 == "true" { print $1 }' > "$work/scooters"

# 4. Negative and showing a scooter: join by CSV line, print id and the English text.
awk -F'\t' 'FILENAME == ARGV[1] { scooter[$1] = 1; next }
            FILENAME == ARGV[2] { sentiment[$1] = $2; next }
            FILENAME == ARGV[3] { english[$1] = $2; next }
            scooter[$1] && sentiment[$1] == "NEGATIVE" { print $2 "\t" english[$1] }' \
  "$work/scooters" "$work/sentiment.tsv" "$work/english.tsv" <(column id)
