package app.colophon.library;

/** A failure the user should be told about in one short sentence (the message). */
public class ColophonException extends RuntimeException {
    public ColophonException(String message) {
        super(message);
    }

    public ColophonException(String message, Throwable cause) {
        super(message, cause);
    }
}
