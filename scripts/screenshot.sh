#!/usr/bin/env bash
# Render the seed document to HTML and print it with headless Chromium at A4: out/seed.pdf, and PNG
# screenshots of the table pages, to look at CJK wrapping, column widths and page breaks.
# Needs chromium (apt-get install -y chromium) and a CJK font (apt-get install -y fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
rm -f out/seed-page-*.png out/seed-findings-page-*.png
INPUT="${1:-examples/chengde-gxq-2023.gold.json}"
CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$CHROME" ]; then echo "screenshot: chromium not found (apt-get install -y chromium)" >&2; exit 2; fi
if ! fc-list :lang=zh | grep -q .; then echo "screenshot: no CJK font (apt-get install -y fonts-noto-cjk)" >&2; fi

npx tsx src/cli.ts render "$INPUT" --to html -o out/seed.html
npx tsx src/cli.ts render "$INPUT" --to html --project "#1" -o out/seed-project1.html
npx tsx src/cli.ts render "$INPUT" --to html --with-findings -o out/seed-findings.html

chrome() {
  "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars "$@" 2>/dev/null
}
chrome --no-pdf-header-footer --print-to-pdf="$PWD/out/seed.pdf" "file://$PWD/out/seed.html"
chrome --no-pdf-header-footer --print-to-pdf="$PWD/out/seed-findings.pdf" "file://$PWD/out/seed-findings.html"
# A4 at 96 dpi is 794 px wide; the screenshot shows the single-project page as printed on screen.
chrome --screenshot="$PWD/out/seed-project1.png" --window-size=794,1500 "file://$PWD/out/seed-project1.html"
# PDF pages as PNGs when poppler's pdftoppm is available.
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 60 out/seed.pdf out/seed-page
  pdftoppm -png -r 60 out/seed-findings.pdf out/seed-findings-page
fi
ls -1 out/*.pdf out/*.png
