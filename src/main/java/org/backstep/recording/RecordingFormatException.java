package org.backstep.recording;

/** A recording file is malformed; the message names the file and line. */
public final class RecordingFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordingFormatException(String message) {
        super(message);
    }

    public RecordingFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
