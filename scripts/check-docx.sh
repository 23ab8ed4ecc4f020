#!/usr/bin/env bash
# Check that annotated Word copies open: annotate a .docx and a .txt from
# testdata, convert each with LibreOffice headless to PDF (comments shown in
# the margin), and render page 1 to PNG for a person to look at.
# Needs: soffice (Debian libreoffice-writer-nogui) and pdftoppm
# (poppler-utils); installs them with apt-get when missing and allowed.
#
#   scripts/check-docx.sh [OUTDIR]      (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"

if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null
  else
    echo "check-docx: needs soffice and pdftoppm (apt-get install libreoffice-writer-nogui poppler-utils)" >&2
    exit 2
  fi
fi

go build -o "$out/shouhou" .
status=0
for doc in testdata/annotate/policy.docx testdata/policies/bad_policy.txt; do
  name=$(basename "$doc")
  docx="$out/${name%.*}.annotated.docx"
  # exit 1 means findings: expected here
  "$out/shouhou" audit -q -o "$docx" "$doc" || [ $? -eq 1 ]
  comments=$(unzip -p "$docx" word/comments.xml | grep -o '<w:comment ' | wc -l)
  # A private profile, so a desktop LibreOffice running does not interfere.
  if ! soffice -env:UserInstallation="file://$out/lo-profile" --headless \
      --convert-to 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}' \
      --outdir "$out" "$docx" >"$out/soffice.log" 2>&1; then
    echo "FAIL $doc: LibreOffice could not convert $docx"; cat "$out/soffice.log"; status=1; continue
  fi
  pdf="${docx%.docx}.pdf"
  if [ ! -s "$pdf" ]; then
    echo "FAIL $doc: no PDF"; cat "$out/soffice.log"; status=1; continue
  fi
  # LibreOffice exports each comment it read as a PDF text annotation.
  notes=$(grep -a -o '/Subtype */Text' "$pdf" | wc -l)
  if [ "$notes" -ne "$comments" ]; then
    echo "FAIL $doc: $comments comments in the .docx, LibreOffice shows $notes"; status=1
  fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
  pdftoppm -png -r 80 -f 1 -l 1 "$pdf" "${docx%.docx}" 2>/dev/null
  echo "ok   $doc: $comments comments, all $notes shown by LibreOffice in a $pages-page PDF; page 1: $(ls "${docx%.docx}"*.png)"
done
exit $status
