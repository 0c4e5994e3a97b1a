package org.backstep.hw.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.backstep.hw.DeviceException;
import org.backstep.hw.I2cBus;
import org.backstep.hw.I2cDevice;

/** {@link I2cBus} over one Pi4J I2C provider of a context: each {@link #open} creates a Pi4J I2C. */
final class Pi4jI2cBus implements I2cBus {
    private final Context context;
    private final String providerId;
    private final int bus;
    private final AtomicInteger opened = new AtomicInteger();

    Pi4jI2cBus(Context context, String providerId, int bus) {
        this.context = context;
        this.providerId = providerId;
        this.bus = bus;
    }

    @Override
    public I2cDevice open(int address) {
        // Pi4J ids are unique in a context, and a closed I2C keeps its id: number every handle.
        String id = String.format(Locale.ROOT, "backstep-i2c-%d-%02x-%d", bus, address, opened.incrementAndGet());
        try {
            I2C i2c = context.create(I2C.newConfigBuilder(context).id(id).name(id)
                .bus(bus).device(address).provider(providerId).build());
            return new Pi4jI2cDevice(i2c, () -> {
                if (!context.isShutdown()) context.registry().remove(id);
            });
        } catch (RuntimeException e) {
            throw new DeviceException(describe() + String.format(Locale.ROOT, " address 0x%02x: cannot open: %s", address, e.getMessage()), e);
        }
    }

    @Override
    public int number() {
        return bus;
    }

    @Override
    public String describe() {
        return "i2c bus " + bus;
    }
}
