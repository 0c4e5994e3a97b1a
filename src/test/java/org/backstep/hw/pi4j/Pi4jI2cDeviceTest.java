package org.backstep.hw.pi4j;

import static org.junit.jupiter.api.Assertions.*;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.backstep.hw.DeviceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jI2cDeviceTest {
    private final Context ctx = Pi4J.newContextBuilder().noAutoDetect().add(MockI2CProvider.newInstance()).build();
    private final I2CConfig config = I2C.newConfigBuilder(ctx).id("t").bus(1).device(0x68).build();

    /** Behaves like Pi4J 2.8.0 linuxfs: a burst read ignores the offset and fills from index 0. */
    private static final class OffsetIgnoringI2C extends MockI2C {
        boolean broken;

        OffsetIgnoringI2C(Context ctx, I2CConfig cfg) {
            super(ctx.provider(MockI2CProvider.ID), cfg);
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            if (broken) throw linuxfsFailure();
            for (int i = 0; i < length; i++) buffer[i] = (byte) (0x10 + i);
            return length;
        }

        @Override
        public int readRegister(int register) {
            if (broken) throw new IOException("Remote I/O error");
            return 0x68;
        }
    }

    /** What Pi4J 2.8.0 linuxfs throws when the ioctl fails: the address in decimal, the errno text only in the cause. */
    private static RuntimeException linuxfsFailure() {
        return new com.pi4j.exception.Pi4JException("Failed to execute action for device 104 on bus 1",
            new java.io.IOException("Remote I/O error"));
    }

    @AfterEach
    void shutdown() {
        ctx.shutdown();
    }

    @Test
    void burstWithOffsetLandsAtTheOffsetDespiteThePi4jBug() {
        Pi4jI2cDevice dev = new Pi4jI2cDevice(new OffsetIgnoringI2C(ctx, config));
        byte[] dst = new byte[10];
        dev.readRegisters(0x74, dst, 5, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0x10, 0x11, 0x12, 0x13, 0}, dst);
        dev.readRegisters(0x74, dst, 0, 3);
        assertEquals(0x12, dst[2]);
        assertEquals("i2c bus 1 address 0x68", dev.describe());
    }

    @Test
    void pi4jFailuresBecomeOneLineDeviceExceptions() {
        OffsetIgnoringI2C i2c = new OffsetIgnoringI2C(ctx, config);
        i2c.broken = true;
        Pi4jI2cDevice dev = new Pi4jI2cDevice(i2c);
        DeviceException e = assertThrows(DeviceException.class, () -> dev.readRegister(0x75));
        assertEquals("i2c bus 1 address 0x68: read of register 0x75 failed: Remote I/O error", e.getMessage());
        e = assertThrows(DeviceException.class, () -> dev.readRegisters(0x74, new byte[12], 0, 12));
        assertEquals("i2c bus 1 address 0x68: burst read at register 0x74 failed: Remote I/O error", e.getMessage(),
            "the errno text of linuxfs's cause is kept and the address is in hex, never 'device 104'");
        dev.close();
        dev.close();
        assertThrows(DeviceException.class, () -> dev.readRegister(0x75));
    }
}
