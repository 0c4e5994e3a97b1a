#!/usr/bin/env bash
# One architecture and one chip, inside a private mount namespace (run.sh starts it with
# `unshare -m`): a /dev with a placeholder i2c-1, /sys/bus/i2c/devices/i2c-1 for Pi4J's check, and
# a pwmchip0 on tmpfs. Cases: selftest; for the MPU-6050 a run on the long walk, SIGTERM and the
# journal against the walk's truth; a run through injected faults with counting resumed within 2 s.
#   cases.sh ARCH CHIP QEMU      (environment from run.sh)
set -euo pipefail
ARCH=$1 CHIP=$2 QEMU=$3
OUT=$WORK/$ARCH-$CHIP
mkdir -p "$OUT"

# ---------------------------------------------------------------------------- the namespace
NS=$OUT/ns
mkdir -p "$NS/dev"
mount -t tmpfs hil-dev "$NS/dev"
for n in null zero full random urandom tty; do
    touch "$NS/dev/$n"
    mount --bind "/dev/$n" "$NS/dev/$n"
done
mkdir "$NS/dev/shm" "$NS/dev/pts"
mount --bind /dev/shm "$NS/dev/shm"
ln -s /proc/self/fd "$NS/dev/fd"
touch "$NS/dev/i2c-1"
mount --rbind "$NS/dev" /dev
mount -t tmpfs hil-bus /sys/bus
mkdir -p /sys/bus/i2c/devices/i2c-1
mount -t tmpfs hil-class /sys/class
mkdir -p /sys/class/pwm/pwmchip0
echo 2 >/sys/class/pwm/pwmchip0/npwm     # bcm2835: two channels
: >/sys/class/pwm/pwmchip0/export
: >/sys/class/pwm/pwmchip0/unexport
# State directories on a tmpfs: a 32-bit guest's readdir fails with EOVERFLOW on a host file system
# with 64-bit inode numbers (qemu-user passes them through); a Pi's ext4 has 32-bit ones.
STATE=$NS/state
mkdir -p "$STATE"
mount -t tmpfs hil-state "$STATE"

JAVA=/usr/lib/jvm/java-17-openjdk-$ARCH/bin/java
JVM_FLAGS=(-Xmx32m -Xmn4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=0)   # the service's flags (deploy/backstep)
CHECK=(java -cp "$ROOT/target/backstep.jar:$ROOT/target/test-classes" org.backstep.hil.HilCheck)
case "$CHIP" in lsm*) ADDR=0x6a ;; *) ADDR=0x68 ;; esac
: >"$OUT/backstep.properties"      # every key at its default (imu.chip = auto where known)
FAIL=0
trap 'mkdir -p "$OUT/state" && cp -a "$STATE/." "$OUT/state/" 2>/dev/null || true' EXIT   # the journals, to look at afterwards
fail() { echo "hil $ARCH $CHIP: FAIL: $*"; FAIL=1; }

# guest_cmd CASE [ENV...] -- ARGS: sets CMD to run backstep on the emulated CPU with the model
# preloaded. Run "${CMD[@]}" as a simple command, so that a background job's $! is qemu itself
# (a function run in the background is a subshell: SIGTERM would stop the subshell, not the JVM).
guest_cmd() {
    local name=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    CMD=(env HIL_CHIP="$CHIP" HIL_ADDR="$ADDR" HIL_LOG="$OUT/$name.model.log" "${envs[@]}"
        "$QEMU" -L / -E LD_PRELOAD="$WORK/hilchip-$ARCH.so" "$JAVA" "${JVM_FLAGS[@]}"
        -jar "$ROOT/target/backstep.jar" "$@")
}

# ---------------------------------------------------------------------------- selftest
start=$(date +%s)
guest_cmd selftest -- selftest --config "$OUT/backstep.properties"
if "${CMD[@]}" >"$OUT/selftest.out" 2>&1 \
    && grep -q 'RESULT: PASS' "$OUT/selftest.out"; then
    echo "hil $ARCH $CHIP: selftest PASS in $(($(date +%s) - start)) s: $(grep 'PASS  imu' "$OUT/selftest.out" | cut -c 17-90)"
else
    fail "selftest"; sed 's/^/    /' "$OUT/selftest.out" | tail -15
fi
"${CHECK[@]}" pwm "$OUT/selftest.model.log" || fail "buzzer writes"

# ---------------------------------------------------------------------------- run until SIGTERM
# service NAME RECORDING SECONDS [ENV...]: starts `run`, waits for the walk to start and end, SIGTERMs.
service() {
    local name=$1 rec=$2 secs=$3; shift 3
    rm -rf "${STATE:?}/${name:?}"
    guest_cmd "$name" HIL_RECORDING="$rec" "$@" -- run --config "$OUT/backstep.properties" --state-dir "$STATE/$name"
    "${CMD[@]}" >"$OUT/$name.out" 2>&1 &
    local pid=$! waited=0
    until grep -q 'walk started' "$OUT/$name.model.log" 2>/dev/null; do
        sleep 1; waited=$((waited + 1))
        if [ $waited -gt 120 ] || ! kill -0 $pid 2>/dev/null; then
            fail "$name: the walk never started"; tail -5 "$OUT/$name.out" | sed 's/^/    /'
            kill $pid 2>/dev/null || true; wait $pid || true; return 1
        fi
    done
    sleep $((secs + 3))
    local t
    t=$(date +%s%N)
    kill -TERM $pid
    local rc=0
    wait $pid || rc=$?
    local ms=$((($(date +%s%N) - t) / 1000000))
    echo "hil $ARCH $CHIP: $name: SIGTERM after the ${secs} s walk, exit $rc in $ms ms"
    [ $rc = 143 ] || [ $rc = 0 ] || fail "$name: exit status $rc after SIGTERM"
    grep -q 'put to sleep' "$OUT/$name.model.log" || fail "$name: the chip was not put to sleep at exit"
}

if [ "$CHIP" = mpu6050 ]; then
    if service walk "$WORK/walk.csv" "$WALK_S"; then
        "${CHECK[@]}" journal "$STATE/walk" --expect "$WALK_REF" --truth "$WALK_TRUTH" || fail "walk journal"
    fi
fi

# ---------------------------------------------------------------------------- faults
# With FAULTS=report (run.sh --faults report) a failed fault run is reported, not failed: the
# recovery from a power-on reset is issue 11's, and this test may run before it is merged.
[ "$FAULTS" = skip ] && exit $FAIL
PLAN=${HIL_FAULT_PLAN:-nack@6+0.5,reset@12,stuck@19+1,unplug@26+2}
FAIL_BEFORE=$FAIL
if service faults "$WORK/short.csv" "$SHORT_S" HIL_FAULTS="$PLAN"; then
    "${CHECK[@]}" resumed "$OUT/faults.model.log" 2.0 || fail "faults: counting did not resume within 2 s"
    "${CHECK[@]}" journal "$STATE/faults" --expect "$SHORT_REF" --truth "$SHORT_TRUTH" --lost-s 6 \
        || fail "faults journal"
fi
if [ "$FAULTS" = report ] && [ $FAIL != "$FAIL_BEFORE" ]; then
    echo "hil $ARCH $CHIP: faults: NOT REQUIRED YET: the fault run above failed; recovery from a power-on reset"
    echo "    and a replug is issue 11 (branch sensor). Require it with run.sh --faults required."
    FAIL=$FAIL_BEFORE
fi
exit $FAIL
