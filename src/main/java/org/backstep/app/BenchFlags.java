package org.backstep.app;

/** The JVM flags of {@code deploy/backstep}, the unit's wrapper (its class archive aside): {@code bench} runs its children under them, and a test checks the wrapper carries them. */
public final class BenchFlags {
    public static final String UNIT = "-Xmx32m -Xmn4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
            + " -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=10000 -XX:GuaranteedSafepointInterval=0";

    private BenchFlags() {
    }
}
