package org.backstep.hw.mpu6050;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import org.backstep.hw.FakeTime;
import org.backstep.hw.I2cDevice;
import org.backstep.hw.pi4j.Pi4jI2cDevice;
import org.backstep.hw.sim.SampleSource;
import org.backstep.hw.sim.SimulatedI2CProvider;
import org.backstep.hw.sim.SimulatedI2cDevice;
import org.backstep.hw.sim.SimulatedMpu6050;

/** A simulated chip on a fake clock, reachable through Pi4J (like hardware) or directly. */
final class SimRig implements AutoCloseable {
    final FakeTime time = new FakeTime();
    final SimulatedMpu6050 chip;
    final Context context;
    final I2cDevice device;

    private SimRig(SampleSource source, boolean viaPi4j, int chipAddress, int openAddress) {
        chip = new SimulatedMpu6050(source, time::seconds);
        if (viaPi4j) {
            context = Pi4J.newContextBuilder().noAutoDetect()
                .add(new SimulatedI2CProvider(chip, 1, chipAddress)).build();
            I2C i2c = context.create(I2C.newConfigBuilder(context).id("imu").bus(1).device(openAddress)
                .provider(SimulatedI2CProvider.ID).build());
            device = new Pi4jI2cDevice(i2c);
        } else {
            context = null;
            device = new SimulatedI2cDevice(chip, 1, openAddress);
        }
    }

    static SimRig pi4j(SampleSource source) {
        return new SimRig(source, true, 0x68, 0x68);
    }

    static SimRig pi4j(SampleSource source, int chipAddress, int openAddress) {
        return new SimRig(source, true, chipAddress, openAddress);
    }

    static SimRig direct(SampleSource source) {
        return new SimRig(source, false, 0x68, 0x68);
    }

    Mpu6050 open(Mpu6050Settings s) {
        return Mpu6050.open(device, s, time, time);
    }

    /** Moves the fake clock and lets the chip catch up. */
    void advance(double seconds) {
        time.advanceSeconds(seconds);
        chip.advanceTo(time.seconds());
    }

    @Override
    public void close() {
        device.close();
        if (context != null) context.shutdown();
    }
}
