package org.backstep.app;

import java.util.Locale;
import org.backstep.event.AlertEvent;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;

/** The JSON Lines form of events, as documented in the README's replay contract. */
public final class EventJson {
    private EventJson() {
    }

    public static String line(Event e) {
        if (e instanceof StepEvent s) {
            return String.format(Locale.ROOT, "{\"type\":\"step\",\"t\":%.3f,\"at\":%.3f,\"direction\":\"%s\"}",
                    s.t(), s.at(), s.direction().json());
        }
        if (e instanceof StepRevision r) {
            return String.format(Locale.ROOT,
                    "{\"type\":\"revision\",\"from\":%.3f,\"to\":%.3f,\"at\":%.3f,\"steps\":%d,\"direction\":\"%s\"}",
                    r.from(), r.to(), r.at(), r.steps(), r.direction().json());
        }
        if (e instanceof AlertEvent a) {
            return String.format(Locale.ROOT, "{\"type\":\"alert\",\"t\":%.3f,\"at\":%.3f,\"kind\":\"%s\"}",
                    a.t(), a.at(), a.kind().json());
        }
        if (e instanceof GoalEvent g) {
            return String.format(Locale.ROOT, "{\"type\":\"goal\",\"at\":%.3f,\"kind\":\"%s\",\"backward_steps\":%d}",
                    g.at(), g.kind().json(), g.backwardSteps());
        }
        PostureEvent p = (PostureEvent) e;
        return String.format(Locale.ROOT, "{\"type\":\"posture\",\"t\":%.3f,\"pitch_deg\":%.2f,\"roll_deg\":%.2f}",
                p.t(), p.pitchDeg(), p.rollDeg());
    }

    public static String summary(long forward, long backward, double durationS) {
        return String.format(Locale.ROOT, "{\"type\":\"summary\",\"steps_forward\":%d,\"steps_backward\":%d,\"duration_s\":%.3f}",
                forward, backward, durationS);
    }
}
