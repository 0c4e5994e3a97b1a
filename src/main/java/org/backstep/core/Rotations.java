package org.backstep.core;

/** 3 x 3 rotation matrices as {@code double[3][3]}, row-major; for set-up code, not per sample. */
public final class Rotations {
    private Rotations() {
    }

    public static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    /** Right-handed rotation by {@code radians} about axis {@code index} (0 x, 1 y, 2 z). */
    public static double[][] about(int index, double radians) {
        double c = Math.cos(radians), s = Math.sin(radians);
        return switch (index) {
            case 0 -> new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
            case 1 -> new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
            case 2 -> new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
            default -> throw new IllegalArgumentException("axis index must be 0, 1 or 2, got " + index);
        };
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) r[i][j] += a[i][k] * b[k][j];
            }
        }
        return r;
    }

    public static double[][] transpose(double[][] a) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) r[i][j] = a[j][i];
        }
        return r;
    }
}
