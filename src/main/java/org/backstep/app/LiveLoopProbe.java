package org.backstep.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a running service costs, seen from outside its JVM (Linux {@code /proc}): the CPU time and the
 * wake-ups of each of its threads between two snapshots. A thread's CPU time is the first field of
 * {@code /proc/PID/task/TID/schedstat} (nanoseconds on the CPU); its wake-ups are its voluntary context
 * switches (each is a sleep or a wait that a wake-up ends). Threads are grouped by name: the same
 * name in several threads (two compiler threads) sums.
 */
final class LiveLoopProbe {
    /** One thread group's CPU time, ns, and voluntary context switches. */
    record Use(long cpuNanos, long wakeUps) {
        Use plus(Use o) {
            return new Use(cpuNanos + o.cpuNanos, wakeUps + o.wakeUps);
        }

        Use minus(Use o) {
            return new Use(cpuNanos - o.cpuNanos, wakeUps - o.wakeUps);
        }
    }

    private LiveLoopProbe() {
    }

    /** Every thread of process {@code pid} now, by name; empty when there is no {@code /proc} (not Linux) or it is gone. */
    static Map<String, Use> snapshot(long pid) {
        Map<String, Use> byName = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    long cpu = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]);
                    long wakeUps = 0;
                    for (String l : Files.readAllLines(task.resolve("status"))) {
                        if (l.startsWith("voluntary_ctxt_switches:")) wakeUps = Long.parseLong(l.replaceAll("\\D", ""));
                    }
                    byName.merge(name, new Use(cpu, wakeUps), Use::plus);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read: it no longer costs anything
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byName;
    }

    /** What each thread group used from {@code before} to {@code after} (a group that ended in between counts from zero). */
    static Map<String, Use> between(Map<String, Use> before, Map<String, Use> after) {
        Map<String, Use> d = new TreeMap<>();
        for (Map.Entry<String, Use> e : after.entrySet()) {
            d.put(e.getKey(), e.getValue().minus(before.getOrDefault(e.getKey(), new Use(0, 0))));
        }
        return d;
    }
}
