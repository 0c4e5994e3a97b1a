package org.backstep.hw.mpu6050;

import java.util.ArrayList;
import java.util.List;
import org.backstep.core.ImuSink;

/** Collects samples (allocation is fine in tests). */
final class Recorder implements ImuSink {
    final List<double[]> rows = new ArrayList<>();

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        rows.add(new double[] {t, ax, ay, az, gx, gy, gz});
    }

    double[] last() {
        return rows.get(rows.size() - 1);
    }
}
