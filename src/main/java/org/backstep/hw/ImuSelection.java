package org.backstep.hw;

import java.util.Locale;

/**
 * Which IMU to look for, as configured: a chip or any ({@code chip == null}), at an address or at
 * any known one ({@code address < 0}).
 */
public record ImuSelection(ImuChip chip, int address) {
    /** Any supported chip at any known address: {@code imu.chip = auto}, {@code imu.address = auto}. */
    public static final ImuSelection AUTO = new ImuSelection(null, -1);

    public ImuSelection {
        if (address >= 0 && !ImuChip.KNOWN_ADDRESSES.contains(address)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "0x%02x is not an IMU address; allowed: 0x68, 0x69, 0x6a, 0x6b", address));
        }
        if (chip != null && address >= 0 && !chip.family().addresses().contains(address)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "an %s never answers at 0x%02x", chip.label(), address));
        }
    }

    /** Both chip and address are given: nothing to search. */
    public boolean fixed() {
        return chip != null && address >= 0;
    }
}
