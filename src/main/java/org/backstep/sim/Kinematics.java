package org.backstep.sim;

import java.util.Random;

/**
 * Renders the compiled segments on a fine internal timeline (an integer multiple of the output
 * rate, at least 1 kHz) and turns the pelvis pose into sensor readings: world acceleration by
 * central second differences of position, angular rate from the ZYX Euler rates, specific force
 * {@code f = R^T (a + g z)}, then the mounting rotation and the sensor model.
 */
final class Kinematics {
    static final double G = 9.81;

    private Kinematics() {
    }

    static Simulation sample(Scenario sc, ScenarioCompiler.Result compiled) {
        Sampler sampler = new Sampler(sc, compiled);
        int samples = sampler.samples;
        Timeline tl = new Timeline(sampler.fsInt, sampler.internalSamples(), Scenario.PELVIS_HEIGHT);
        Truth.Collector truth = new Truth.Collector();
        for (Segment s : compiled.segments()) s.render(tl, truth);

        double[] t = new double[samples];
        double[][] v = new double[6][samples];
        double[] pitchDeg = new double[samples];
        double[] out = new double[8];
        for (int j = 0; j < samples; j++) {
            sampler.sample(tl, j, out);
            t[j] = out[0];
            for (int a = 0; a < 6; a++) v[a][j] = out[1 + a];
            pitchDeg[j] = out[7];
        }
        return new Simulation(sc, t, v, pitchDeg, truth.build());
    }

    /**
     * Turns the pose on the internal timeline into the sensor's samples, one output sample at a
     * time and in order (the sensor noise is one seeded sequence): for the whole walk at once
     * ({@link #sample}) and for a walk streamed a segment at a time ({@link SimulationStream}), with the
     * same arithmetic.
     */
    static final class Sampler {
        final double rate;
        /** Internal samples per output sample. */
        final int k;
        final double fsInt;
        final int samples;
        private final Mounting mount;
        private final SensorModel sm;
        private final Random noise;
        private final double[] bias;
        private final double[] s = new double[3];

        Sampler(Scenario sc, ScenarioCompiler.Result compiled) {
            rate = sc.rateHz();
            k = (int) Math.ceil(1000 / rate - 1e-9);
            fsInt = rate * k;
            samples = (int) Math.floor(compiled.end() * rate + 1e-9) + 1;
            mount = sc.mounting();
            sm = sc.sensor();
            noise = new Random(sc.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
            bias = new double[] {sm.gyroBias() * noise.nextGaussian(), sm.gyroBias() * noise.nextGaussian(), sm.gyroBias() * noise.nextGaussian()};
        }

        /** Length of the whole walk's internal timeline. */
        int internalSamples() {
            return Timeline.PAD + (samples - 1) * k + Timeline.PAD + 1;
        }

        /** The absolute internal index of output sample {@code j}; it reads one index either side. */
        int internalIndex(int j) {
            return Timeline.PAD + j * k;
        }

        /** Output sample {@code j} (the next in order) into {@code out}: t, ax, ay, az, gx, gy, gz, true pitch in degrees. */
        void sample(Timeline tl, int j, double[] out) {
            double dt = tl.dt;
            double[][] ch = tl.ch;
            int i = internalIndex(j) - tl.base;
            out[0] = j / rate;
            double axw = (ch[Timeline.X][i + 1] - 2 * ch[Timeline.X][i] + ch[Timeline.X][i - 1]) / (dt * dt);
            double ayw = (ch[Timeline.Y][i + 1] - 2 * ch[Timeline.Y][i] + ch[Timeline.Y][i - 1]) / (dt * dt);
            double azw = (ch[Timeline.Z][i + 1] - 2 * ch[Timeline.Z][i] + ch[Timeline.Z][i - 1]) / (dt * dt) + G;
            double psi = ch[Timeline.YAW][i];
            double th = ch[Timeline.PITCH][i];
            double ph = ch[Timeline.ROLL][i];
            double dpsi = (ch[Timeline.YAW][i + 1] - ch[Timeline.YAW][i - 1]) / (2 * dt);
            double dth = (ch[Timeline.PITCH][i + 1] - ch[Timeline.PITCH][i - 1]) / (2 * dt);
            double dph = (ch[Timeline.ROLL][i + 1] - ch[Timeline.ROLL][i - 1]) / (2 * dt);
            double cps = Math.cos(psi);
            double sps = Math.sin(psi);
            double cth = Math.cos(th);
            double sth = Math.sin(th);
            double cph = Math.cos(ph);
            double sph = Math.sin(ph);
            // f_body = Rx^T Ry^T Rz^T (a + g)
            double x1 = cps * axw + sps * ayw;
            double y1 = -sps * axw + cps * ayw;
            double z1 = azw;
            double x2 = cth * x1 - sth * z1;
            double z2 = sth * x1 + cth * z1;
            double fx = x2;
            double fy = cph * y1 + sph * z2;
            double fz = -sph * y1 + cph * z2;
            // body angular rate for R = Rz(psi) Ry(theta) Rx(phi)
            double wx = dph - dpsi * sth;
            double wy = dth * cph + dpsi * sph * cth;
            double wz = -dth * sph + dpsi * cph * cth;
            mount.toSensor(fx, fy, fz, s);
            for (int a = 0; a < 3; a++) out[1 + a] = s[a] + sm.accelNoise() * noise.nextGaussian();
            mount.toSensor(wx, wy, wz, s);
            for (int a = 0; a < 3; a++) out[4 + a] = s[a] + bias[a] + sm.gyroNoise() * noise.nextGaussian();
            if (sm.accelRangeG() > 0) {
                for (int a = 0; a < 3; a++) out[1 + a] = quantize(out[1 + a], sm.accelRangeG() * G);
            }
            if (sm.gyroRangeDps() > 0) {
                for (int a = 0; a < 3; a++) out[4 + a] = quantize(out[4 + a], Math.toRadians(sm.gyroRangeDps()));
            }
            out[7] = Math.toDegrees(th);
        }
    }

    /** 16-bit two's complement reading of {@code x} at full scale {@code range}, back in SI units. */
    static double quantize(double x, double range) {
        double lsb = range / 32768;
        long code = Math.round(x / lsb);
        code = Math.max(-32768, Math.min(32767, code));
        return code * lsb;
    }
}
