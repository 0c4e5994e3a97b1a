package org.backstep.hw.sim;

import static org.backstep.hw.lsm6dsx.Lsm6dsxRegisters.*;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.backstep.hw.ImuChip;

/**
 * A register-level model of ST's LSM6DSOX or LSM6DS3TR-C, good enough to run the real driver
 * against (register sources as in {@link org.backstep.hw.lsm6dsx.Lsm6dsxRegisters}).
 *
 * <p>Modelled: reset values (both sensors powered down, CTRL3_C = IF_INC), SW_RESET, WHO_AM_I,
 * CTRL1_XL / CTRL2_G rate and full scale with quantisation and saturation, register auto-increment
 * with IF_INC. The LSM6DSOX FIFO: gyro and accelerometer words tagged with sensor and a 2-bit slot
 * counter, batched at BDR_GY / BDR_XL, bypass and continuous modes, DIFF_FIFO, FIFO_OVR_IA and
 * FIFO_OVR_LATCHED (cleared when FIFO_STATUS2 is read), a burst from FIFO_DATA_OUT_TAG wrapping from
 * 7Eh to 78h. The LSM6DS3TR-C FIFO: untagged words in the pattern Gx Gy Gz XLx XLy XLz at the FIFO
 * ODR, DIFF_FIFO, OVER_RUN, FIFO_PATTERN, a burst wrapping from 3Fh to 3Eh. A full FIFO in
 * continuous mode drops its oldest sample. Not modelled: decimation, other batch rates per sensor,
 * compression, timestamps, temperature, embedded functions, interrupts.
 *
 * <p>Time as in {@link SimulatedMpu6050}: samples on the grid k / ODR of chip time, advanced to the
 * clock before every transaction. Thread-safe (all methods synchronized).
 */
public final class SimulatedLsm6dsx extends RegisterChipModel {
    /** FIFO capacity in samples (one gyro and one accelerometer set each); the chips hold more, the driver never needs it. */
    static final int FIFO_SAMPLES = 256;

    private final ImuChip chip;
    private final SampleSource source;
    private final int[] reg = new int[128];
    private final double[] in = new double[6];
    /** FIFO words: 7 bytes (tag + 6) on the DSOX, 2 bytes on the DS3TR-C. */
    private final byte[][] fifo;
    private final int wordBytes;
    private int head;
    private int count;
    private int slotCounter;
    private int readOffset;      // bytes of the head word already read (a burst may stop mid-word)
    private long wordsGone;      // words read or dropped since the FIFO started: FIFO_PATTERN on the DS3TR-C
    private boolean overrun;
    private boolean overrunLatched;
    private double now;
    private double nextSampleTime;

    public SimulatedLsm6dsx(ImuChip chip, SampleSource source, DoubleSupplier clockSeconds) {
        super(clockSeconds, "simulated I2C error (Remote I/O error)");
        if (chip.family() != ImuChip.Family.ST) throw new IllegalArgumentException(chip.label() + " is not an ST chip");
        this.chip = chip;
        this.source = source;
        boolean tagged = chip == ImuChip.LSM6DSOX;
        this.wordBytes = tagged ? DSOX_WORD_BYTES : 2;
        this.fifo = new byte[FIFO_SAMPLES * (tagged ? 2 : DS3_PATTERN_WORDS)][wordBytes];
        if (clock != null) now = clock.getAsDouble();
        reset();
    }

    private void reset() {
        Arrays.fill(reg, 0);
        reg[WHO_AM_I] = chip.whoAmI();
        reg[CTRL3_C] = CTRL3_C_RESET_VALUE;
        emptyFifo();
    }

    private void emptyFifo() {
        head = 0;
        count = 0;
        readOffset = 0;
        wordsGone = 0;
        overrun = false;
        overrunLatched = false;
    }

    /** A power-on reset, as when the supply dips: every register to its reset value, FIFO empty. */
    public synchronized void powerOnReset() {
        reset();
    }

    // ------------------------------------------------------------------ time

    private int odrCode() {
        return reg[CTRL1_XL] >> ODR_SHIFT;
    }

    private boolean fifoOn() {
        return chip == ImuChip.LSM6DSOX ? (reg[DSOX_FIFO_CTRL4] & 7) == FIFO_MODE_CONTINUOUS
            : (reg[DS3_FIFO_CTRL5] & 7) == FIFO_MODE_CONTINUOUS;
    }

    /** Generates every sample due up to {@code seconds}. */
    public synchronized void advanceTo(double seconds) {
        if (seconds <= now) return;
        int code = odrCode();
        if (code == 0 || code > 10) {
            now = seconds;
            return;
        }
        double rate = odrHz(code);
        nextSampleTime = Math.ceil(nextSampleTime * rate - 1e-6) / rate;
        for (long k = Math.round(nextSampleTime * rate); nextSampleTime <= seconds; nextSampleTime = ++k / rate) {
            takeSample(nextSampleTime);
        }
        now = seconds;
    }

    private void takeSample(double t) {
        if (!source.next(t, in)) return;
        int fsXl = (reg[CTRL1_XL] >> FS_SHIFT) & 3;
        int fsG = (reg[CTRL2_G] >> FS_SHIFT) & 3;
        int xlIndex = indexOf(FS_XL_CODE, fsXl);
        int gIndex = indexOf(FS_G_CODE, fsG);
        double aPerCount = LA_SO_MG_PER_LSB[xlIndex] * 1e-3 * STANDARD_GRAVITY;
        double gPerCount = Math.toRadians(G_SO_MDPS_PER_LSB[gIndex] * 1e-3);
        int[] a = {quantize(in[0], aPerCount), quantize(in[1], aPerCount), quantize(in[2], aPerCount)};
        int[] g = {quantize(in[3], gPerCount), quantize(in[4], gPerCount), quantize(in[5], gPerCount)};
        boolean gyroOn = (reg[CTRL2_G] >> ODR_SHIFT) != 0;
        if (!fifoOn()) return;
        slotCounter = (slotCounter + 1) & 3;
        if (chip == ImuChip.LSM6DSOX) {
            int bdrG = reg[DSOX_FIFO_CTRL3] >> 4;
            int bdrXl = reg[DSOX_FIFO_CTRL3] & 0x0F;
            // The FIFO writes one slot's words in either order; the gyro's first here.
            if (bdrG != 0 && gyroOn) push(tagged(DSOX_TAG_GYRO, g));
            if (bdrXl != 0) push(tagged(DSOX_TAG_ACCEL, a));
        } else {
            if (!gyroOn) return;
            for (int v : g) push(new byte[] {(byte) v, (byte) (v >> 8)});
            for (int v : a) push(new byte[] {(byte) v, (byte) (v >> 8)});
        }
    }

    private static int indexOf(int[] codes, int code) {
        for (int i = 0; i < codes.length; i++) if (codes[i] == code) return i;
        throw new IllegalStateException("no full scale " + code);
    }

    private byte[] tagged(int tag, int[] xyz) {
        int t = tag << 3 | slotCounter << 1;
        t |= Integer.bitCount(t) & 1;                // TAG_PARITY: odd parity over the tag byte
        return new byte[] {(byte) t, (byte) xyz[0], (byte) (xyz[0] >> 8), (byte) xyz[1], (byte) (xyz[1] >> 8),
            (byte) xyz[2], (byte) (xyz[2] >> 8)};
    }

    private void push(byte[] word) {
        if (count == fifo.length) {               // continuous mode: the oldest goes
            head = (head + 1) % fifo.length;
            count--;
            wordsGone++;
            readOffset = 0;
            overrun = true;
            overrunLatched = true;
        }
        fifo[(head + count) % fifo.length] = word;
        count++;
    }

    static int quantize(double value, double perCount) {
        long c = Math.round(value / perCount);
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c));
    }

    // ------------------------------------------------------------------ bus side

    @Override
    protected int next(int r) {
        if ((reg[CTRL3_C] & CTRL3_C_IF_INC) == 0) return r;
        if (chip == ImuChip.LSM6DSOX && r == DSOX_FIFO_DATA_OUT_TAG + DSOX_WORD_BYTES - 1) return DSOX_FIFO_DATA_OUT_TAG;
        if (chip != ImuChip.LSM6DSOX && r == DS3_FIFO_DATA_OUT_L + 1) return DS3_FIFO_DATA_OUT_L;
        return (r + 1) & 0x7F;
    }

    private boolean inFifoWindow(int r) {
        return chip == ImuChip.LSM6DSOX ? r >= DSOX_FIFO_DATA_OUT_TAG && r < DSOX_FIFO_DATA_OUT_TAG + DSOX_WORD_BYTES
            : r == DS3_FIFO_DATA_OUT_L || r == DS3_FIFO_DATA_OUT_L + 1;
    }

    @Override
    protected int readByte(int r) {
        if (inFifoWindow(r)) {
            if (count == 0) return 0;
            int b = fifo[head][readOffset] & 0xFF;
            if (++readOffset == wordBytes) {      // a word leaves the FIFO when its last byte is read
                readOffset = 0;
                head = (head + 1) % fifo.length;
                count--;
                wordsGone++;
            }
            return b;
        }
        int patternWords = chip == ImuChip.LSM6DSOX ? 1 : DS3_PATTERN_WORDS;
        switch (r) {
            case FIFO_STATUS1:
                return count & 0xFF;
            case FIFO_STATUS2: {
                int flags = overrun ? (chip == ImuChip.LSM6DSOX ? DSOX_STATUS2_OVR_IA : DS3_STATUS2_OVER_RUN) : 0;
                if (chip == ImuChip.LSM6DSOX && overrunLatched) flags |= DSOX_STATUS2_OVR_LATCHED;
                overrunLatched = false;
                int diffMask = chip == ImuChip.LSM6DSOX ? DSOX_STATUS2_DIFF_MASK : DS3_STATUS2_DIFF_MASK;
                return flags | ((count >> 8) & diffMask);
            }
            case FIFO_STATUS3:
                return chip == ImuChip.LSM6DSOX ? reg[r] : (int) (wordsGone % patternWords);
            default:
                return reg[r];
        }
    }

    @Override
    protected void writeByte(int r, int v) {
        if (r == WHO_AM_I || r == FIFO_STATUS1 || r == FIFO_STATUS2 || r == FIFO_STATUS3) return;
        if (r == CTRL3_C && (v & CTRL3_C_SW_RESET) != 0) {
            reset();
            return;
        }
        boolean fifoReg = chip == ImuChip.LSM6DSOX ? r == DSOX_FIFO_CTRL4 : r == DS3_FIFO_CTRL5;
        if (fifoReg && (v & 7) == FIFO_MODE_BYPASS) emptyFifo();
        int before = odrCode();
        reg[r] = v;
        if (before == 0 && odrCode() != 0) nextSampleTime = now + 1.0 / odrHz(odrCode());
    }

    // ------------------------------------------------------------------ test hooks

    /** Words in the FIFO now. */
    public synchronized int fifoWords() {
        return count;
    }

    /** A register's value without side effects. */
    public synchronized int peek(int register) {
        return reg[register & 0x7F];
    }
}
