package org.backstep.hw.mpu6050;

import static org.backstep.hw.mpu6050.Mpu6050Registers.*;

import java.util.Locale;
import org.backstep.core.ImuSink;
import org.backstep.hw.DeviceException;
import org.backstep.hw.I2cDevice;
import org.backstep.hw.Imu;
import org.backstep.hw.ImuChip;
import org.backstep.hw.NanoClock;
import org.backstep.hw.Sleeper;
import org.backstep.hw.StreamTime;
import org.tinylog.Logger;

/**
 * MPU-6050 driver reading accelerometer and gyroscope through the on-chip FIFO. It drives the
 * MPU-6500 and MPU-9250 too ({@link ImuChip}): their FIFO works the same way (RM-MPU-6500A-00
 * registers 35, 106, 114 to 116), is 512 bytes instead of 1024, and their accelerometer has its own
 * low-pass filter register.
 *
 * <p>{@link #open} probes WHO_AM_I, resets the chip, wakes it on the gyro PLL, programs rate, DLPF and
 * ranges. The FIFO is started (reset and enabled) by the first {@link #drain}, not by {@code open}: a
 * service that opens the hardware and then spends a second loading the journal would otherwise find an
 * overflowed FIFO (it holds 0.85 s at 100 Hz). Stream time 0 is that first drain. {@link #drain} reads
 * FIFO_COUNT, then pulls whole 12-byte
 * frames in bursts of at most {@link #MAX_BURST_BYTES}: two bus transactions a poll at 100 Hz, each a system
 * call and, on the Pi, a sleep until the transfer completes. An overflow (a count at the FIFO's capacity,
 * 1024 bytes, 512 on the MPU-6500: a full FIFO keeps writing over its oldest bytes and only a read lowers
 * the count, RM §4.30 and §4.31, so every overflow since the last drain leaves it there; INT_STATUS's
 * FIFO_OFLOW_INT says the same and is not read each poll) cannot be decoded safely, since the chip drops the oldest bytes and the frame
 * boundary is lost: the FIFO is reset, and the samples produced since the previous drain are counted as
 * lost (estimated from elapsed time) and skipped in stream time. A bus error inside a drain also forces a
 * FIFO reset at the next drain, because a half-done burst may have popped part of a frame.
 *
 * <p>A FIFO count stuck at a whole frame over an empty FIFO makes every read return the last byte read
 * again (RM §4.31), so such frames have twelve equal bytes; a real frame never does (six 16-bit values
 * with equal high and low bytes, all the same). They are never delivered, and {@link #STUCK_FRAMES} of
 * them in a row throw a {@link DeviceException#needsReinit()} exception. {@link #checkConfiguration()}
 * reads the configuration back, to tell a chip that was reset from one that stalled.
 *
 * <p>Not thread-safe: one thread drains. {@link #lostSamples()} may be read from any thread.
 */
public final class Mpu6050 implements Imu {
    /** Largest FIFO burst: 21 whole frames. */
    public static final int MAX_BURST_BYTES = 21 * FRAME_BYTES;
    /** Consecutive drains with a count that is not a whole number of frames before we realign. */
    static final int MISALIGNED_LIMIT = 3;
    /**
     * Uniform frames (twelve equal bytes) in a row that mean a stuck FIFO count. Sensor noise (several
     * LSB on every axis, PS §6.1-6.2) makes even two in a row from a live chip practically impossible.
     */
    static final int STUCK_FRAMES = 2;
    private static final long OVERFLOW_LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final I2cDevice device;
    private final Mpu6050Settings settings;
    private final ImuChip chip;
    private final Sleeper sleeper;
    private final NanoClock clock;
    private final Mpu6050Decoder decoder;
    private final double rateHz;
    private final StreamTime time;
    private final byte[] burst = new byte[MAX_BURST_BYTES];
    private final byte[] word = new byte[2];
    private final double[] sample = new double[6];
    private final byte[] regs = new byte[4];

    private volatile long overflows;
    private long lastDrainNanos;
    private boolean realignPending;
    private int misalignedStreak;
    private int uniformStreak;
    private boolean fifoStartPending;
    private boolean streamStarted;
    private long lastOverflowLogNanos = Long.MIN_VALUE;
    private long overflowsSinceLog;
    private volatile boolean closed;

    private Mpu6050(I2cDevice device, Mpu6050Settings settings, ImuChip chip, Sleeper sleeper, NanoClock clock) {
        if (chip.family() != ImuChip.Family.INVENSENSE) throw new IllegalArgumentException(chip.label() + " is not an InvenSense chip");
        this.device = device;
        this.settings = settings;
        this.chip = chip;
        this.sleeper = sleeper;
        this.clock = clock;
        this.decoder = Mpu6050Decoder.of(settings);
        this.rateHz = settings.actualRateHz();
        this.time = new StreamTime(rateHz);
    }

    /** Opens with the wall clock. */
    public static Mpu6050 open(I2cDevice device, Mpu6050Settings settings) {
        return open(device, settings, Sleeper.SYSTEM, NanoClock.SYSTEM);
    }

    /**
     * Probes, resets and configures the chip on {@code device}; on failure the device is closed.
     *
     * @throws DeviceException with a one-line message if nothing answers, another chip answers, or a
     *                         configuration write does not read back
     */
    public static Mpu6050 open(I2cDevice device, Mpu6050Settings settings, Sleeper sleeper, NanoClock clock) {
        return open(device, settings, ImuChip.MPU6050, sleeper, clock);
    }

    /** As {@link #open(I2cDevice, Mpu6050Settings, Sleeper, NanoClock)} for an MPU-6050, MPU-6500 or MPU-9250. */
    public static Mpu6050 open(I2cDevice device, Mpu6050Settings settings, ImuChip chip, Sleeper sleeper, NanoClock clock) {
        Mpu6050 imu = new Mpu6050(device, settings, chip, sleeper, clock);
        try {
            imu.configure();
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
        Logger.info("IMU ready: {}", settings);
        return imu;
    }

    /** Reads WHO_AM_I and throws a one-line {@link DeviceException} unless it is 0x68 (RM §4.32). */
    public static void probe(I2cDevice device) {
        probe(device, ImuChip.MPU6050);
    }

    /** Reads WHO_AM_I and throws a one-line {@link DeviceException} unless it is {@code chip}'s. */
    public static void probe(I2cDevice device, ImuChip chip) {
        int who;
        try {
            who = device.readRegister(WHO_AM_I);
        } catch (DeviceException e) {
            throw new DeviceException("no " + chip.label() + " answering on " + device.describe() + " (" + e.getMessage()
                + "); check wiring SDA=GPIO2/pin 3, SCL=GPIO3/pin 5, 3V3, GND, that I2C is enabled, and `i2cdetect -y 1`", e);
        }
        if (who != chip.whoAmI()) {
            String hint = (who == 0x00 || who == 0xFF)
                ? "0x00/0xFF means nothing is answering: check wiring, power and pull-ups"
                : "another chip answers here (an MPU-6500 reads 0x70, an MPU-9250 0x71)";
            throw new DeviceException(String.format(Locale.ROOT,
                "no %s on %s: WHO_AM_I read 0x%02x, expected 0x%02x; %s", chip.label(), device.describe(), who, chip.whoAmI(), hint));
        }
    }

    private void configure() {
        probe(device, chip);
        device.writeRegister(PWR_MGMT_1, PWR_MGMT_1_DEVICE_RESET);
        sleeper.sleepNanos(RESET_DELAY_NANOS);
        device.writeRegister(PWR_MGMT_1, CLKSEL_PLL_XGYRO);          // SLEEP=0, CYCLE=0, temp on, PLL
        device.writeRegister(PWR_MGMT_2, 0);                         // no axis in standby
        sleeper.sleepNanos(WAKE_DELAY_NANOS);
        writeChecked(SMPLRT_DIV, settings.sampleRateDivider());
        writeChecked(CONFIG, settings.dlpfCfg());                    // EXT_SYNC_SET 0: FSYNC off
        writeChecked(GYRO_CONFIG, settings.fsSel() << GYRO_CONFIG_FS_SEL_SHIFT);
        writeChecked(ACCEL_CONFIG, settings.afsSel() << ACCEL_CONFIG_AFS_SEL_SHIFT);
        if (chip != ImuChip.MPU6050) writeChecked(ACCEL_CONFIG2_6500, settings.dlpfCfg());
        device.writeRegister(INT_PIN_CFG, 0);                        // INT_RD_CLEAR 0: status clears on read
        device.writeRegister(INT_ENABLE, INT_ENABLE_FIFO_OFLOW);
        writeChecked(FIFO_EN, FIFO_EN_SELECTION);
        fifoStartPending = true;                                     // USER_CTRL.FIFO_EN stays 0 until the first drain
        realignPending = false;
        misalignedStreak = 0;
        uniformStreak = 0;
    }

    private void writeChecked(int reg, int value) {
        device.writeRegister(reg, value);
        int back = device.readRegister(reg);
        if (back != value) {
            throw new DeviceException(String.format(Locale.ROOT,
                "MPU-6050 on %s did not keep register 0x%02x: wrote 0x%02x, read back 0x%02x; check wiring and power",
                device.describe(), reg, value, back));
        }
    }

    /** Stops, resets and restarts the FIFO, clears INT_STATUS (RM §4.27: FIFO_RESET needs FIFO_EN = 0). */
    private void restartFifo() {
        device.writeRegister(USER_CTRL, 0);
        device.writeRegister(USER_CTRL, USER_CTRL_FIFO_RESET);
        device.writeRegister(USER_CTRL, USER_CTRL_FIFO_EN);
        device.readRegister(INT_STATUS);
        lastDrainNanos = clock.nanoTime();
        realignPending = false;
        misalignedStreak = 0;
        uniformStreak = 0;
    }

    /**
     * Starts the FIFO at the first drain after open or re-initialisation. After a re-initialisation the
     * samples the chip did not record since then count as lost, so stream time stays with real time.
     */
    private void startFifo(long now) {
        long since = lastDrainNanos;
        restartFifo();
        fifoStartPending = false;
        if (streamStarted) {
            time.skip(now - since);
        }
        streamStarted = true;
    }

    @Override
    public int drain(ImuSink sink) {
        if (closed) throw new DeviceException("MPU-6050 on " + device.describe() + " is closed");
        long now = clock.nanoTime();
        if (fifoStartPending) {
            startFifo(now);
            return 0;
        }
        if (realignPending) {
            discard(now, "realigning FIFO frames after a bus error");
            return 0;
        }
        int count;
        try {
            device.readRegisters(FIFO_COUNTH, word, 0, 2);
            count = ((word[0] & 0xFF) << 8) | (word[1] & 0xFF);
        } catch (DeviceException e) {
            realignPending = true;
            throw e;
        }
        if (count >= chip.fifoBytes()) {
            overflows++;
            discard(now, "FIFO overflow");
            return 0;
        }
        if (count % FRAME_BYTES != 0) {
            if (++misalignedStreak >= MISALIGNED_LIMIT) {
                discard(now, "FIFO count " + count + " is not whole frames");
                return 0;
            }
        } else {
            misalignedStreak = 0;
        }
        int remaining = count - count % FRAME_BYTES;
        int delivered = 0;
        try {
            while (remaining > 0) {
                int n = Math.min(remaining, MAX_BURST_BYTES);
                device.readRegisters(FIFO_R_W, burst, 0, n);
                for (int off = 0; off < n; off += FRAME_BYTES) {
                    if (uniform(burst, off)) {
                        if (++uniformStreak >= STUCK_FRAMES) {
                            realignPending = true;
                            throw DeviceException.needsReinit(String.format(Locale.ROOT,
                                "MPU-6050 on %s: FIFO count stuck at %d bytes over an empty FIFO (%d repeated frames)",
                                device.describe(), count, uniformStreak));
                        }
                        continue;
                    }
                    uniformStreak = 0;
                    decoder.decode(burst, off, sample);
                    sink.sample(time.seconds(), sample[0], sample[1], sample[2], sample[3], sample[4], sample[5]);
                    time.advance();
                    delivered++;
                }
                remaining -= n;
            }
        } catch (DeviceException e) {
            realignPending = true;
            throw e;
        }
        if (delivered > 0) lastDrainNanos = now;   // the FIFO was emptied of real samples now
        return delivered;
    }

    /** Twelve equal bytes: what reading an empty FIFO returns (the last byte again, RM §4.31). */
    private static boolean uniform(byte[] b, int off) {
        byte first = b[off];
        for (int i = 1; i < FRAME_BYTES; i++) {
            if (b[off + i] != first) return false;
        }
        return true;
    }

    /**
     * Reads the configuration back (three burst reads). Null when it is what {@code open} wrote; else one
     * line naming the registers that differ, e.g. after a power-on reset
     * {@code "PWR_MGMT_1 0x40 (want 0x01), USER_CTRL 0x00 (want 0x40)"}.
     */
    @Override
    public String checkConfiguration() {
        StringBuilder wrong = new StringBuilder();
        device.readRegisters(USER_CTRL, regs, 0, 2);                     // USER_CTRL, PWR_MGMT_1 (0x6A, 0x6B)
        expect(wrong, "USER_CTRL", regs[0] & USER_CTRL_FIFO_EN, fifoStartPending ? 0 : USER_CTRL_FIFO_EN, USER_CTRL_FIFO_EN);
        expect(wrong, "PWR_MGMT_1", regs[1] & 0xFF, CLKSEL_PLL_XGYRO, 0xFF);
        device.readRegisters(SMPLRT_DIV, regs, 0, 4);                    // SMPLRT_DIV, CONFIG, GYRO_CONFIG, ACCEL_CONFIG
        expect(wrong, "SMPLRT_DIV", regs[0] & 0xFF, settings.sampleRateDivider(), 0xFF);
        expect(wrong, "CONFIG", regs[1] & CONFIG_DLPF_CFG_MASK, settings.dlpfCfg(), CONFIG_DLPF_CFG_MASK);
        expect(wrong, "GYRO_CONFIG", regs[2] & GYRO_CONFIG_FS_SEL_MASK, settings.fsSel() << GYRO_CONFIG_FS_SEL_SHIFT, GYRO_CONFIG_FS_SEL_MASK);
        expect(wrong, "ACCEL_CONFIG", regs[3] & ACCEL_CONFIG_AFS_SEL_MASK, settings.afsSel() << ACCEL_CONFIG_AFS_SEL_SHIFT, ACCEL_CONFIG_AFS_SEL_MASK);
        expect(wrong, "FIFO_EN", device.readRegister(FIFO_EN), FIFO_EN_SELECTION, 0xFF);
        return wrong.length() == 0 ? null : wrong.toString();
    }

    private static void expect(StringBuilder wrong, String name, int value, int want, int mask) {
        if ((value & mask) == (want & mask)) return;
        if (wrong.length() > 0) wrong.append(", ");
        wrong.append(String.format(Locale.ROOT, "%s 0x%02x (want 0x%02x)", name, value, want));
    }

    /** Resets the FIFO, counting what was produced since the last good drain as lost. */
    private void discard(long now, String why) {
        long elapsed = now - lastDrainNanos;
        restartFifo();
        lastDrainNanos = now;
        long estimate = time.skip(elapsed);
        overflowsSinceLog++;
        if (lastOverflowLogNanos == Long.MIN_VALUE || now - lastOverflowLogNanos >= OVERFLOW_LOG_INTERVAL_NANOS) {
            Logger.warn("IMU {}: {} event(s) since the last report, about {} samples lost this time, {} in total; drain more often",
                why, overflowsSinceLog, estimate, time.lost());
            lastOverflowLogNanos = now;
            overflowsSinceLog = 0;
        }
    }

    @Override
    public void reinitialize() {
        if (closed) throw new DeviceException("MPU-6050 on " + device.describe() + " is closed");
        long before = lastDrainNanos;
        configure();
        if (!streamStarted) return;
        long now = clock.nanoTime();
        long estimate = time.skip(now - before);
        lastDrainNanos = now;
        Logger.warn("IMU on {} re-initialised; about {} samples lost", device.describe(), estimate);
    }

    @Override
    public double sampleRateHz() {
        return rateHz;
    }

    @Override
    public long lostSamples() {
        return time.lost();
    }

    /** FIFO overflows seen since open. */
    public long overflows() {
        return overflows;
    }

    public Mpu6050Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            device.writeRegister(PWR_MGMT_1, PWR_MGMT_1_SLEEP);
        } catch (RuntimeException e) {
            Logger.debug("could not put the MPU-6050 to sleep: {}", e.getMessage());
        } finally {
            device.close();
        }
    }
}
