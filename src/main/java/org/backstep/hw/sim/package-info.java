/**
 * A register-level simulated MPU-6050 fed by a {@link org.backstep.hw.sim.SampleSource}, reachable
 * directly or through Pi4J via {@link org.backstep.hw.sim.SimulatedI2CProvider}.
 */
package org.backstep.hw.sim;
