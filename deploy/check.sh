#!/bin/sh
# CI checks for deploy/: shellcheck, systemd-analyze verify, and an idempotent install into a temp root.
# Tools that are missing are skipped with a message.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
FAIL=0

if command -v shellcheck >/dev/null 2>&1; then
    if shellcheck "$HERE/install.sh" "$HERE/backstep-export" "$HERE/check.sh" "$HERE/deb/postinst" "$HERE/deb/prerm" \
        "$HERE/hil/run.sh" "$HERE/hil/cases.sh"; then
        echo "check: shellcheck ok"
    else
        FAIL=1
    fi
else
    echo "check: SKIP shellcheck (not installed: apt-get install shellcheck)"
fi

if command -v systemd-analyze >/dev/null 2>&1; then
    # The binaries live on the Pi only: "not executable" for them is expected here.
    OUT=$(systemd-analyze verify "$HERE/backstep.service" "$HERE/backstep-export@.service" 2>&1 || true)
    REST=$(printf '%s\n' "$OUT" | grep -v -e 'is not executable: No such file or directory' -e '^$' || true)
    if [ -n "$REST" ]; then
        printf '%s\n' "$REST"
        FAIL=1
    else
        echo "check: systemd-analyze verify ok"
    fi
else
    echo "check: SKIP systemd-analyze (no systemd)"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf 'not a real jar\n' >"$TMP/backstep.jar"
mkdir -p "$TMP/root/boot/firmware"
printf '[cm4]\notg_mode=1\n' >"$TMP/root/boot/firmware/config.txt"
sh "$HERE/install.sh" --root "$TMP/root" --jar "$TMP/backstep.jar" >/dev/null
(cd "$TMP/root" && find . -type f -exec sha256sum {} + | sort) >"$TMP/first"
SECOND=$(sh "$HERE/install.sh" --root "$TMP/root" --jar "$TMP/backstep.jar")
(cd "$TMP/root" && find . -type f -exec sha256sum {} + | sort) >"$TMP/second"
if cmp -s "$TMP/first" "$TMP/second" && printf '%s\n' "$SECOND" | grep -q "nothing to do"; then
    echo "check: install.sh is idempotent"
else
    echo "check: install.sh changed something on its second run" >&2
    FAIL=1
fi
if ! tail -n 3 "$TMP/root/boot/firmware/config.txt" | grep -qx '\[all\]'; then
    echo "check: config.txt lines not under [all]" >&2
    FAIL=1
fi

exit "$FAIL"
