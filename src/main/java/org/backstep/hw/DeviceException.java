package org.backstep.hw;

/**
 * The one unchecked exception type of the hardware layer: an I/O failure talking to a device, or a
 * device that is not what it should be. Messages are one line and name the device.
 *
 * <p>Two optional marks: {@link #device()} says which part of the unit failed ({@code imu},
 * {@code buzzer}), so a self test labels a missing PWM chip as the buzzer; {@link #needsReinit()} says
 * the chip itself lost its state (a power-on reset, a stuck FIFO count) and only re-initialising it
 * helps, unlike a bus error that a retry may cure.
 */
public final class DeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String device;
    private final boolean needsReinit;

    public DeviceException(String message) {
        this(null, message, null, false);
    }

    public DeviceException(String message, Throwable cause) {
        this(null, message, cause, false);
    }

    private DeviceException(String device, String message, Throwable cause, boolean needsReinit) {
        super(message, cause);
        this.device = device;
        this.needsReinit = needsReinit;
    }

    /** A failure of one part of the unit: {@code device} is {@code imu}, {@code buzzer}... */
    public static DeviceException of(String device, String message, Throwable cause) {
        return new DeviceException(device, message, cause, false);
    }

    /** The chip lost its configuration or delivers no real data: re-initialise it. */
    public static DeviceException needsReinit(String message) {
        return new DeviceException(null, message, null, true);
    }

    /** Which part failed ({@code imu}, {@code buzzer}), or null when not said. */
    public String device() {
        return device;
    }

    /** True when only re-initialising the chip helps. */
    public boolean needsReinit() {
        return needsReinit;
    }

    /** This exception marked as a failure of {@code device}, unless it already names one. */
    public DeviceException about(String device) {
        if (this.device != null) return this;
        DeviceException e = new DeviceException(device, getMessage(), getCause(), needsReinit);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
