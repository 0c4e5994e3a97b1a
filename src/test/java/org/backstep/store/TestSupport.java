package org.backstep.store;

import org.backstep.event.AlertEvent;
import org.backstep.event.AlertKind;
import org.backstep.event.Direction;
import org.backstep.event.StepEvent;

import java.io.IOException;
import java.nio.file.Path;

final class TestSupport {
    private TestSupport() { }

    static Store manual(Path dir, StoreSettings s, FakeTime t) throws IOException {
        return Store.open(dir, s, t, Store.Mode.MANUAL, Journal.WriteHook.NONE, p -> Long.MAX_VALUE / 4);
    }

    static void steps(Store st, FakeTime t, int n, Direction d) {
        for (int i = 0; i < n; i++) {
            t.advance(500);
            st.accept(new StepEvent(0, 0, d), t.mono);
        }
    }

    static void alert(Store st, FakeTime t, AlertKind k) {
        st.accept(new AlertEvent(0, 0, k), t.mono);
    }
}
