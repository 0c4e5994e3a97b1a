package org.backstep.export;

/** An export or report was refused or failed; the message is one line meant for the user. */
public final class ExportException extends RuntimeException {
    public ExportException(String message) { super(message); }
    public ExportException(String message, Throwable cause) { super(message, cause); }
}
