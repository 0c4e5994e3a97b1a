package org.backstep.signal;

/** A fixed-length history of the last {@code capacity} samples; index 0 is the newest. */
public final class DelayLine {
    private final double[] buf;
    private int head = -1;
    private long count;

    public DelayLine(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        buf = new double[capacity];
    }

    public void push(double x) {
        head = head + 1 == buf.length ? 0 : head + 1;
        buf[head] = x;
        count++;
    }

    /** The sample pushed {@code age} pushes ago (0 = newest). */
    public double get(int age) {
        if (age < 0 || age >= buf.length || age >= count) {
            throw new IndexOutOfBoundsException("age " + age + " outside history of " + Math.min(count, buf.length));
        }
        int i = head - age;
        return buf[i < 0 ? i + buf.length : i];
    }

    public int capacity() {
        return buf.length;
    }

    /** How many samples are available (at most the capacity). */
    public int size() {
        return (int) Math.min(count, buf.length);
    }

    public void clear() {
        head = -1;
        count = 0;
    }
}
