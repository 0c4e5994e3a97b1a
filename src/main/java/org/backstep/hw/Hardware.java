package org.backstep.hw;

/**
 * The devices of one backstep unit, opened together and closed together. {@link #close()} is
 * idempotent and safe to call from a shutdown hook while another thread is still using the devices
 * (their calls then fail with {@link DeviceException}).
 */
public interface Hardware extends AutoCloseable {

    Imu imu();

    Buzzer buzzer();

    /** One line saying what was opened, e.g. for the startup log. */
    String describe();

    @Override
    void close();
}
