package org.backstep.gait;

import org.backstep.core.Axis;
import org.backstep.core.ImuSink;
import org.backstep.event.StepEvent;
import org.backstep.frame.BodyFrame;
import org.backstep.signal.Butterworth;
import org.backstep.signal.Cascade;

/**
 * Learns which way the wearer faces from a short forward walk. The body brakes after every
 * contact, so along the direction of travel the horizontal acceleration runs against the vertical
 * velocity (the same inverted-pendulum physics the gait engine uses for direction). The mean of
 * horizontal acceleration times vertical velocity therefore points backwards; the lateral part
 * averages out because sway alternates with each stride while vertical velocity repeats every step.
 * Only samples inside confirmed walking count. The wearer must walk forward: walking backward would
 * learn the opposite front.
 */
public final class MountingCalibrator implements ImuSink {
    /** Least |correlation| for a usable estimate. */
    public static final double MIN_QUALITY = 0.25;

    private final BodyFrame frame;
    private final Cascade hx, hy, hz, vBand, vHigh;
    private final double leak, dt;
    private final GaitEngine gait;
    private boolean walking;
    private int steps;
    private double vi;
    private double sx, sy, sz, sHH, sVV;

    public MountingCalibrator(double rateHz) {
        frame = new BodyFrame(Axis.PLUS_X.unitVector(), rateHz);
        hx = Butterworth.bandPass(2, 0.5, 3.0, rateHz);
        hy = Butterworth.bandPass(2, 0.5, 3.0, rateHz);
        hz = Butterworth.bandPass(2, 0.5, 3.0, rateHz);
        vBand = Butterworth.bandPass(2, 0.5, 3.0, rateHz);
        vHigh = Butterworth.highPass(1, 0.3, rateHz);
        leak = Math.exp(-1 / (0.5 * rateHz));
        dt = 1 / rateHz;
        // Steps are found whatever the mounting: the rhythm path of bout confirmation needs no front.
        gait = new GaitEngine(GaitSettings.builder(rateHz).forwardAxis(Axis.PLUS_X).build(), frame, new GaitListener() {
            @Override
            public void step(StepEvent step) {
                steps++;
            }

            @Override
            public void walking(boolean w, double t) {
                walking = w;
            }
        });
    }

    @Override
    public void sample(double t, double ax, double ay, double az, double gx, double gy, double gz) {
        frame.update(t, ax, ay, az, gx, gy, gz);
        gait.sample(t, ax, ay, az, gx, gy, gz);
        double ux = frame.strideUx(), uy = frame.strideUy(), uz = frame.strideUz();
        // horizontal acceleration: specific force less its part along up (gravity is all along up)
        double av = ax * ux + ay * uy + az * uz;
        double bx = hx.filter(ax - av * ux), by = hy.filter(ay - av * uy), bz = hz.filter(az - av * uz);
        vi = leak * vi + vBand.filter(frame.strideVertical()) * dt;
        double vv = vHigh.filter(vi);
        if (!walking) return;
        sx += bx * vv;
        sy += by * vv;
        sz += bz * vv;
        sHH += bx * bx + by * by + bz * bz;
        sVV += vv * vv;
    }

    /** Steps seen so far (inside confirmed walking or not). */
    public int steps() {
        return steps;
    }

    /** The learned mounting, or {@code null} when the walk was too short or too ambiguous. */
    public Mounting result() {
        double m = Math.sqrt(sx * sx + sy * sy + sz * sz);
        if (m == 0 || sHH == 0 || sVV == 0) return null;
        double quality = m / Math.sqrt(sHH * sVV);
        if (quality < MIN_QUALITY) return null;
        return new Mounting(new double[] {-sx / m, -sy / m, -sz / m}, quality, steps);
    }
}
