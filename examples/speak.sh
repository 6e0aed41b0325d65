#!/usr/bin/env bash
# Polly: read a text file aloud into one MP3, however long the text (awsj splits it at sentence
# boundaries below the request limit and joins the audio).
#
#   examples/speak.sh TEXT_FILE OUT.mp3 [VOICE]      e.g. examples/speak.sh notes.txt notes.mp3 Joanna
set -euo pipefail
awsj=${AWSJ:-awsj}
text=${1:?TEXT_FILE} out=${2:?OUT.mp3} voice=${3:-Joanna}
"$awsj" polly synthesize-speech --text-file "$text" --voice-id "$voice" --output-format mp3 "$out"
