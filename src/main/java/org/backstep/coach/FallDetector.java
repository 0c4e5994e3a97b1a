package org.backstep.coach;

import org.backstep.core.MinMax;
import org.backstep.core.StrictTrig;
import org.backstep.event.AlertKind;

/**
 * Falls, from physics rather than a single threshold: an impact (specific force above
 * {@link #IMPACT_G} g), then within {@link #CONFIRM_WITHIN_S} the trunk lies tilted more than
 * {@link #LYING_DEG} from upright and stays quiet for {@link #QUIET_S}. "Upright" is the upright
 * reference when one was taken, otherwise the slowly averaged orientation two seconds before the impact;
 * either must itself look upright (the forward axis not near vertical), so turning over in bed is
 * not a fall. The alert's {@code t} is the impact. The alarm then plays until the wearer is back
 * within {@link #UP_DEG} of upright and moving, or for {@code fall.alarm_s}.
 */
final class FallDetector {
    static final double IMPACT_G = 2.05;
    static final double CONFIRM_WITHIN_S = 8;
    static final double LYING_DEG = 60;
    static final double QUIET_S = 1.5;
    static final double UP_DEG = 35;
    static final double UP_MOVING_S = 1.0;

    private final double alarmS;
    private double impactT = Double.NEGATIVE_INFINITY;
    private final double[] preUp = new double[3];
    private boolean prePlausible;
    private boolean alarm;
    private double alarmStart;
    private double upSince = Double.NaN;

    FallDetector(CoachSettings s) {
        this.alarmS = s.fallAlarmS();
    }

    /**
     * @param aG         specific force magnitude in g
     * @param slowUp     slowly averaged up vector (sensor frame) before this sample
     * @param plausible  whether {@code slowUp} looks like an upright wearer
     * @param fromRef    the trunk's attitude when it has an upright reference (its tilt from it, degrees, read
     *                   only when a fall is judged), or null
     * @param tiltNow    the current up vector (for the pre-impact comparison)
     * @return true when the alarm was cleared at this sample
     */
    boolean sample(double t, double aG, double[] slowUp, boolean plausible, TrunkAttitude fromRef, double[] upNow,
                   double quietFor, boolean moving, AlertPolicy policy, CoachListener out) {
        if (alarm) {
            double tilt = fromRef == null ? angle(preUp, upNow) : fromRef.tiltDeg();
            if (tilt < UP_DEG && moving) {
                if (Double.isNaN(upSince)) upSince = t;
            } else {
                upSince = Double.NaN;
            }
            if ((!Double.isNaN(upSince) && t - upSince >= UP_MOVING_S) || t - alarmStart >= alarmS) {
                alarm = false;
                impactT = Double.NEGATIVE_INFINITY;
                out.alarmCleared(t);
                return true;
            }
            return false;
        }
        if (aG > IMPACT_G) {
            if (t - impactT > CONFIRM_WITHIN_S) {
                preUp[0] = slowUp[0];
                preUp[1] = slowUp[1];
                preUp[2] = slowUp[2];
                prePlausible = plausible;
            }
            impactT = t;
        }
        if (t - impactT <= CONFIRM_WITHIN_S && quietFor >= QUIET_S) {
            double tilt = fromRef == null ? (prePlausible ? angle(preUp, upNow) : 0) : fromRef.tiltDeg();
            if (tilt > LYING_DEG) {
                alarm = true;
                alarmStart = t;
                upSince = Double.NaN;
                policy.offer(AlertKind.FALL, impactT, t);
            }
        }
        return false;
    }

    /**
     * Whether {@link #sample} has anything to do: an alarm playing, an impact now, or one whose outcome is
     * still open. Otherwise it changes nothing, and the caller skips it (a call with ten arguments per sample).
     */
    boolean busy(double t, double aG) { return alarm || aG > IMPACT_G || t - impactT <= CONFIRM_WITHIN_S; }

    boolean alarmActive() { return alarm; }

    /** An impact happened recently and its outcome is not known yet. */
    boolean pending(double t) { return t - impactT <= CONFIRM_WITHIN_S; }

    double lastImpact() { return impactT; }

    static double angle(double[] a, double[] b) {
        double d = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        double na = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        double nb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        return Math.toDegrees(StrictTrig.acos(MinMax.atLeast(-1, MinMax.atMost(1, d / (na * nb)))));
    }
}
