package org.backstep.gait;

import org.backstep.event.Direction;
import org.backstep.event.StepEvent;

/**
 * Turns candidate contacts into steps. A bout is confirmed once {@code confirmSteps} candidates
 * follow each other at a regular, walking-like interval; its held candidates are then credited with
 * their own contact times. A gap longer than the bout's rhythm allows ends it.
 */
final class BoutTracker {
    private static final int MAX_HELD = 16;

    private final GaitSettings s;
    private final GaitListener listener;
    private final double[] heldT = new double[MAX_HELD];
    private final double[] heldCorr = new double[MAX_HELD];
    private int held;
    private boolean confirmed;
    private double lastContact = Double.NaN;
    private double interval = Double.NaN;  // running step interval
    private double evidence;               // > 0 backward, < 0 forward
    private long forward, backward;

    BoutTracker(GaitSettings settings, GaitListener listener) {
        this.s = settings;
        this.listener = listener;
    }

    void peak(double contact, double amplitude, double corr, double now) {
        if (!Double.isNaN(lastContact)) {
            double gap = contact - lastContact;
            boolean regular = gap >= s.minStepIntervalS() && gap <= s.maxStepIntervalS()
                    && (Double.isNaN(interval) || (gap < interval * 1.8 && gap > interval * 0.45));
            if (!regular) {
                end(now);
            } else {
                interval = Double.isNaN(interval) ? gap : interval + 0.3 * (gap - interval);
            }
        }
        lastContact = contact;
        // the correlation window ended at this peak: it belongs to the previous cycle
        evidence = evidence * s.evidenceForgetting() + corr;
        if (confirmed) {
            emit(contact, now);
            return;
        }
        if (held == MAX_HELD) shiftHeld();
        heldT[held] = contact;
        heldCorr[held] = corr;
        held++;
        if (held >= s.confirmSteps()) {
            confirmed = true;
            listener.walking(true, heldT[0]);
            for (int i = 0; i < held; i++) emit(heldT[i], now);
            held = 0;
        }
    }

    void tick(double now) {
        if (!Double.isNaN(lastContact)) {
            double limit = Double.isNaN(interval) ? s.maxStepIntervalS() : Math.min(s.maxStepIntervalS(), interval * 2.2);
            if (now - lastContact > limit + GaitEngine.CONTACT_LAG_S + 0.3) end(now);
        }
    }

    private void emit(double contact, double now) {
        Direction d = evidence > 0 ? Direction.BACKWARD : Direction.FORWARD;
        if (d == Direction.FORWARD) forward++;
        else backward++;
        listener.step(new StepEvent(contact, Math.max(now, contact), d));
    }

    private void end(double now) {
        if (confirmed) listener.walking(false, lastContact);
        confirmed = false;
        held = 0;
        interval = Double.NaN;
        evidence = 0;
        lastContact = Double.NaN;
    }

    void finish(double now) {
        end(now);
    }

    private void shiftHeld() {
        System.arraycopy(heldT, 1, heldT, 0, MAX_HELD - 1);
        System.arraycopy(heldCorr, 1, heldCorr, 0, MAX_HELD - 1);
        held--;
    }

    long count(Direction d) {
        return d == Direction.FORWARD ? forward : backward;
    }

    void reset() {
        end(0);
        forward = backward = 0;
    }
}
