package org.backstep.app;

import java.util.Locale;
import org.backstep.event.AlertEvent;
import org.backstep.event.Event;
import org.backstep.event.GoalEvent;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.event.StepRevision;

/**
 * The JSON Lines form of events, as documented in the README's replay contract. A number that is not
 * finite (JSON has no NaN or infinity) is written as {@code null}.
 */
public final class EventJson {
    private EventJson() {
    }

    public static String line(Event e) {
        if (e instanceof StepEvent s) {
            return String.format(Locale.ROOT, "{\"type\":\"step\",\"t\":%s,\"at\":%s,\"direction\":\"%s\"}",
                    ms(s.t()), ms(s.at()), s.direction().json());
        }
        if (e instanceof StepRevision r) {
            return String.format(Locale.ROOT,
                    "{\"type\":\"revision\",\"from\":%s,\"to\":%s,\"at\":%s,\"steps\":%d,\"direction\":\"%s\"}",
                    ms(r.from()), ms(r.to()), ms(r.at()), r.steps(), r.direction().json());
        }
        if (e instanceof AlertEvent a) {
            return String.format(Locale.ROOT, "{\"type\":\"alert\",\"t\":%s,\"at\":%s,\"kind\":\"%s\"}",
                    ms(a.t()), ms(a.at()), a.kind().json());
        }
        if (e instanceof GoalEvent g) {
            return String.format(Locale.ROOT, "{\"type\":\"goal\",\"at\":%s,\"kind\":\"%s\",\"backward_steps\":%d}",
                    ms(g.at()), g.kind().json(), g.backwardSteps());
        }
        PostureEvent p = (PostureEvent) e;
        return String.format(Locale.ROOT, "{\"type\":\"posture\",\"t\":%s,\"pitch_deg\":%s,\"roll_deg\":%s}",
                ms(p.t()), number(p.pitchDeg(), "%.2f"), number(p.rollDeg(), "%.2f"));
    }

    public static String summary(long forward, long backward, double durationS) {
        return String.format(Locale.ROOT, "{\"type\":\"summary\",\"steps_forward\":%d,\"steps_backward\":%d,\"duration_s\":%s}",
                forward, backward, ms(durationS));
    }

    /** Seconds to the millisecond. */
    private static String ms(double seconds) {
        return number(seconds, "%.3f");
    }

    /** {@code v} in {@code format}, or {@code null} when it is not finite. */
    static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "null";
    }
}
