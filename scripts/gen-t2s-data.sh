#!/usr/bin/env bash
# Regenerates lexicon/t2s/data/*.txt from Debian's OpenCC data.
# The build never runs this: the exported files are committed, so a clone
# builds without apt. Run it only to move to newer OpenCC data.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v opencc_dict >/dev/null; then
  apt-get install -y opencc libopencc-data
fi
out=lexicon/t2s/data
for d in TSCharacters TSPhrases; do
  opencc_dict -i "/usr/share/opencc/$d.ocd2" -o "$out/$d.txt" -f ocd2 -t text
done
wc -l "$out"/*.txt
