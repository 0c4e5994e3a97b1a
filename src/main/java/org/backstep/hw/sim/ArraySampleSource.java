package org.backstep.hw.sim;

/**
 * Replays rows of {ax, ay, az, gx, gy, gz} one per chip sample, ignoring chip time (a recording made
 * at the chip's rate replays at its own pace). Optionally loops.
 */
public final class ArraySampleSource implements SampleSource {
    private final double[][] rows;
    private final boolean loop;
    private int next;

    /** @param rows each of length 6, SI units; copied */
    public ArraySampleSource(double[][] rows, boolean loop) {
        this.rows = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != 6) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values; need 6 (ax ay az gx gy gz)");
            }
            this.rows[i] = rows[i].clone();
        }
        this.loop = loop;
    }

    /** From six parallel columns of equal length. */
    public static ArraySampleSource ofColumns(double[] ax, double[] ay, double[] az, double[] gx, double[] gy, double[] gz, boolean loop) {
        int n = ax.length;
        if (ay.length != n || az.length != n || gx.length != n || gy.length != n || gz.length != n) {
            throw new IllegalArgumentException("columns differ in length; all six need " + n + " values");
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) rows[i] = new double[] {ax[i], ay[i], az[i], gx[i], gy[i], gz[i]};
        return new ArraySampleSource(rows, loop);
    }

    @Override
    public boolean next(double t, double[] out) {
        if (next >= rows.length) {
            if (!loop || rows.length == 0) return false;
            next = 0;
        }
        System.arraycopy(rows[next++], 0, out, 0, 6);
        return true;
    }
}
