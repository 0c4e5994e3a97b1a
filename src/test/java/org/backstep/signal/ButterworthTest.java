package org.backstep.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Compares against scipy's butter/sosfilt output produced by src/test/resources/golden/generate.py. */
class ButterworthTest {

    @ParameterizedTest
    @CsvSource({
        "lp2_3hz_100, 2, 3.0, false, 100",
        "lp4_20hz_200, 4, 20.0, false, 200",
        "lp3_5hz_50, 3, 5.0, false, 50",
        "hp2_0.5hz_100, 2, 0.5, true, 100",
        "hp1_0.3hz_400, 1, 0.3, true, 400",
        "hp5_1hz_100, 5, 1.0, true, 100",
    })
    void matchesScipyGolden(String name, int order, double fc, boolean high, double fs) throws IOException {
        Cascade f = high ? Butterworth.highPass(order, fc, fs) : Butterworth.lowPass(order, fc, fs);
        List<double[]> rows = load(name + ".csv");
        double maxErr = 0;
        for (double[] r : rows) maxErr = Math.max(maxErr, Math.abs(f.filter(r[0]) - r[1]));
        assertEquals(0, maxErr, 1e-9, name + " max error");
        f.reset();
        assertEquals(rows.get(0)[1], f.filter(rows.get(0)[0]), 1e-12, "reset returns to the initial state");
    }

    @Test
    void resetToRemovesTheStartupTransientOfALowPass() {
        Cascade f = Butterworth.lowPass(4, 2, 100);
        f.resetTo(9.81);
        for (int i = 0; i < 200; i++) assertEquals(9.81, f.filter(9.81), 1e-9);
    }

    @Test
    void highPassRejectsDcAndBandPassPassesItsCentre() {
        Cascade hp = Butterworth.highPass(2, 0.5, 100);
        hp.resetTo(5);
        assertEquals(0, hp.filter(5), 1e-12);
        Cascade bp = Butterworth.bandPass(2, 0.5, 4, 100);
        double peak = 0;
        for (int i = 0; i < 2000; i++) {
            double y = bp.filter(Math.sin(2 * Math.PI * 1.5 * i / 100));
            if (i > 1000) peak = Math.max(peak, Math.abs(y));
        }
        assertEquals(1, peak, 0.05, "gain at 1.5 Hz inside a 0.5-4 Hz band");
    }

    @Test
    void rejectsImpossibleDesigns() {
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(2, 60, 100));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 5, 100));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(2, 4, 1, 100));
    }

    private static List<double[]> load(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = ButterworthTest.class.getResourceAsStream("/golden/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("x,")) continue;
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return rows;
    }
}
