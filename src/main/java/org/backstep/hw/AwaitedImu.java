package org.backstep.hw;

import java.util.Locale;
import java.util.function.Supplier;
import org.backstep.core.ImuSink;

/**
 * An IMU that did not answer when the service started (unplugged at boot, a loose wire): the service
 * runs without it and the sampling loop finds it by re-initialising, with its usual back-off, until the
 * chip answers. Until then {@link #missing()} says why, {@link #drain} delivers nothing and
 * {@link #reinitialize()} tries to open the chip through {@code opener} (probe, reset, configure).
 * Once open it delegates everything to the driver, whose stream time starts at its first drain.
 *
 * <p>The pipeline was built for {@code expectedRateHz}. A chip found later that runs at another rate
 * (an ST chip found by {@code imu.chip = auto}, whose output data rates differ from the InvenSense
 * ones) is closed and refused: {@link #refusal()} says so, and the owner stops the service so that a
 * restart builds the pipeline for the chip now present.
 *
 * <p>One thread (the sampling loop) drains and re-initialises; {@link #missing()}, {@link #refusal()}
 * and {@link #lostSamples()} may be read from any thread.
 */
public final class AwaitedImu implements Imu {
    private final Supplier<Imu> opener;
    private final double expectedRateHz;
    private final String why;
    private volatile Imu imu;
    private volatile String refusal;
    private volatile boolean closed;

    /**
     * @param opener         finds and opens the chip, or throws {@link DeviceException}
     * @param expectedRateHz the rate the pipeline is built for
     * @param why            one line: what did not answer at start
     */
    public AwaitedImu(Supplier<Imu> opener, double expectedRateHz, String why) {
        this.opener = opener;
        this.expectedRateHz = expectedRateHz;
        this.why = why;
    }

    @Override
    public String missing() {
        return imu == null ? why : null;
    }

    /** Why a chip that answered later was refused, or null. */
    public String refusal() {
        return refusal;
    }

    @Override
    public int drain(ImuSink sink) {
        Imu i = imu;
        if (i == null) throw DeviceException.needsReinit(why);
        return i.drain(sink);
    }

    @Override
    public double sampleRateHz() {
        return expectedRateHz;
    }

    @Override
    public long lostSamples() {
        Imu i = imu;
        return i == null ? 0 : i.lostSamples();
    }

    @Override
    public void reinitialize() {
        if (closed) throw new DeviceException("the IMU is closed");
        Imu i = imu;
        if (i != null) {
            i.reinitialize();
            return;
        }
        if (refusal != null) throw new DeviceException(refusal);
        Imu found = opener.get();
        if (Math.abs(found.sampleRateHz() - expectedRateHz) > 1e-9) {
            found.close();
            refusal = String.format(Locale.ROOT, "the IMU that answered runs at %.1f Hz, but the service started at %.1f Hz"
                + " while waiting for it; restarting", found.sampleRateHz(), expectedRateHz);
            throw new DeviceException(refusal);
        }
        synchronized (this) {
            if (closed) {
                found.close();
                throw new DeviceException("the IMU is closed");
            }
            imu = found;
        }
    }

    @Override
    public String checkConfiguration() {
        Imu i = imu;
        return i == null ? why : i.checkConfiguration();
    }

    /** The driver once the chip answered, else null. */
    public Imu found() {
        return imu;
    }

    @Override
    public synchronized void close() {
        closed = true;
        Imu i = imu;
        if (i != null) i.close();
    }
}
