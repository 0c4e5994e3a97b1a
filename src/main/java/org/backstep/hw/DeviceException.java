package org.backstep.hw;

/**
 * The one unchecked exception type of the hardware layer: an I/O failure talking to a device, or a
 * device that is not what it should be. Messages are one line and name the device.
 */
public final class DeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
