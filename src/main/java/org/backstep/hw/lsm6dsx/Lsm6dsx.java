package org.backstep.hw.lsm6dsx;

import static org.backstep.hw.lsm6dsx.Lsm6dsxRegisters.*;

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
 * Driver for ST's LSM6DSOX and LSM6DS3TR-C, reading accelerometer and gyroscope through the FIFO
 * in bursts, like the MPU-6050 driver.
 *
 * <p>{@link #open} probes WHO_AM_I, resets the chip (SW_RESET), sets block data update and
 * auto-increment, rate and ranges, and batches both sensors into the FIFO at the output data rate.
 * As in the MPU-6050 driver, the FIFO starts (continuous mode) at the first {@link #drain}, so
 * nothing piles up while the service is still starting. The two FIFOs differ:
 * <ul>
 *   <li>LSM6DSOX: every word carries a tag (which sensor, and a 2-bit counter of the time slot);
 *       a sample is delivered when the gyro and accelerometer words of one slot have both come,
 *       whatever their order, across drains too.</li>
 *   <li>LSM6DS3TR-C: untagged words in a fixed pattern (Gx Gy Gz XLx XLy XLz); FIFO_PATTERN says
 *       where the next word falls. Only whole patterns are read; a pattern that does not start at
 *       Gx (after a bus error mid-burst) restarts the FIFO.</li>
 * </ul>
 * An overrun (the FIFO full, the oldest sample overwritten) restarts the FIFO and counts the
 * samples since the last drain as lost, as the MPU-6050 driver does. {@link #checkConfiguration()}
 * reads the control registers back, so the sampling loop can tell a chip that was reset (both
 * sensors back at power-down) from one that stalls, and {@link #reinitialize()} configures it again.
 *
 * <p>Not thread-safe: one thread drains. {@link #lostSamples()} may be read from any thread.
 */
public final class Lsm6dsx implements Imu {
    /** Largest FIFO burst, bytes: as the MPU-6050 driver's (36 tagged words, or 21 DS3 samples). */
    static final int MAX_BURST_BYTES = 252;

    private final I2cDevice device;
    private final Lsm6dsxSettings settings;
    private final ImuChip chip;
    private final Sleeper sleeper;
    private final NanoClock clock;
    private final double rateHz;
    private final StreamTime time;
    private final double accelScale;
    private final double gyroScale;
    private final byte[] burst = new byte[MAX_BURST_BYTES];
    private final byte[] status = new byte[4];

    private long lastDataNanos;
    private long lastDrainNanos;
    private boolean realignPending;
    private boolean fifoStartPending;
    private boolean streamStarted;
    /** DSOX pairing: the slot counter of the words held, or -1; which of the two are held. */
    private int slot = -1;
    private boolean haveAccel;
    private boolean haveGyro;
    private final double[] accel = new double[3];
    private final double[] gyro = new double[3];
    private volatile boolean closed;

    private Lsm6dsx(I2cDevice device, Lsm6dsxSettings settings, Sleeper sleeper, NanoClock clock) {
        this.device = device;
        this.settings = settings;
        this.chip = settings.chip();
        this.sleeper = sleeper;
        this.clock = clock;
        this.rateHz = settings.actualRateHz();
        this.time = new StreamTime(rateHz);
        this.accelScale = settings.accelScale();
        this.gyroScale = settings.gyroScale();
    }

    /**
     * Probes, resets and configures the chip on {@code device}; on failure the device is closed.
     *
     * @throws DeviceException with a one-line message if nothing answers, another chip answers, or a
     *                         configuration write does not read back
     */
    public static Lsm6dsx open(I2cDevice device, Lsm6dsxSettings settings, Sleeper sleeper, NanoClock clock) {
        Lsm6dsx imu = new Lsm6dsx(device, settings, sleeper, clock);
        try {
            imu.configure();
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
        Logger.info("IMU ready: {} on {}: {}", settings.chip().label(), device.describe(), settings);
        return imu;
    }

    private void configure() {
        int who;
        try {
            who = device.readRegister(WHO_AM_I);
        } catch (DeviceException e) {
            throw new DeviceException("no " + chip.label() + " answering on " + device.describe() + " (" + e.getMessage() + ")", e);
        }
        if (who != chip.whoAmI()) {
            throw new DeviceException(String.format(Locale.ROOT, "no %s on %s: WHO_AM_I read 0x%02x, expected 0x%02x",
                chip.label(), device.describe(), who, chip.whoAmI()));
        }
        device.writeRegister(CTRL3_C, CTRL3_C_SW_RESET);
        sleeper.sleepNanos(RESET_DELAY_NANOS);
        writeChecked(CTRL3_C, CTRL3_C_BDU | CTRL3_C_IF_INC);
        writeChecked(CTRL1_XL, settings.odrCode() << ODR_SHIFT | settings.fsXlCode() << FS_SHIFT);
        writeChecked(CTRL2_G, settings.odrCode() << ODR_SHIFT | settings.fsGCode() << FS_SHIFT);
        if (chip == ImuChip.LSM6DSOX) {
            writeChecked(DSOX_FIFO_CTRL3, settings.odrCode() << 4 | settings.odrCode());
        } else {
            writeChecked(DS3_FIFO_CTRL3, DS3_FIFO_CTRL3_BOTH_UNDECIMATED);
        }
        device.writeRegister(chip == ImuChip.LSM6DSOX ? DSOX_FIFO_CTRL4 : DS3_FIFO_CTRL5, FIFO_MODE_BYPASS);
        fifoStartPending = true;
    }

    /**
     * Starts the FIFO at the first drain after open or re-initialisation; after a re-initialisation
     * the samples not recorded since the last one delivered count as lost.
     */
    private void startFifo(long now) {
        long since = lastDataNanos;
        restartFifo();
        fifoStartPending = false;
        if (streamStarted) {
            time.skip(now - since);
        }
        streamStarted = true;
    }

    private void writeChecked(int reg, int value) {
        device.writeRegister(reg, value);
        int back = device.readRegister(reg);
        if (back != value) {
            throw new DeviceException(String.format(Locale.ROOT,
                "%s on %s did not keep register 0x%02x: wrote 0x%02x, read back 0x%02x; check wiring and power",
                chip.label(), device.describe(), reg, value, back));
        }
    }

    /** Bypass mode empties the FIFO; continuous mode starts it again. */
    private void restartFifo() {
        if (chip == ImuChip.LSM6DSOX) {
            device.writeRegister(DSOX_FIFO_CTRL4, FIFO_MODE_BYPASS);
            device.writeRegister(DSOX_FIFO_CTRL4, FIFO_MODE_CONTINUOUS);
        } else {
            device.writeRegister(DS3_FIFO_CTRL5, FIFO_MODE_BYPASS);
            device.writeRegister(DS3_FIFO_CTRL5, settings.odrCode() << DS3_FIFO_ODR_SHIFT | FIFO_MODE_CONTINUOUS);
        }
        long now = clock.nanoTime();
        lastDrainNanos = now;
        lastDataNanos = now;
        realignPending = false;
        slot = -1;
        haveAccel = false;
        haveGyro = false;
    }

    @Override
    public int drain(ImuSink sink) {
        if (closed) throw new DeviceException(chip.label() + " on " + device.describe() + " is closed");
        long now = clock.nanoTime();
        if (fifoStartPending) {
            startFifo(now);
            return 0;
        }
        if (realignPending) {
            discard(now, "realigning FIFO words after a bus error");
            return 0;
        }
        int delivered;
        try {
            delivered = chip == ImuChip.LSM6DSOX ? drainTagged(sink, now) : drainPattern(sink, now);
        } catch (DeviceException e) {
            realignPending = true;
            throw e;
        }
        if (delivered > 0) lastDataNanos = now;
        return delivered;
    }

    /**
     * Reads the control registers back (one burst, CTRL1_XL to CTRL3_C, and the FIFO's mode). Null
     * when they hold what {@code open} wrote; else one line naming those that differ, e.g. after a
     * power-on reset {@code "CTRL1_XL 0x00 (want 0x48), CTRL2_G 0x00 (want 0x44), ..."}.
     */
    @Override
    public String checkConfiguration() {
        device.readRegisters(CTRL1_XL, status, 0, 3);
        StringBuilder wrong = new StringBuilder();
        expect(wrong, "CTRL1_XL", status[0], settings.odrCode() << ODR_SHIFT | settings.fsXlCode() << FS_SHIFT);
        expect(wrong, "CTRL2_G", status[1], settings.odrCode() << ODR_SHIFT | settings.fsGCode() << FS_SHIFT);
        expect(wrong, "CTRL3_C", status[2], CTRL3_C_BDU | CTRL3_C_IF_INC);
        if (chip == ImuChip.LSM6DSOX) {
            expect(wrong, "FIFO_CTRL4", device.readRegister(DSOX_FIFO_CTRL4) & 0x07, fifoStartPending ? FIFO_MODE_BYPASS : FIFO_MODE_CONTINUOUS);
        } else {
            expect(wrong, "FIFO_CTRL5", device.readRegister(DS3_FIFO_CTRL5),
                fifoStartPending ? FIFO_MODE_BYPASS : settings.odrCode() << DS3_FIFO_ODR_SHIFT | FIFO_MODE_CONTINUOUS);
        }
        return wrong.length() == 0 ? null : wrong.toString();
    }

    private static void expect(StringBuilder wrong, String name, int value, int want) {
        if ((value & 0xFF) == want) return;
        if (wrong.length() > 0) wrong.append(", ");
        wrong.append(String.format(Locale.ROOT, "%s 0x%02x (want 0x%02x)", name, value & 0xFF, want));
    }

    private int drainTagged(ImuSink sink, long now) {
        device.readRegisters(FIFO_STATUS1, status, 0, 2);
        if ((status[1] & (DSOX_STATUS2_OVR_IA | DSOX_STATUS2_OVR_LATCHED)) != 0) {
            discard(now, "FIFO overrun");
            return 0;
        }
        int words = (status[0] & 0xFF) | (status[1] & DSOX_STATUS2_DIFF_MASK) << 8;
        int delivered = 0;
        while (words > 0) {
            int n = Math.min(words, MAX_BURST_BYTES / DSOX_WORD_BYTES);
            device.readRegisters(DSOX_FIFO_DATA_OUT_TAG, burst, 0, n * DSOX_WORD_BYTES);
            for (int w = 0; w < n; w++) delivered += word(burst, w * DSOX_WORD_BYTES, sink);
            words -= n;
        }
        lastDrainNanos = now;
        return delivered;
    }

    /** One tagged word; returns 1 when it completed a sample. */
    private int word(byte[] b, int off, ImuSink sink) {
        int tag = (b[off] & 0xFF) >> 3;
        int count = (b[off] >> 1) & 0x03;
        if (tag != DSOX_TAG_ACCEL && tag != DSOX_TAG_GYRO) return 0;   // temperature, timestamps: not batched here
        if (count != slot) {
            // A new time slot. A slot left with one sensor only (a word lost to an overrun) is dropped.
            slot = count;
            haveAccel = false;
            haveGyro = false;
        }
        double[] into = tag == DSOX_TAG_ACCEL ? accel : gyro;
        double scale = tag == DSOX_TAG_ACCEL ? accelScale : gyroScale;
        for (int i = 0; i < 3; i++) into[i] = le16(b, off + 1 + 2 * i) * scale;
        if (tag == DSOX_TAG_ACCEL) haveAccel = true;
        else haveGyro = true;
        if (!haveAccel || !haveGyro) return 0;
        sink.sample(time.seconds(), accel[0], accel[1], accel[2], gyro[0], gyro[1], gyro[2]);
        time.advance();
        slot = -1;
        haveAccel = false;
        haveGyro = false;
        return 1;
    }

    private int drainPattern(ImuSink sink, long now) {
        device.readRegisters(FIFO_STATUS1, status, 0, 4);
        if ((status[1] & DS3_STATUS2_OVER_RUN) != 0) {
            discard(now, "FIFO overrun");
            return 0;
        }
        int words = (status[0] & 0xFF) | (status[1] & DS3_STATUS2_DIFF_MASK) << 8;
        int pattern = (status[2] & 0xFF) | (status[3] & 0x03) << 8;
        if (pattern != 0 && words > 0) {
            discard(now, "FIFO pattern at word " + pattern + ", not at Gx");
            return 0;
        }
        int samples = words / DS3_PATTERN_WORDS;
        int perBurst = MAX_BURST_BYTES / (2 * DS3_PATTERN_WORDS);
        int delivered = 0;
        while (samples > 0) {
            int n = Math.min(samples, perBurst);
            device.readRegisters(DS3_FIFO_DATA_OUT_L, burst, 0, n * 2 * DS3_PATTERN_WORDS);
            for (int k = 0; k < n; k++) {
                int off = k * 2 * DS3_PATTERN_WORDS;
                sink.sample(time.seconds(),
                    le16(burst, off + 6) * accelScale, le16(burst, off + 8) * accelScale, le16(burst, off + 10) * accelScale,
                    le16(burst, off) * gyroScale, le16(burst, off + 2) * gyroScale, le16(burst, off + 4) * gyroScale);
                time.advance();
                delivered++;
            }
            samples -= n;
        }
        lastDrainNanos = now;
        return delivered;
    }

    /** The signed 16-bit value of a little-endian byte pair. */
    static int le16(byte[] b, int off) {
        return (short) ((b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8);
    }

    /** Restarts the FIFO, counting what was produced since the last good drain as lost. */
    private void discard(long now, String why) {
        long elapsed = now - lastDrainNanos;
        restartFifo();
        long estimate = time.skip(elapsed);
        Logger.warn("IMU {}: about {} samples lost, {} in total", why, estimate, time.lost());
    }

    /** Configures the chip again; the next drain starts the FIFO and counts what was not recorded as lost. */
    @Override
    public void reinitialize() {
        if (closed) throw new DeviceException(chip.label() + " on " + device.describe() + " is closed");
        configure();
        Logger.warn("IMU {} on {} re-initialised", chip.label(), device.describe());
    }

    @Override
    public double sampleRateHz() {
        return rateHz;
    }

    @Override
    public long lostSamples() {
        return time.lost();
    }

    public Lsm6dsxSettings settings() {
        return settings;
    }

    /** Powers both sensors down (ODR 0, the power-on state) and releases the device. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            device.writeRegister(CTRL1_XL, 0);
            device.writeRegister(CTRL2_G, 0);
        } catch (RuntimeException e) {
            Logger.debug("could not power the {} down: {}", chip.label(), e.getMessage());
        } finally {
            device.close();
        }
    }
}
