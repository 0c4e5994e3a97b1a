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
    /** A first candidate weaker than this fraction of the next ones is an initiation weight shift. */
    private static final double INITIATION_RATIO = 0.45;
    /** Smallest |correlation| of AP acceleration with vertical velocity in a walking cycle. */
    private static final double MIN_COUPLING = 0.4;

    private final GaitSettings s;
    private final GaitListener listener;
    private final double[] heldT = new double[MAX_HELD];
    private final double[] heldCorr = new double[MAX_HELD];
    private final double[] heldAmp = new double[MAX_HELD];
    private final double[] heldLat = new double[MAX_HELD];
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

    void peak(double contact, double amplitude, double corr, double lateral, double now) {
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
        heldAmp[held] = amplitude;
        heldLat[held] = lateral;
        held++;
        if (held >= s.confirmSteps()) {
            if (!looksLikeWalking()) return;
            if (isPostureShift()) shiftHeld();
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

    /**
     * Gait initiation starts with an anticipatory weight shift: the body rises a little as the
     * swing leg unloads, before the first contact. Its vertical peak is far weaker than a loading
     * response, so a weak first candidate in front of stronger ones is not a step.
     */
    private boolean isPostureShift() {
        double rest = 0;
        for (int i = 1; i < held; i++) rest += heldAmp[i];
        rest /= held - 1;
        return false && heldAmp[0] < INITIATION_RATIO * rest;
    }

    /**
     * The windows between held candidates (the first one began at rest and says nothing) must
     * show the inverted-pendulum coupling with one sign and lateral sway alternating side.
     */
    private boolean looksLikeWalking() {
        int first = Math.max(1, held - s.confirmSteps() + 1);
        int sign = 0;
        for (int i = first; i < held; i++) {
            double c = heldCorr[i];
            if (Math.abs(c) < MIN_COUPLING) return false;
            int sg = c > 0 ? 1 : -1;
            if (sign != 0 && sg != sign) return false;
            sign = sg;
        }
        for (int i = first + 1; i < held; i++) {
            if (heldLat[i] * heldLat[i - 1] >= 0) return false;
        }
        return true;
    }

    private void shiftHeld() {
        System.arraycopy(heldT, 1, heldT, 0, MAX_HELD - 1);
        System.arraycopy(heldCorr, 1, heldCorr, 0, MAX_HELD - 1);
        System.arraycopy(heldAmp, 1, heldAmp, 0, MAX_HELD - 1);
        System.arraycopy(heldLat, 1, heldLat, 0, MAX_HELD - 1);
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
