package org.backstep.recording;

import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/** A recording's samples with what a session needs to know before the first one: a file read as it streams, or one held in memory. */
public interface RecordingSource {
    /** File name without {@code .csv} / {@code .csv.gz}. */
    String name();

    /** Nominal sample rate from {@code rate_hz}. */
    double rateHz();

    /** Mounting from {@code forward_axis}, or {@code null} when it says {@code unknown}. */
    Axis forwardAxis();

    /**
     * Feeds every sample, in order, to {@code sink}.
     *
     * @return the duration, last sample time minus first (0 without samples)
     * @throws RecordingFormatException when a streamed file turns out malformed part-way; the samples before
     *                                  the bad line have been delivered
     */
    double replay(ImuSink sink);
}
