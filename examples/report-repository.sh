#!/usr/bin/env bash
# Case study "Generating a report repository": download a month's request CSVs, count the
# requests per service, publish the report as CSV and HTML (public-read, right content types) and
# regenerate an index.html that links every report under the prefix.
#
#   examples/report-repository.sh [RAW_BUCKET] [MONTH_PREFIX] [REPORTS_BUCKET] [REPORT_FOLDER]
#   defaults:                      gid-requests  2019_jan       gid-reports      2019/jan
# Prints the index's public URL. Uses awsj (or $AWSJ), awk, sort and jq.
set -euo pipefail
awsj=${AWSJ:-awsj}
raw=${1:-gid-requests} month=${2:-2019_jan} reports=${3:-gid-reports} folder=${4:-2019/jan}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The month's CSVs, every page of the listing, downloaded concurrently.
"$awsj" s3 cp "s3://$raw/" "$work/raw/" --recursive --exclude '*' --include "$month*.csv" --only-show-errors >/dev/null
csvs=("$work"/raw/*.csv)
[ -e "${csvs[0]}" ] || { echo "no $month*.csv in s3://$raw/" >&2; exit 1; }

# 2. Requests per service_name (found by its header), largest first.
awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "service_name") col = i; next }
         col { n[$col]++ }
         END { for (s in n) print s "," n[s] }' "${csvs[@]}" | sort -t, -k2,2nr -k1,1 > "$work/rows"
mkdir "$work/out"
{ echo "service_name,count"; cat "$work/rows"; } > "$work/out/final_report.csv"
{
  echo '<table><thead><tr><th>service_name</th><th>count</th></tr></thead><tbody>'
  awk -F, '{ printf "<tr><td>%s</td><td>%s</td></tr>\n", $1, $2 }' "$work/rows"
  echo '</tbody></table>'
} > "$work/out/final_report.html"

# 3. Publish both in one command; the content type comes from each file's name (text/csv, text/html).
"$awsj" s3 cp "$work/out/" "s3://$reports/$folder/" --recursive --acl public-read --only-show-errors >/dev/null

# 4. index.html listing every report under the year, linked by its public URL.
top=${folder%%/*}
base=$("$awsj" s3 url "s3://$reports/index.html")
base=${base%index.html}
"$awsj" s3api list-objects-v2 --bucket "$reports" --prefix "$top/" --output json > "$work/listing.json"
jq -r --arg base "$base" '
    "<html><body><h1>Reports</h1><table><tr><th>Link</th><th>LastModified</th><th>Size</th></tr>",
    ((.Contents // [])[] | "<tr><td><a href=\"\($base)\(.Key)\">\(.Key)</a></td><td>\(.LastModified)</td><td>\(.Size)</td></tr>"),
    "</table></body></html>"' "$work/listing.json" > "$work/index.html"
"$awsj" s3 cp "$work/index.html" "s3://$reports/index.html" --acl public-read --only-show-errors >/dev/null

# 5. Every linked report and the index made public-read (also reports uploaded earlier without it;
#    some emulators ignore --acl on upload), all in one awsj process: `awsj run --parallel 8 -` runs
#    the (independent) command lines of its stdin up to 8 at once.
jq -r --arg b "$reports" '((.Contents // [])[].Key, "index.html") | "s3 set-acl --acl public-read \("s3://\($b)/\(.)" | @sh)"' \
  "$work/listing.json" | "$awsj" run --parallel 8 - >/dev/null

echo "${base}index.html"
