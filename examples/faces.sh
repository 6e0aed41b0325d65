#!/usr/bin/env bash
# Rekognition: find the faces in a picture, print age range and emotion of each, and write a copy
# of the picture with a box around every face.
#
#   examples/faces.sh IMAGE OUT.png       IMAGE: a local file, s3://bucket/key or an http(s) URL
set -euo pipefail
awsj=${AWSJ:-awsj}
image=${1:?IMAGE} out=${2:?OUT.png}
"$awsj" rekognition detect-faces --image "$image" --attributes ALL --annotate "$out" \
  --query 'FaceDetails[].[AgeRange.Low, AgeRange.High, Emotions[0].Type]' --output text
echo "annotated: $out" >&2
