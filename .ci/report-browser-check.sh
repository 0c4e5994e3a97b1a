#!/bin/sh
# report-browser-check.sh REPORT.html: open the report in headless Chromium at 390 px (a phone) and at
# 1200 px (a desktop) and assert that
#   - the page is no wider than its window (no horizontal scrolling), and
#   - no visible text renders smaller than MIN_PX CSS pixels (SVG chart text measured after the chart's
#     scaling, as it appears on the screen).
# Headless Chromium will not make a window narrower than 500 px, so the report is shown in an iframe of
# the width under test (an iframe is a viewport of its own: the report's media queries apply to it). A
# measuring script in the outer page reads the report's layout (the report has no script); --dump-dom
# prints the outer page after it ran. Screenshots go to $OUT (default /tmp/backstep-report-check), never
# into the repository. Chromium is installed via apt when missing (root only).
set -eu
REPORT=${1:?usage: report-browser-check.sh REPORT.html}
MIN_PX=${MIN_PX:-11}
OUT=${OUT:-${TMPDIR:-/tmp}/backstep-report-check}
mkdir -p "$OUT"

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get install -y -q --no-install-recommends chromium || { apt-get update -q && apt-get install -y -q --no-install-recommends chromium; }; } >/dev/null 2>&1 || true
    BROWSER=$(command -v chromium || true)
fi
if [ -z "$BROWSER" ]; then
    echo "report-check: SKIP (no chromium)"
    exit 0
fi
cp "$REPORT" "$OUT/report.html"

FAIL=0
for W in 390 1200; do
    cat >"$OUT/at-$W.html" <<HTML
<!DOCTYPE html><html><body style="margin:0">
<iframe id="r" src="report.html" style="width:${W}px;height:1600px;border:0"></iframe>
<script>
document.getElementById("r").onload = function () {
  var win = this.contentWindow, doc = win.document, W = win.innerWidth, min = 1e9, where = "", wide = [];
  var all = doc.querySelectorAll("body *");
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.closest("title,desc,style,script")) continue;
    var own = false;
    for (var c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && c.textContent.trim()) own = true;
    var r = el.getBoundingClientRect();
    if (r.right > W + 0.5 && r.width > 0) wide.push(el.tagName + "." + (el.getAttribute("class") || "") + ":" + Math.round(r.right));
    if (!own || r.width === 0) continue;
    var px = parseFloat(win.getComputedStyle(el).fontSize);
    if (el.getScreenCTM) { var m = el.getScreenCTM(); px = px * Math.sqrt(m.a * m.a + m.b * m.b); }
    if (px < min) { min = px; where = el.tagName + " '" + el.textContent.trim().slice(0, 30) + "'"; }
  }
  var p = document.createElement("pre");
  p.textContent = "MEA" + "SURED width=" + W + " scrollWidth=" + doc.documentElement.scrollWidth + " minFontPx=" + min.toFixed(1)
      + " at=" + where + " wide=" + wide.slice(0, 5).join(",");
  document.body.appendChild(p);
};
</script></body></html>
HTML
    LINE=$("$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
        --window-size=1300,1000 --virtual-time-budget=5000 --dump-dom "file://$OUT/at-$W.html" 2>/dev/null \
        | grep -o 'MEASURED [^<]*' | tail -n 1 || true)
    "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
        --window-size="$((W > 500 ? W : 500)),1600" --virtual-time-budget=5000 --screenshot="$OUT/report-$W.png" \
        "file://$OUT/at-$W.html" >/dev/null 2>&1 || true
    if [ -z "$LINE" ]; then
        echo "report-check: FAIL at $W px: no measurement (did the page load?)"
        FAIL=1
        continue
    fi
    SCROLL=$(printf '%s\n' "$LINE" | sed -n 's/.* scrollWidth=\([0-9]*\).*/\1/p')
    MINPX=$(printf '%s\n' "$LINE" | sed -n 's/.* minFontPx=\([0-9.]*\).*/\1/p')
    if [ "$SCROLL" -gt "$W" ]; then
        echo "report-check: FAIL at $W px: the page is $SCROLL px wide (${LINE#MEASURED })"
        FAIL=1
    elif awk -v a="$MINPX" -v b="$MIN_PX" 'BEGIN { exit !(a < b) }'; then
        echo "report-check: FAIL at $W px: text at ${MINPX} px, under $MIN_PX (${LINE#MEASURED })"
        FAIL=1
    else
        echo "report-check: ok at $W px: no horizontal overflow, smallest text ${MINPX} px (${LINE#MEASURED }; screenshot $OUT/report-$W.png)"
    fi
done
exit "$FAIL"
