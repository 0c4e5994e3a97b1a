#!/usr/bin/env bash
# The emulated-ARM hardware test: backstep's real I2C and PWM path (Pi4J's linuxfs providers and
# their JNI library) on arm64 and armhf under qemu-user, against register-level chip models behind
# /dev/i2c-1 (hilchip.so, LD_PRELOAD) and a PWM sysfs that enforces the kernel's rules, in a
# private mount namespace: nothing on the machine changes.
#
#   deploy/hil/run.sh [--arch arm64|armhf|all] [--chips "mpu6050 mpu6500 lsm6dsox"]
#                     [--faults required|report|skip] [--no-install]
#
# --faults report runs the fault cases but only reports their failure (for a tree without issue
# 11's reset recovery); required (the default) fails on them.
#
# Needs root (unshare -m, mounts) and target/backstep.jar plus target/test-classes (mvn -B verify).
# Installs what it lacks through apt: qemu-user-static, the cross compilers and
# openjdk-17-jre-headless for arm64 and armhf (multiarch). Work files go to target/hil/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARCHS="arm64 armhf"
CHIPS="mpu6050 mpu6500 lsm6dsox"
INSTALL=1
FAULTS=required
while [ $# -gt 0 ]; do
    case "$1" in
        --arch) ARCHS=$2; [ "$ARCHS" = all ] && ARCHS="arm64 armhf"; shift 2 ;;
        --chips) CHIPS=$2; shift 2 ;;
        --faults) FAULTS=$2; shift 2
                  case "$FAULTS" in required|report|skip) ;; *) echo "hil: --faults $FAULTS: allowed: required, report, skip" >&2; exit 2 ;; esac ;;
        --no-install) INSTALL=0; shift ;;
        *) echo "hil: unknown argument '$1'; usage: run.sh [--arch arm64|armhf|all] [--chips LIST] [--faults required|report|skip] [--no-install]" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "hil: needs root (unshare -m and mounts in a private namespace)" >&2; exit 1; }
if [ ! -f target/backstep.jar ] || [ ! -d target/test-classes ]; then
    echo "hil: build first: mvn -B verify" >&2
    exit 1
fi

WORK=$ROOT/target/hil
rm -rf "$WORK"
mkdir -p "$WORK"
T0=$(date +%s)
stamp() { echo "hil [$(($(date +%s) - T0)) s] $*"; }

# ---------------------------------------------------------------------------- installs
triple() { case "$1" in arm64) echo aarch64-linux-gnu ;; armhf) echo arm-linux-gnueabihf ;; esac; }
qemu() { case "$1" in arm64) echo qemu-aarch64-static ;; armhf) echo qemu-arm-static ;; esac; }
if [ "$INSTALL" = 1 ]; then
    need=()
    for a in $ARCHS; do
        command -v "$(qemu "$a")" >/dev/null || need+=(qemu-user-static)
        command -v "$(triple "$a")-gcc" >/dev/null || need+=("gcc-$(triple "$a")" "libc6-dev-$a-cross")
        [ -x "/usr/lib/jvm/java-17-openjdk-$a/bin/java" ] || need+=("openjdk-17-jre-headless:$a")
    done
    if [ ${#need[@]} -gt 0 ]; then
        stamp "installing ${need[*]}"
        for a in $ARCHS; do dpkg --add-architecture "$a"; done
        apt-get update -q >/dev/null
        # The host's own openjdk-17 must be at the same version as the foreign ones (multiarch).
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" \
            "openjdk-17-jre-headless:$(dpkg --print-architecture)" >"$WORK/apt.log" 2>&1 \
            || { tail -20 "$WORK/apt.log"; echo "hil: apt-get install failed" >&2; exit 1; }
        stamp "installed"
    fi
fi

# ---------------------------------------------------------------------------- the walks
# Plain CSV for the C model; the truth from the recordings' metadata; the reference counts from
# replaying the same recordings on the host (the emulated run must match them closely).
truth() { zcat "$1" | sed -n "s/^# true_$2_steps: //p"; }
for s in backward mixed; do
    java -cp target/backstep.jar org.backstep.sim.WriteRecording "$s" 7 "$WORK/$s.csv.gz" >/dev/null
done
zcat "$WORK/backward.csv.gz" "$WORK/mixed.csv.gz" | grep -v '^[#t]' >"$WORK/walk.csv"
zcat "$WORK/backward.csv.gz" | grep -v '^[#t]' >"$WORK/short.csv"
WALK_S=$(( $(wc -l <"$WORK/walk.csv") / 100 ))
SHORT_S=$(( $(wc -l <"$WORK/short.csv") / 100 ))
WALK_TRUTH="$(( $(truth "$WORK/backward.csv.gz" forward) + $(truth "$WORK/mixed.csv.gz" forward) )),$(( $(truth "$WORK/backward.csv.gz" backward) + $(truth "$WORK/mixed.csv.gz" backward) ))"
SHORT_TRUTH="$(truth "$WORK/backward.csv.gz" forward),$(truth "$WORK/backward.csv.gz" backward)"
replay_counts() {   # "F,B" summed over the replayed files
    java -jar target/backstep.jar replay "$@" | awk '/forward,/ { f += $4; b += $6 } END { print f "," b }'
}
WALK_REF=$(replay_counts "$WORK/backward.csv.gz" "$WORK/mixed.csv.gz")
SHORT_REF=$(replay_counts "$WORK/backward.csv.gz")
stamp "walk ${WALK_S} s (truth F,B $WALK_TRUTH, host replay $WALK_REF); fault walk ${SHORT_S} s (truth $SHORT_TRUTH, replay $SHORT_REF)"

# ---------------------------------------------------------------------------- the model
for a in $ARCHS; do
    "$(triple "$a")-gcc" -O2 -Wall -Wextra -Werror -shared -fPIC -o "$WORK/hilchip-$a.so" \
        deploy/hil/hilchip.c deploy/hil/mpu.c deploy/hil/lsm.c -ldl -lm -lpthread
done
stamp "chip models built for $ARCHS"

# ---------------------------------------------------------------------------- the cases
export FAULTS ROOT WORK WALK_S SHORT_S WALK_TRUTH SHORT_TRUTH WALK_REF SHORT_REF
FAILED=0
for a in $ARCHS; do
    for chip in $CHIPS; do
        if unshare -m --propagation private bash deploy/hil/cases.sh "$a" "$chip" "$(qemu "$a")"; then
            stamp "$a $chip: PASS"
        else
            stamp "$a $chip: FAIL (logs in $WORK/$a-$chip/)"
            FAILED=1
        fi
    done
done
stamp "done"
exit $FAILED
