#!/bin/sh
# Install backstep on Raspberry Pi OS (Bookworm) without the .deb, at the package's paths (do not mix the two).
# Idempotent: a second run changes nothing. A run that replaces the jar, a script or a unit restarts a
# running service (an upgrade).
#   sudo deploy/install.sh [--jar target/backstep.jar] [--root DIR] [--no-apt] [--no-systemctl]
# --root DIR installs the files under DIR (a test or image build); it then skips apt, users and systemctl.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../target/backstep.jar"
ROOT=""
APT=1
SYSTEMCTL=1
CHANGED=0
REBOOT=0
# set when the program or its units changed: a running service is restarted
UPGRADED=0

usage() { echo "usage: $0 [--jar FILE] [--root DIR] [--no-apt] [--no-systemctl]" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --jar) [ $# -ge 2 ] || usage; JAR=$2; shift 2 ;;
        --root) [ $# -ge 2 ] || usage; ROOT=${2%/}; shift 2 ;;
        --no-apt) APT=0; shift ;;
        --no-systemctl) SYSTEMCTL=0; shift ;;
        -h | --help) usage ;;
        *) echo "unknown option: $1" >&2; usage ;;
    esac
done

if [ -n "$ROOT" ]; then
    APT=0
    SYSTEMCTL=0
    mkdir -p "$ROOT"
elif [ "$(id -u)" -ne 0 ]; then
    echo "run as root (sudo $0)" >&2
    exit 1
fi
[ -f "$JAR" ] || { echo "no jar at $JAR: build it with 'mvn -B package' or pass --jar" >&2; exit 1; }

say() { echo "install: $*"; }

# put SRC DEST MODE: copy only when the content or the mode differs
put() {
    src=$1 dest=$ROOT$2 mode=$3
    if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
        if [ "$(stat -c %a "$dest")" != "$mode" ]; then
            chmod "$mode" "$dest"
            say "mode $mode on $2"
            CHANGED=1
        fi
        return 0
    fi
    mkdir -p "$(dirname "$dest")"
    tmp="$dest.new.$$"
    cp "$src" "$tmp"
    chmod "$mode" "$tmp"
    mv -f "$tmp" "$dest"
    say "installed $2"
    CHANGED=1
    UPGRADED=1
}

# put_once SRC DEST MODE: install only if DEST does not exist (never overwrite a user's config)
put_once() {
    if [ -e "$ROOT$2" ]; then
        return 0
    fi
    put "$1" "$2" "$3"
}

# --- Java ---
if [ "$APT" -eq 1 ] && ! command -v java >/dev/null 2>&1; then
    say "installing openjdk-17-jre-headless"
    apt-get update
    apt-get install -y openjdk-17-jre-headless
    CHANGED=1
fi

# --- user and groups ---
if [ -z "$ROOT" ]; then
    for g in i2c gpio; do
        if ! getent group "$g" >/dev/null; then
            groupadd --system "$g"
            say "created group $g"
            CHANGED=1
        fi
    done
    if ! getent passwd backstep >/dev/null; then
        useradd --system --user-group --home-dir /var/lib/backstep --no-create-home \
            --shell /usr/sbin/nologin --groups i2c,gpio backstep
        say "created user backstep"
        CHANGED=1
    fi
    for g in i2c gpio; do
        if ! id -nG backstep | tr ' ' '\n' | grep -qx "$g"; then
            usermod -aG "$g" backstep
            say "added backstep to group $g"
            CHANGED=1
        fi
    done
else
    say "--root: not creating user backstep (groups i2c, gpio)"
fi

# --- files ---
JAR_NEW=0
cmp -s "$JAR" "$ROOT/usr/share/backstep/backstep.jar" || JAR_NEW=1
put "$JAR" /usr/share/backstep/backstep.jar 644
put "$HERE/backstep" /usr/bin/backstep 755
put "$HERE/backstep-export" /usr/libexec/backstep/backstep-export 755
put "$HERE/backstep-cds" /usr/libexec/backstep/backstep-cds 755
put "$HERE/boot-config" /usr/libexec/backstep/boot-config 755
put "$HERE/backstep.service" /etc/systemd/system/backstep.service 644
put "$HERE/backstep-export@.service" /etc/systemd/system/backstep-export@.service 644
put "$HERE/99-backstep-usb.rules" /etc/udev/rules.d/99-backstep-usb.rules 644
# /dev/i2c-* appear only with the i2c-dev module loaded
put "$HERE/modules-load.conf" /etc/modules-load.d/backstep.conf 644
put_once "$HERE/../config/backstep.properties" /etc/backstep/backstep.properties 644
put_once "$HERE/../config/tinylog.properties" /etc/backstep/tinylog.properties 644

# --- the class-data-sharing archive (deploy/backstep-cds): for a new jar, or when the JVM will not map
# the one there (missing, or stale after a JDK upgrade); -Xshare:on refuses to start without it ---
JSA=/var/cache/backstep/backstep.jsa
if [ -n "$ROOT" ]; then
    say "--root: no class archive (run /usr/libexec/backstep/backstep-cds on the device once)"
elif [ "$JAR_NEW" -eq 1 ] || [ ! -s "$JSA" ] || ! BACKSTEP_JAVA_OPTS=-Xshare:on /usr/bin/backstep --version >/dev/null 2>&1; then
    /usr/libexec/backstep/backstep-cds "$JSA" || true
    # no archive (no java yet, a broken jar): the next run tries again, and this one changed nothing
    [ ! -s "$JSA" ] || CHANGED=1
fi

# --- hardware: I2C and the PWM overlay for the buzzer on GPIO18 ---
CONFIG_TXT=$ROOT/boot/firmware/config.txt
if [ ! -f "$CONFIG_TXT" ] && [ -f "$ROOT/boot/config.txt" ]; then
    CONFIG_TXT=$ROOT/boot/config.txt
fi
ADDED=$(sh "$HERE/boot-config" "$CONFIG_TXT")
if [ -n "$ADDED" ]; then
    printf '%s\n' "$ADDED" | while IFS= read -r l; do say "$l to ${CONFIG_TXT#"$ROOT"}"; done
    CHANGED=1
    REBOOT=1
fi

# --- systemd and udev ---
if [ "$SYSTEMCTL" -eq 1 ]; then
    modprobe i2c-dev 2>/dev/null || true
    if [ "$CHANGED" -eq 1 ]; then
        systemctl daemon-reload
        udevadm control --reload-rules || true
    fi
    if ! systemctl is-enabled --quiet backstep.service; then
        systemctl enable backstep.service
        CHANGED=1
    fi
    if systemctl is-active --quiet backstep.service; then
        if [ "$UPGRADED" -eq 1 ]; then
            # an upgrade: the old JVM must not run on until the next reboot
            systemctl restart backstep.service
            say "restarted backstep.service"
        fi
    elif [ "$REBOOT" -eq 0 ]; then
        systemctl start backstep.service
    fi
fi

if [ "$CHANGED" -eq 0 ]; then
    say "nothing to do: already installed"
elif [ "$REBOOT" -eq 1 ]; then
    say "done; reboot once to enable I2C and the PWM overlay (sudo reboot)"
else
    say "done"
fi
