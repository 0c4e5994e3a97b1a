package org.backstep.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the IMU: reads the WHO_AM_I register of the family that may sit at each candidate address
 * and names the chip that answers. {@code imu.chip = auto} with {@code imu.address = auto} probes
 * every known address (0x68, 0x69 for InvenSense, 0x6A, 0x6B for ST), in that order; a named chip
 * or address narrows the search. The first supported chip that answers wins.
 */
public final class ImuProbe {
    private ImuProbe() {
    }

    private static List<Integer> candidates(ImuChip wanted, int address) {
        return address >= 0 ? List.of(address) : wanted != null ? wanted.family().addresses() : ImuChip.KNOWN_ADDRESSES;
    }

    /**
     * True when anything acknowledges a read of WHO_AM_I at one of the addresses {@code selection} allows,
     * whatever it reads: false means no chip is on the bus there (unplugged, unpowered).
     */
    public static boolean anyAnswers(I2cBus bus, ImuSelection selection) {
        for (int a : candidates(selection.chip(), selection.address())) {
            ImuChip.Family family = selection.chip() != null ? selection.chip().family() : ImuChip.Family.at(a);
            if (family == null) continue;
            try (I2cDevice dev = bus.open(a)) {
                dev.readRegister(family.whoAmIRegister());
                return true;
            } catch (DeviceException e) {
                // no acknowledge: nothing there
            }
        }
        return false;
    }

    /** What answered where. */
    public record Found(ImuChip chip, int address) {
        /** E.g. {@code "MPU-6500 (WHO_AM_I 0x70) at i2c bus 1 address 0x68"}. */
        public String describe(I2cBus bus) {
            return String.format(Locale.ROOT, "%s at %s address 0x%02x", chip.describe(), bus.describe(), address);
        }
    }

    /**
     * @param wanted  the configured chip, or null for auto
     * @param address the configured address, or a negative number for auto
     * @throws DeviceException one line naming every address tried and what each answered: nothing,
     *                         an unknown WHO_AM_I, or another chip than the one configured
     */
    public static Found find(I2cBus bus, ImuChip wanted, int address) {
        List<Integer> candidates = candidates(wanted, address);
        List<String> answers = new ArrayList<>();
        boolean somethingAnswered = false;
        for (int a : candidates) {
            ImuChip.Family family = wanted != null ? wanted.family() : ImuChip.Family.at(a);
            if (family == null) {
                answers.add(String.format(Locale.ROOT, "0x%02x is no IMU address", a));
                continue;
            }
            int who;
            try (I2cDevice dev = bus.open(a)) {
                who = dev.readRegister(family.whoAmIRegister());
            } catch (DeviceException e) {
                answers.add(String.format(Locale.ROOT, "0x%02x: no answer", a));
                continue;
            }
            ImuChip chip = ImuChip.identify(family, who);
            // A bus without pull-ups or a chip without power reads all ones or all zeros.
            boolean floating = who == 0x00 || who == 0xFF;
            somethingAnswered |= !floating;
            if (chip != null && (wanted == null || wanted == chip)) return new Found(chip, a);
            if (chip != null) {
                answers.add(String.format(Locale.ROOT, "0x%02x: an %s, but imu.chip = %s (set imu.chip = auto or %s)",
                    a, chip.describe(), wanted.key(), chip.key()));
            } else {
                answers.add(String.format(Locale.ROOT, "0x%02x: WHO_AM_I (register 0x%02x) reads 0x%02x%s", a,
                    family.whoAmIRegister(), who, floating ? ", nothing is driving the bus: check power and pull-ups" : ", not a supported chip"));
            }
        }
        String what = wanted == null ? "no supported IMU" : "no " + wanted.label();
        String hint = somethingAnswered
            ? "; supported: MPU-6050, MPU-6500, MPU-9250 at 0x68/0x69, LSM6DSOX, LSM6DS3TR-C at 0x6a/0x6b"
            : "; check the wiring (SDA GPIO2 pin 3, SCL GPIO3 pin 5, 3V3, GND), that I2C is enabled, and `i2cdetect -y "
              + bus.number() + "`";
        throw new DeviceException(what + " on " + bus.describe() + ": " + String.join("; ", answers) + hint);
    }
}
