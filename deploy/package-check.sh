#!/bin/sh
# package-check.sh DEB: the .deb as a Pi owner and an image builder meet it, in a throwaway root.
#   1. lintian: no error and no warning (a tag stays only in deploy/lintian-overrides, with its reason);
#   2. install in a root where systemd is not running (a chroot, an image build): the service ends up
#      enabled, the user exists, config.txt gets its lines behind their marker;
#   3. upgrade where systemd runs: the service is restarted;
#   4. remove, then purge: nothing of the package, its state, its class archive or its boot-config lines is left;
#   (with java in the root: the class archive is made at install, and a missing, damaged or stale one
#   does not stop backstep from starting)
#   5. deploy/install.sh twice in such a root, the second time with a new jar: the service is restarted.
# The throwaway root is the host's /usr, /etc and /var under overlays in a private mount namespace, so
# the host is never touched and nothing is downloaded. systemctl inside it is a stub that logs its calls
# (deb-systemd-helper and deb-systemd-invoke are the real ones). Needs root, unshare and overlayfs; if the
# namespace cannot be made the install steps are skipped with a message. lintian is installed via apt
# when missing.
# The checks below are strings evaluated later, on purpose (check NAME 'CONDITION'), and name
# variables only those strings use.
# shellcheck disable=SC2016,SC2034
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DEB=$(cd "$(dirname "${1:?usage: package-check.sh target/backstep.deb}")" && pwd)/$(basename "$1")
[ -f "$DEB" ] || { echo "package-check: no $DEB" >&2; exit 2; }

if [ "${BACKSTEP_IN_NS:-}" != 1 ]; then
    FAIL=0
    if ! command -v lintian >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        { apt-get install -y -q lintian || { apt-get update -q && apt-get install -y -q lintian; }; } >/dev/null 2>&1 \
            || echo "package-check: lintian could not be installed"
    fi
    if command -v lintian >/dev/null 2>&1; then
        # --pedantic and --info too: anything lintian says is either fixed or overridden with a reason
        TAGS=$(lintian --info --pedantic "$DEB" 2>&1 | grep -v '^running with root privileges' || true)
        if [ -n "$TAGS" ]; then
            printf '%s\n' "$TAGS"
            echo "package-check: FAIL lintian: $(printf '%s\n' "$TAGS" | grep -c '^E:') error(s), $(printf '%s\n' "$TAGS" | grep -c '^W:') warning(s)"
            FAIL=1
        else
            echo "package-check: lintian: 0 errors, 0 warnings ($(grep -c '^backstep:' "$HERE/lintian-overrides") overridden, with reasons)"
        fi
    else
        echo "package-check: SKIP lintian (not installed)"
        FAIL=1
    fi
    # the jar ships no dead weight: no jsch, JNA natives for Linux arm, aarch64 and x86-64 only
    JAR_COPY=${TMPDIR:-/tmp}/backstep-check-$$.jar
    dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/backstep/backstep.jar >"$JAR_COPY"
    NATIVES=$(jar tf "$JAR_COPY" | grep -E 'jnidispatch|com/jcraft/' | sort | tr '\n' ' ')
    rm -f "$JAR_COPY"
    if [ "$NATIVES" = "com/sun/jna/linux-aarch64/libjnidispatch.so com/sun/jna/linux-arm/libjnidispatch.so com/sun/jna/linux-x86-64/libjnidispatch.so " ]; then
        echo "package-check: jar: no jsch; JNA natives for linux-arm, linux-aarch64, linux-x86-64 only"
    else
        echo "package-check: FAIL jar contents: $NATIVES"
        FAIL=1
    fi
    # backstep-export: one export at a time, and a failed export beeps export_failed. The tools it calls
    # (blkid, mount, setpriv, java) are stand-ins that log; the lock and the script's logic are real.
    X=$(mktemp -d /tmp/backstep-export-check.XXXXXX)
    mkdir -p "$X/dev" "$X/bin" "$X/run"
    if ! command -v flock >/dev/null 2>&1 || ! mknod "$X/dev/sdz1" b 7 200 2>/dev/null || ! mknod "$X/dev/sdy1" b 7 201; then
        echo "package-check: SKIP backstep-export lock check (needs root, mknod and flock)"
    else
        printf '#!/bin/sh\necho "blkid $*" >>%s/log\necho vfat\n' "$X" >"$X/bin/blkid"
        printf '#!/bin/sh\nexit 0\n' >"$X/bin/mount"
        printf '#!/bin/sh\nexit 0\n' >"$X/bin/umount"
        printf '#!/bin/sh\necho 1000\n' >"$X/bin/id"
        printf '#!/bin/sh\nwhile [ "$1" != -- ]; do shift; done\nshift\nexec "$@"\n' >"$X/bin/setpriv"
        # java: "export" logs start and end; the first one waits at a gate the check opens
        cat >"$X/bin/java" <<STUB
#!/bin/sh
while [ "\$1" != -jar ]; do shift; done
shift 2
case "\$1" in
    beep) echo "beep \$2" >>$X/log ;;
    export) M=\$(eval echo "\\\${\$#}"); echo "start \${M##*-}" >>$X/log
        [ -p $X/gate ] && [ "\${M##*-}" = sdz1 ] && read -r _ <$X/gate
        echo "end \${M##*-}" >>$X/log
        [ "\${M##*-}" != sdx1 ] ;;
esac
STUB
        chmod 755 "$X/bin/"*
        mkfifo "$X/gate"
        run_export() {
            PATH="$X/bin:$PATH" RUNTIME_DIRECTORY="$X/run" BACKSTEP_DEV_DIR="$X/dev" BACKSTEP_JAVA="$X/bin/java" \
                BACKSTEP_JAR=/nonexistent.jar sh "$HERE/backstep-export" "$1" >>"$X/out" 2>&1
        }
        run_export sdz1 &
        P1=$!
        i=0; until grep -q "start sdz1" "$X/log" 2>/dev/null || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
        run_export sdy1 &
        P2=$!
        # the second partition must wait: give it a second to (wrongly) start
        i=0; until grep -q "start sdy1" "$X/log" || [ $i -ge 10 ]; do sleep 0.1; i=$((i + 1)); done
        echo go >"$X/gate"
        wait "$P1" "$P2" || true
        ORDER=$(grep -E '^(start|end) ' "$X/log" | tr '\n' ' ')
        if [ "$ORDER" = "start sdz1 end sdz1 start sdy1 end sdy1 " ] && [ "$(grep -c 'beep export_done' "$X/log")" = 2 ]; then
            echo "package-check: ok   backstep-export: two partitions export one after the other, each beeps export_done"
        else
            echo "package-check: FAIL backstep-export lock: $ORDER"; cat "$X/log" "$X/out"; FAIL=1
        fi
        mknod "$X/dev/sdx1" b 7 202
        : >"$X/log"
        if ! run_export sdx1 && grep -q 'beep export_failed' "$X/log" && ! grep -q 'beep export_done' "$X/log"; then
            echo "package-check: ok   backstep-export: a failed export exits 1 and beeps export_failed"
        else
            echo "package-check: FAIL backstep-export failure path"; cat "$X/log" "$X/out"; FAIL=1
        fi
    fi
    rm -rf "$X"
    if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
        echo "package-check: SKIP install/upgrade/purge test (needs root and a mount namespace)"
        exit "$FAIL"
    fi
    T=$(mktemp -d /tmp/backstep-pkg.XXXXXX)
    BACKSTEP_IN_NS=1 BACKSTEP_TMP=$T unshare -m --propagation private sh "$0" "$DEB" || FAIL=1
    # The namespace is gone with its process, and its mounts with it. Remove the scratch folder only when
    # nothing is mounted below it any more: rm -rf must never reach through a mount into the host.
    if grep -qF "$T" /proc/self/mountinfo; then
        echo "package-check: $T still has mounts; left in place" >&2
        FAIL=1
    else
        rm -rf "$T"
    fi
    exit "$FAIL"
fi

# ---------------------------------------------------------------- inside a private mount namespace
# Nothing of the host is mounted writable here: /usr, /etc and /var are overlays (writes go to the upper
# layer in $T), /dev holds its own few device nodes, /proc and /run are fresh instances.
T=${BACKSTEP_TMP:?}
R=$T/root
mkdir -p "$R"
# /usr, /etc and /var, and /bin, /sbin, /lib where they are not symlinks into /usr (not merged-/usr)
for d in usr etc var bin sbin lib lib64; do
    if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$R/$d"; continue; fi
    [ -d "/$d" ] || continue
    mkdir -p "$T/$d-up" "$T/$d-work" "$R/$d"
    mount -t overlay overlay -o "lowerdir=/$d,upperdir=$T/$d-up,workdir=$T/$d-work" "$R/$d" 2>/dev/null || {
        echo "package-check: SKIP install/upgrade/purge test (overlayfs not available)"; exit 0; }
done
mkdir -p "$R/dev" "$R/proc" "$R/tmp" "$R/run" "$R/boot/firmware" "$R/root"
mount -t tmpfs -o mode=0755 tmpfs "$R/dev"
mknod -m 666 "$R/dev/null" c 1 3
mknod -m 666 "$R/dev/zero" c 1 5
mknod -m 666 "$R/dev/urandom" c 1 9
mount -t proc proc "$R/proc"
mount -t tmpfs tmpfs "$R/run"
chmod 1777 "$R/tmp"
# a throwaway root starts without backstep, whatever the host has
rm -rf "$R/var/lib/backstep" "$R/var/log/backstep" "$R/var/cache/backstep" "$R/etc/backstep" "$R/etc/systemd/system/backstep.service"
printf '# a Pi config.txt\ndtparam=audio=on\n[cm4]\notg_mode=1\n' >"$R/boot/firmware/config.txt"
cp "$R/boot/firmware/config.txt" "$T/config.orig"
# systemctl: the real one for what works offline (preset, enable, is-enabled: deb-systemd-helper and
# install.sh use them), a logging stand-in for what needs a running systemd (start, restart, stop, is-active).
if [ -x "$R/usr/bin/systemctl" ]; then mv "$R/usr/bin/systemctl" "$R/usr/bin/systemctl.real"; fi
cat >"$R/usr/bin/systemctl" <<'STUB'
#!/bin/sh
echo "systemctl $*" >>/tmp/systemctl.log
case " $* " in
    *" is-active "*) [ -e /tmp/active ]; exit $? ;;
    *" start "* | *" restart "* | *" try-restart "* | *" stop "* | *" daemon-reload "* | *" reload "*) exit 0 ;;
esac
[ -x /usr/bin/systemctl.real ] && exec /usr/bin/systemctl.real "$@"
# no systemd on this host: enablement as symlinks, as systemctl makes them offline
for a in "$@"; do u=$a; done
W=/etc/systemd/system/multi-user.target.wants
case " $* " in
    *" is-enabled "*) if [ -e "$W/$u" ]; then echo enabled; exit 0; else echo disabled; exit 1; fi ;;
    *" enable "*) mkdir -p "$W" && ln -sf "/etc/systemd/system/$u" "$W/$u" ;;
esac
exit 0
STUB
chmod 755 "$R/usr/bin/systemctl"
# container images forbid starting services with a policy-rc.d that says 101; this root plays a live system
rm -f "$R/usr/sbin/policy-rc.d"
cp "$DEB" "$T/v1.deb"
# version 2 of the same package, for the upgrade
dpkg-deb -R "$DEB" "$T/v2"
sed -i 's/^Version: \(.*\)$/Version: \1+check2/' "$T/v2/DEBIAN/control"
printf '\n' >>"$T/v2/usr/share/backstep/backstep.jar.note" 2>/dev/null || true
dpkg-deb -b "$T/v2" "$R/tmp/v2.deb" >/dev/null
cp "$T/v1.deb" "$R/tmp/v1.deb"

FAILS=0
ok() { echo "package-check: ok   $*"; }
bad() { echo "package-check: FAIL $*"; FAILS=$((FAILS + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
# Java is not needed by the maintainer scripts; the throwaway root may not have it as a dpkg package.
IGN="--force-depends"
WANTS=$R/etc/systemd/system/multi-user.target.wants/backstep.service

# 1. fresh install, systemd not running (an image build)
chroot "$R" dpkg -i $IGN /tmp/v1.deb >"$T/install.log" 2>&1 || { cat "$T/install.log"; bad "dpkg -i"; }
check "install in a chroot leaves the service enabled" '[ -L "$WANTS" ] && readlink "$WANTS" | grep -q "/lib/systemd/system/backstep.service$"'
check "user backstep in groups i2c and gpio" 'chroot "$R" id -nG backstep | tr " " "\n" | grep -qx i2c && chroot "$R" id -nG backstep | tr " " "\n" | grep -qx gpio'
check "config.txt: I2C and PWM lines under [all], each behind its marker" \
    '[ "$(grep -c "^# backstep: the next line" "$R/boot/firmware/config.txt")" = 3 ] && tail -n 6 "$R/boot/firmware/config.txt" | grep -qx "\[all\]" && grep -qx "dtoverlay=pwm,pin=18,func=2" "$R/boot/firmware/config.txt"'
check "nothing started without systemd" '! grep -qE " (start|restart) " "$R/tmp/systemctl.log" 2>/dev/null'
JSA=$R/var/cache/backstep/backstep.jsa
if chroot "$R" sh -c 'command -v java' >/dev/null 2>&1; then
    check "backstep --version on the PATH" 'chroot "$R" backstep --version | grep -q "^backstep [0-9]"'
    check "install creates the class archive, and the JVM maps it" \
        '[ -s "$JSA" ] && chroot "$R" env BACKSTEP_JAVA_OPTS=-Xshare:on backstep --version | grep -q "^backstep [0-9]"'
    # -Xshare:auto: without the archive, or with one that does not match, backstep starts all the same and
    # prints nothing more than its output
    mv "$JSA" "$T/jsa"
    check "backstep starts without the class archive" '[ "$(chroot "$R" backstep --version 2>&1 | wc -l)" = 1 ]'
    echo "not an archive" >"$JSA"
    check "backstep starts with a damaged class archive, silently" '[ "$(chroot "$R" backstep --version 2>&1 | wc -l)" = 1 ]'
    cp "$T/jsa" "$JSA"
    touch "$R/usr/share/backstep/backstep.jar"
    check "backstep starts with a stale class archive (another jar), silently" '[ "$(chroot "$R" backstep --version 2>&1 | wc -l)" = 1 ]'
else
    echo "package-check: SKIP class archive checks (no java in the root)"
fi

# 2. upgrade while systemd runs and the service is active
mkdir -p "$R/run/systemd/system"
touch "$R/tmp/active"
: >"$R/tmp/systemctl.log"
mkdir -p "$R/var/lib/backstep/journal" "$R/var/log/backstep"
echo '{"seq":1}' >"$R/var/lib/backstep/journal/kept"
echo log >"$R/var/log/backstep/backstep.log"
chroot "$R" dpkg -i $IGN /tmp/v2.deb >"$T/upgrade.log" 2>&1 || { cat "$T/upgrade.log"; bad "dpkg -i (upgrade)"; }
check "upgrade restarts the service" 'grep -q "restart backstep.service" "$R/tmp/systemctl.log"'
check "upgrade keeps the journal" '[ -f "$R/var/lib/backstep/journal/kept" ]'
check "upgrade adds no boot-config lines twice" '[ "$(grep -c "^dtparam=i2c_arm=on$" "$R/boot/firmware/config.txt")" = 1 ]'

# 3. remove: the program goes, the state and the configuration stay
: >"$R/tmp/systemctl.log"
chroot "$R" dpkg -r $IGN backstep >"$T/remove.log" 2>&1 || { cat "$T/remove.log"; bad "dpkg -r"; }
check "remove stops the service" 'grep -q "stop backstep.service" "$R/tmp/systemctl.log"'
check "remove deletes the program" '[ ! -e "$R/usr/share/backstep/backstep.jar" ] && [ ! -e "$R/usr/bin/backstep" ]'
check "remove deletes the class archive" '[ ! -e "$R/var/cache/backstep" ]'
check "remove keeps the journal and the configuration" '[ -f "$R/var/lib/backstep/journal/kept" ] && [ -f "$R/etc/backstep/backstep.properties" ]'

# 4. purge: nothing left
chroot "$R" dpkg -P $IGN backstep >"$T/purge.log" 2>&1 || { cat "$T/purge.log"; bad "dpkg -P"; }
check "purge removes /var/lib/backstep, /var/log/backstep and /var/cache/backstep" \
    '[ ! -e "$R/var/lib/backstep" ] && [ ! -e "$R/var/log/backstep" ] && [ ! -e "$R/var/cache/backstep" ]'
check "purge removes /etc/backstep and the module list" '[ ! -e "$R/etc/backstep" ] && [ ! -e "$R/etc/modules-load.d/backstep.conf" ] && [ ! -e "$R/usr/lib/modules-load.d/backstep.conf" ]'
check "purge removes the enablement" '[ ! -e "$WANTS" ] && [ ! -L "$WANTS" ] && [ -z "$(find "$R/var/lib/systemd/deb-systemd-helper-enabled" -name "backstep*" 2>/dev/null)" ]'
check "purge restores config.txt byte for byte" 'cmp -s "$T/config.orig" "$R/boot/firmware/config.txt"'
check "dpkg forgets the package" '! chroot "$R" dpkg -s backstep >/dev/null 2>&1'

# 5. install.sh: first run installs and enables; a second run with a new jar restarts the running service
mkdir -p "$R/tmp/src/deploy" "$R/tmp/src/config"
cp "$HERE"/backstep "$HERE"/backstep-export "$HERE"/backstep-cds "$HERE"/boot-config "$HERE"/install.sh "$HERE"/*.service "$HERE"/*.rules \
    "$HERE"/modules-load.conf "$R/tmp/src/deploy/"
cp "$HERE"/../config/*.properties "$R/tmp/src/config/"
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/backstep/backstep.jar >"$R/tmp/backstep.jar"
rm -f "$R/tmp/active"
# systemctl enable then works offline, as in an image build; start and restart are still only logged
rm -rf "$R/run/systemd"
: >"$R/tmp/systemctl.log"
chroot "$R" sh /tmp/src/deploy/install.sh --no-apt --jar /tmp/backstep.jar >"$T/inst1.log" 2>&1 || { cat "$T/inst1.log"; bad "install.sh"; }
check "install.sh enables the service" 'grep -q "enable backstep.service" "$R/tmp/systemctl.log"'
if chroot "$R" sh -c 'command -v java' >/dev/null 2>&1; then
    check "install.sh creates the class archive" '[ -s "$JSA" ]'
fi
check "install.sh does not start it before the reboot that enables I2C" '! grep -q " start backstep.service" "$R/tmp/systemctl.log"'
touch "$R/tmp/active"
: >"$R/tmp/systemctl.log"
# a new jar that still runs: one more entry
(cd "$R/tmp" && echo "check2" >backstep-check2.txt && jar uf backstep.jar backstep-check2.txt)
chroot "$R" sh /tmp/src/deploy/install.sh --no-apt --jar /tmp/backstep.jar >"$T/inst2.log" 2>&1 || { cat "$T/inst2.log"; bad "install.sh (upgrade)"; }
check "install.sh with a new jar restarts the running service" 'grep -q "restart backstep.service" "$R/tmp/systemctl.log"'
: >"$R/tmp/systemctl.log"
chroot "$R" sh /tmp/src/deploy/install.sh --no-apt --jar /tmp/backstep.jar >"$T/inst3.log" 2>&1 || bad "install.sh (third run)"
check "install.sh a third time changes nothing and restarts nothing" 'grep -q "nothing to do" "$T/inst3.log" && ! grep -q restart "$R/tmp/systemctl.log"'

if [ "$FAILS" != 0 ]; then
    for l in install upgrade remove purge inst1 inst2 inst3; do
        [ -s "$T/$l.log" ] && { echo "--- $l.log"; cat "$T/$l.log"; }
    done
fi
echo "package-check: $FAILS failure(s)"
[ "$FAILS" = 0 ]
