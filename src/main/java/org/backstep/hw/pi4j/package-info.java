/**
 * Pi4J 2.8.0 adapters: I2C (linuxfs-i2c), buzzers on linuxfs-pwm or gpiod-digital-output, and
 * {@link org.backstep.hw.pi4j.Pi4jHardware}, which builds and owns the single Pi4J context.
 */
package org.backstep.hw.pi4j;
