#!/bin/sh
# CI checks for deploy/: shellcheck, systemd-analyze verify, and an idempotent install into a temp root.
# Tools that are missing are skipped with a message.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
FAIL=0

if command -v shellcheck >/dev/null 2>&1; then
    if shellcheck "$HERE/install.sh" "$HERE/backstep-export" "$HERE/backstep-cds" "$HERE/check.sh" "$HERE/deb/postinst" "$HERE/deb/prerm" "$HERE/deb/postrm" "$HERE/backstep" "$HERE/boot-config" "$HERE/package-check.sh" \
        "$HERE/hil/run.sh" "$HERE/hil/cases.sh"; then
        echo "check: shellcheck ok"
    else
        FAIL=1
    fi
else
    echo "check: SKIP shellcheck (not installed: apt-get install shellcheck)"
fi

if command -v systemd-analyze >/dev/null 2>&1; then
    # The binaries and the man page are installed by the package only: "not executable" and a failing
    # "man backstep(1)" are expected off the Pi.
    OUT=$(systemd-analyze verify "$HERE/backstep.service" "$HERE/backstep-export@.service" 2>&1 || true)
    REST=$(printf '%s\n' "$OUT" | grep -v -e 'is not executable: No such file or directory' -e '^$' \
        -e "Command 'man backstep(1)' failed" || true)
    if [ -n "$REST" ]; then
        printf '%s\n' "$REST"
        FAIL=1
    else
        echo "check: systemd-analyze verify ok"
    fi
    # Exposure under 4 for both units (systemd's scale: 0 sealed, 10 wide open; --threshold counts tenths).
    for unit in backstep.service backstep-export@.service; do
        LEVEL=$(systemd-analyze security --offline=yes "$HERE/$unit" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        if [ -z "$LEVEL" ]; then
            echo "check: systemd-analyze security gave no figure for $unit" >&2
            FAIL=1
        elif ! systemd-analyze security --offline=yes --threshold=39 "$HERE/$unit" >/dev/null 2>&1; then
            echo "check: $unit exposure $LEVEL is over 4" >&2
            FAIL=1
        else
            echo "check: systemd-analyze security $unit: $LEVEL"
        fi
    done
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
if ! tail -n 6 "$TMP/root/boot/firmware/config.txt" | grep -qx '\[all\]'; then
    echo "check: config.txt lines not under [all]" >&2
    FAIL=1
fi

exit "$FAIL"
