#!/usr/bin/env bash
# Writes reference/ from iati_reference.py (the project's shared bench,
# not part of the crate): for every .xml here, the totals by recipient,
# donor and year in USD for the default types (3,4) and for every type,
# stdout in .csv and the stderr line in .stderr. Run from the crate root:
#   bash tests/data/iati/reference.sh ../shared/bench/iati_reference.py
set -euo pipefail
ref=${1:?path to iati_reference.py}
cd "$(dirname "$0")"
ecb=../../../data/eurofxref-hist.csv
all=1,2,3,4,5,6,7,8,9,10,11,12,13
for f in *.xml examples/*.xml quirks/*.xml; do
  stem=$(basename "$f" .xml)
  for by in recipient donor year; do
    python3 "$ref" --ecb "$ecb" --to USD --by "$by" "$f" \
      > "reference/$stem.$by.csv" 2> "reference/$stem.$by.stderr"
    python3 "$ref" --ecb "$ecb" --to USD --by "$by" --types "$all" "$f" \
      > "reference/$stem.all-types.$by.csv" 2> "reference/$stem.all-types.$by.stderr"
  done
done
