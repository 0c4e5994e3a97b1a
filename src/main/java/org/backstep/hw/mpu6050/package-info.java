/**
 * MPU-6050 driver reading accel + gyro frames from the on-chip FIFO; register constants cite
 * RM-MPU-6000A-00 rev 4.2 and PS-MPU-6000A-00 rev 3.4.
 */
package org.backstep.hw.mpu6050;
