package org.backstep.recording;

import java.util.Map;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * A whole recording held in memory as parallel primitive arrays (about 56 bytes a sample).
 *
 * @param name        file name without {@code .csv} / {@code .csv.gz}
 * @param metadata    every {@code # key: value} header, in file order
 * @param rateHz      nominal sample rate from {@code rate_hz}
 * @param forwardAxis mounting from {@code forward_axis}, or {@code null} when it says {@code unknown}
 */
public record Recording(String name, Map<String, String> metadata, double rateHz, Axis forwardAxis,
                        double[] t, double[] ax, double[] ay, double[] az,
                        double[] gx, double[] gy, double[] gz) implements RecordingSource {

    public int size() {
        return t.length;
    }

    public double durationS() {
        return t.length == 0 ? 0 : t[t.length - 1] - t[0];
    }

    /** Feeds every sample, in order, to {@code sink}. */
    @Override
    public double replay(ImuSink sink) {
        for (int i = 0; i < t.length; i++) {
            sink.sample(t[i], ax[i], ay[i], az[i], gx[i], gy[i], gz[i]);
        }
        return durationS();
    }
}
