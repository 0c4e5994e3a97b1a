package org.backstep.hw;

import java.util.ArrayList;
import java.util.List;

/** A fault listener for tests: what the loop told, as {@code "cause: detail"} and {@code "recovered cause"}, and each gap. */
final class ToldFaults implements SamplingLoop.FaultListener {
    final List<String> told = new ArrayList<>();
    final List<Long> gaps = new ArrayList<>();

    @Override
    public void sensorFault(String cause, String detail, long lastSampleNanos) {
        told.add(cause + ": " + detail);
    }

    @Override
    public void sensorRecovered(String cause, long gapNanos, long lostSamples) {
        told.add("recovered " + cause);
        gaps.add(gapNanos);
    }
}
