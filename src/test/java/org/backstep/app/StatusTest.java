package org.backstep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;
import org.backstep.hw.buzzer.Patterns;
import org.backstep.store.FakeTime;
import org.backstep.store.Journal;
import org.backstep.store.Store;
import org.backstep.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 11 item 12: a full disk reaches the wearer once per episode, and {@code status} shows it to the owner. */
class StatusTest {
    @TempDir
    Path state;

    @TempDir
    Path configDir;
    private Path config;

    private final List<String> played = new ArrayList<>();
    private final PatternSink sink = new PlayedPatterns(played);

    private String status(FakeTime t, long freeBytes) {
        StringWriter out = new StringWriter();
        int rc = new CommandLine(new StatusCommand(new PrintWriter(out), s -> t, d -> freeBytes))
                .execute("--state-dir", state.toString(), "--config", config.toString());
        assertEquals(0, rc, out.toString());
        return out.toString();
    }

    @Test
    void aFullDiskIsHeardOncePerEpisodeAndStatusShowsCountsSampleFaultsAndSpace() throws Exception {
        config = java.nio.file.Files.writeString(configDir.resolve("backstep.properties"),
                "goal.target_backward_steps = 5\ngoal.limit_backward_steps = 8\n");
        FakeTime t = FakeTime.at("2026-11-24T10:00:00Z");
        AtomicBoolean full = new AtomicBoolean();
        Journal.WriteHook enospc = (p, n) -> {
            if (full.get()) throw new IOException("No space left on device");
        };
        StoreSettings settings = StoreSettings.builder().goals(5, 8).build();
        FaultEpisode storage = new FaultEpisode("storage", Patterns.STORAGE_FAULT, sink);
        try (Store st = Store.open(state, settings, t, Store.Mode.THREAD, enospc, p -> Long.MAX_VALUE / 4)) {
            st.sessionStarted("walk");
            for (int i = 0; i < 6; i++) st.accept(new StepEvent(0, 0, Direction.BACKWARD), t.advance(500).mono);
            st.sampled(); // what Device does once a second while samples flow
            st.heartbeat(); // and once a minute
            st.flush();
            t.advance(2_500);
            String s = status(t, 5_000L << 20);
            assertTrue(s.contains("service: running, pid " + ProcessHandle.current().pid()), s);
            assertTrue(s.contains("today 2026-11-24: 6 backward, 0 forward steps; target 5 reached, limit 8 not yet"), s);
            assertTrue(s.contains("last sample: 2.5 s ago"), s);
            assertTrue(s.contains("faults: none"), s);
            assertTrue(s.contains("free space: 5000 MB in " + state), s);

            full.set(true); // the card fills up
            for (int episode = 0; episode < 2; episode++) {
                for (int second = 0; second < 5; second++) { // the device checks once a second
                    st.accept(new StepEvent(0, 0, Direction.FORWARD), t.advance(1_000).mono);
                    st.flush();
                    storage.update(st.statusMessage());
                }
                if (episode == 0) {
                    s = status(t, 0);
                    assertTrue(s.contains("faults: storage: disk full: the journal cannot be written"), s);
                }
                full.set(false); // space was freed
                st.flush();
                storage.update(st.statusMessage());
                full.set(episode == 0);
            }
            assertEquals(List.of("storage_fault", "storage_fault"), played, "once per episode, two episodes");
            assertTrue(status(t, 5_000L << 20).contains("faults: none"));
        }
        String s = status(t, 10L << 20);
        assertTrue(s.contains("service: not running"), s);
        assertTrue(s.contains("last sample: unknown"), s);
        assertTrue(s.contains("6 backward, 10 forward steps"), s);
        assertTrue(s.contains("faults: storage: less than 200 MB free"), s);
    }
}
