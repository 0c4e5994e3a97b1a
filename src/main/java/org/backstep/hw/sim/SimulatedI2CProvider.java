package org.backstep.hw.sim;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.Map;

/**
 * A Pi4J I2C provider serving simulated chips ({@link SimulatedMpu6050}, {@link SimulatedLsm6dsox})
 * at addresses of one bus, so the demo and the
 * tests run exactly the Pi4J code path used on hardware ({@code Context -> I2C -> Pi4jI2cDevice ->
 * Mpu6050}). Any other bus/address behaves like an empty bus: every transaction fails with an I/O error.
 *
 * <p>Add it to a context explicitly: {@code Pi4J.newContextBuilder().noAutoDetect().add(provider)}; it is
 * not registered for ServiceLoader discovery.
 */
public final class SimulatedI2CProvider extends I2CProviderBase {
    /** Provider id to use in {@code I2CConfigBuilder.provider(..)}. */
    public static final String ID = "backstep-sim-i2c";
    public static final String NAME = "backstep simulated IMU I2C provider";

    private final Map<Integer, SimulatedChip> chips;
    private final int bus;

    /** One chip at {@code address} of {@code bus}. */
    public SimulatedI2CProvider(SimulatedChip chip, int bus, int address) {
        this(bus, Map.of(address, chip));
    }

    /** Chips by address on {@code bus}; every other address is empty. */
    public SimulatedI2CProvider(int bus, Map<Integer, SimulatedChip> chips) {
        super(ID, NAME);
        this.chips = Map.copyOf(chips);
        this.bus = bus;
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public I2C create(I2CConfig config) {
        SimulatedChip chip = config.bus() == bus ? chips.get(config.device()) : null;
        SimulatedI2C i2c = new SimulatedI2C(this, config, chip);
        this.context.registry().add(i2c);
        return i2c;
    }
}
