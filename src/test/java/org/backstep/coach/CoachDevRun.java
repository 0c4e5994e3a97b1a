package org.backstep.coach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backstep.eval.CoachScore;
import org.backstep.eval.Dataset;
import org.backstep.event.AlertEvent;
import org.backstep.event.PostureEvent;
import org.backstep.event.StepEvent;
import org.backstep.gait.GaitEngine;
import org.backstep.gait.GaitListener;
import org.backstep.gait.GaitSettings;
import org.backstep.recording.Recording;
import org.backstep.recording.RecordingReader;

/**
 * Dev run over ../shared/data (not a test): steps and walking bouts come from the gait engine
 * (or, with {@code -Dcoach.truth=true}, from the truth files, reported 0.3 s after contact).
 * Usage: java -cp ... org.backstep.coach.CoachDevRun [data-dir] [name-filter] [-v]
 */
public final class CoachDevRun {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        String filter = args.length > 1 ? args[1] : "";
        boolean verbose = args.length > 2 && args[2].equals("-v");
        boolean truth = Boolean.getBoolean("coach.truth");
        Dataset ds = Dataset.open(root);
        CoachScore score = new CoachScore();
        for (Dataset.Entry e : ds.entries()) {
            if (!e.recording().contains(filter)) continue;
            Recording r = RecordingReader.read(ds.recordingFile(e));
            List<AlertEvent> alerts = new ArrayList<>();
            List<PostureEvent> trace = new ArrayList<>();
            CoachListener l = new CoachListener() {
                @Override
                public void alert(AlertEvent a) {
                    alerts.add(a);
                }

                @Override
                public void posture(PostureEvent p) {
                    trace.add(p);
                }

                @Override
                public void uprightReferenceTaken(double t) {
                    if (verbose) System.out.printf("  upright ref at %.2f%n", t);
                }

                @Override
                public void alarmCleared(double t) {
                    if (verbose) System.out.printf("  alarm cleared at %.2f%n", t);
                }
            };
            // -Dcoach.noaxis=true: the coach is not told the mounting (the gait engine still is)
            Coach c = new Coach(CoachSettings.builder().postureTrace(true).build(),
                    Boolean.getBoolean("coach.noaxis") ? null : r.forwardAxis(), r.rateHz(), l);
            if (!truth) {
                // the lead's gait engine drives steps and bouts, as in the live loop
                GaitEngine gait = new GaitEngine(GaitSettings.builder(r.rateHz()).forwardAxis(r.forwardAxis()).build(),
                        new GaitListener() {
                            @Override
                            public void step(StepEvent s) {
                                c.onStep(s);
                            }

                            @Override
                            public void walking(boolean w, double t) {
                                c.onWalking(w, t);
                            }
                        });
                for (int i = 0; i < r.size(); i++) {
                    double t = r.t()[i];
                    gait.sample(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i]);
                    c.sample(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i]);
                }
            } else {
            List<Dataset.TrueStep> steps = new ArrayList<>();
            for (Dataset.TrueStep s : ds.steps(e)) if (!Double.isNaN(s.t())) steps.add(s);
            int si = 0;
            boolean walking = false;
            double lastStep = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < r.size(); i++) {
                double t = r.t()[i];
                while (si < steps.size() && steps.get(si).t() + 0.3 <= t) {
                    Dataset.TrueStep s = steps.get(si++);
                    if (!walking) {
                        walking = true;
                        c.onWalking(true, t);
                    }
                    lastStep = s.t();
                    c.onStep(new StepEvent(s.t(), t, s.direction()));
                }
                if (walking && t - lastStep > 2.5) {
                    walking = false;
                    c.onWalking(false, t);
                }
                c.sample(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i]);
            }
            }
            score.add(e, alerts, trace, ds);
            if (verbose || !alerts.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (AlertEvent a : alerts) sb.append(String.format(" %s@%.1f/%.1f", a.kind().json(), a.t(), a.at()));
                System.out.printf("%-44s %-8s%s%n", e.recording(), e.activity(), sb);
            }
            if (verbose) {
                StringBuilder sb = new StringBuilder("  pitch/1s:");
                for (int i = 0; i < trace.size(); i += 10) sb.append(String.format(" %.0f", trace.get(i).pitchDeg()));
                System.out.println(sb);
            }
            if (verbose && !ds.xsensOrientation(e).isEmpty()) {
                List<PostureEvent> flipped = new ArrayList<>();
                List<PostureEvent> roll = new ArrayList<>();
                for (PostureEvent p : trace) {
                    flipped.add(new PostureEvent(p.t(), -p.pitchDeg(), p.rollDeg()));
                    roll.add(new PostureEvent(p.t(), p.rollDeg(), p.pitchDeg()));
                }
                System.out.printf("  pitch rms %.2f (sign flipped %.2f, our roll instead %.2f)%n",
                        CoachScore.pitchRms(ds.xsensOrientation(e), trace),
                        CoachScore.pitchRms(ds.xsensOrientation(e), flipped),
                        CoachScore.pitchRms(ds.xsensOrientation(e), roll));
            }
        }
        System.out.print(score.table());
    }
}
