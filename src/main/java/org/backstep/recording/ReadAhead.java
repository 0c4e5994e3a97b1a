package org.backstep.recording;

import java.util.concurrent.ArrayBlockingQueue;
import org.backstep.core.Axis;
import org.backstep.core.ImuSink;

/**
 * A {@link RecordingStream} read on a thread of its own while the caller's thread runs the sink: the
 * file is inflated and parsed into a ring of preallocated sample blocks, which the caller's thread hands
 * on sample by sample, in order. Reading ({@code gunzip} and the row parser) and the sink (the pipeline)
 * then take the time of the slower of the two, not their sum, where a second core is free ({@code
 * replay} is offline batch work; the Zero 2 W has four cores).
 *
 * <p>The same samples reach the sink, in the same order and with the same values, as from the stream
 * itself. Memory is bounded: at most {@code blocks} blocks of {@code blockSamples} samples are read
 * ahead, allocated once; nothing is allocated per sample. A malformed line is reported as the stream
 * reports it (its file and line), after every sample before it has reached the sink. The read-ahead
 * thread ends before {@link #replay} returns or throws, whatever happened: a sink that throws stops it
 * (by interrupting it) and then its exception propagates.
 */
public final class ReadAhead implements RecordingSource, AutoCloseable {
    /**
     * Samples a block holds: 57 KB of doubles, so that handing a block over (a lock, and at times waking
     * the other thread, some µs) costs a few ns a sample.
     */
    public static final int BLOCK_SAMPLES = 1024;
    /** Blocks in the ring: 229 KB read ahead at most, enough for either side to run on while the other waits. */
    public static final int BLOCKS = 4;
    private static final int FIELDS = 7;

    private final RecordingStream stream;
    private final int blockSamples;
    private final ArrayBlockingQueue<Block> free;
    private final ArrayBlockingQueue<Block> full;
    /** Samples in the blocks the read-ahead thread has handed over (for tests: the ring bounds it). */
    private volatile long read;
    private volatile Thread reader;

    /** One block of the ring: its samples, and after the last one, the end of the file or its error. */
    private static final class Block {
        final double[] data;
        int count;
        boolean last;
        double duration;
        Throwable error;

        Block(int samples) {
            data = new double[samples * FIELDS];
        }
    }

    /** Reads {@code stream} ahead in {@link #BLOCKS} blocks of {@link #BLOCK_SAMPLES} samples. */
    public ReadAhead(RecordingStream stream) {
        this(stream, BLOCKS, BLOCK_SAMPLES);
    }

    ReadAhead(RecordingStream stream, int blocks, int blockSamples) {
        if (blocks < 2 || blockSamples < 1) throw new IllegalArgumentException("blocks " + blocks + ", samples " + blockSamples);
        this.stream = stream;
        this.blockSamples = blockSamples;
        this.free = new ArrayBlockingQueue<>(blocks);
        this.full = new ArrayBlockingQueue<>(blocks);
        for (int i = 0; i < blocks; i++) free.add(new Block(blockSamples));
    }

    @Override
    public String name() {
        return stream.name();
    }

    @Override
    public double rateHz() {
        return stream.rateHz();
    }

    @Override
    public Axis forwardAxis() {
        return stream.forwardAxis();
    }

    /**
     * Streams the samples to {@code sink} on the calling thread while a thread of its own reads them;
     * replayed once, as the stream.
     */
    @Override
    public double replay(ImuSink sink) {
        if (reader != null) throw new IllegalStateException(stream.name() + ": a recording stream is replayed once");
        Thread t = new Thread(this::readAll, "backstep-read-ahead");
        t.setDaemon(true);
        reader = t;
        t.start();
        boolean done = false;
        try {
            double duration = handOn(sink);
            done = true;
            return duration;
        } finally {
            if (!done) t.interrupt();
            joinUninterruptibly(t);
        }
    }

    /** The caller's side: every block in turn to {@code sink}, then the end of the file or its error. */
    private double handOn(ImuSink sink) {
        while (true) {
            Block b = take(full);
            double[] d = b.data;
            int end = b.count * FIELDS;
            for (int k = 0; k < end; k += FIELDS) sink.sample(d[k], d[k + 1], d[k + 2], d[k + 3], d[k + 4], d[k + 5], d[k + 6]);
            if (b.last) {
                Throwable e = b.error;
                if (e == null) return b.duration;
                // thrown anew on this thread, with the reader's message (the file and the line) unchanged
                if (e instanceof RecordingFormatException) throw new RecordingFormatException(e.getMessage(), e);
                if (e instanceof Error err) throw err;
                throw new IllegalStateException(stream.name() + ": read-ahead failed: " + e, e);
            }
            b.count = 0;
            free.add(b);    // never full: there are only as many blocks as it holds
        }
    }

    /**
     * The read-ahead thread: the stream parsed straight into blocks ({@link RecordingStream#read}, no call
     * per sample); the last block carries the end or the error, after the samples before it.
     */
    private void readAll() {
        RecordingStream s = stream;
        int max = blockSamples;
        while (true) {
            Block b;
            try {
                b = free.take();
            } catch (InterruptedException e) {
                return;     // the caller's side stopped, and takes nothing more
            }
            int n = 0;
            try {
                for (int got; n < max && (got = s.read(b.data, n, max - n)) > 0; ) n += got;
                b.last = n < max;
                if (b.last) b.duration = s.duration();
            } catch (Throwable e) {
                if (Thread.currentThread().isInterrupted()) return;     // stopped while reading (an interrupted read fails)
                b.error = e;
                b.last = true;
            }
            b.count = n;
            read += n;      // one volatile write a block, not a sample
            full.add(b);    // never full: there are only as many blocks as it holds
            if (b.last) return;
        }
    }

    private static Block take(ArrayBlockingQueue<Block> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Samples read ahead so far (tests). */
    long samplesRead() {
        return read;
    }

    /** The read-ahead thread, once {@link #replay} started it (tests). */
    Thread reader() {
        return reader;
    }

    /** Closes the stream; the read-ahead thread has ended by then ({@link #replay} waits for it). */
    @Override
    public void close() {
        stream.close();
    }
}
