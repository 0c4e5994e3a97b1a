/**
 * The hardware layer: small device interfaces ({@link org.backstep.hw.I2cDevice}, {@link org.backstep.hw.Imu},
 * {@link org.backstep.hw.Buzzer}) with one unchecked {@link org.backstep.hw.DeviceException}, the
 * {@link org.backstep.hw.SamplingLoop} that drains the IMU on its own thread, the
 * {@link org.backstep.hw.SelfTest}, and injected time ({@link org.backstep.hw.NanoClock},
 * {@link org.backstep.hw.Sleeper}). Sub-packages: {@code mpu6050} (driver), {@code sim} (register-level
 * simulated chip and its Pi4J provider), {@code pi4j} (adapters and the {@code Pi4jHardware} factory),
 * {@code buzzer} (patterns and player).
 */
package org.backstep.hw;
