package org.backstep.hw.sim;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;

/**
 * A Pi4J I2C provider serving a {@link SimulatedMpu6050} at one bus and address, so the demo and the
 * tests run exactly the Pi4J code path used on hardware ({@code Context -> I2C -> Pi4jI2cDevice ->
 * Mpu6050}). Any other bus/address behaves like an empty bus: every transaction fails with an I/O error.
 *
 * <p>Add it to a context explicitly: {@code Pi4J.newContextBuilder().noAutoDetect().add(provider)}; it is
 * not registered for ServiceLoader discovery.
 */
public final class SimulatedI2CProvider extends I2CProviderBase {
    /** Provider id to use in {@code I2CConfigBuilder.provider(..)}. */
    public static final String ID = "backstep-sim-i2c";
    public static final String NAME = "backstep simulated MPU-6050 I2C provider";

    private final SimulatedMpu6050 chip;
    private final int bus;
    private final int address;

    public SimulatedI2CProvider(SimulatedMpu6050 chip, int bus, int address) {
        super(ID, NAME);
        this.chip = chip;
        this.bus = bus;
        this.address = address;
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public I2C create(I2CConfig config) {
        boolean here = config.bus() == bus && config.device() == address;
        SimulatedI2C i2c = new SimulatedI2C(this, config, here ? chip : null);
        this.context.registry().add(i2c);
        return i2c;
    }

    public SimulatedMpu6050 chip() {
        return chip;
    }
}
