package app.colophon.library;

/** A value typed by the user that cannot be stored (too long, too many entries); the message says which and why. */
public class InvalidValueException extends ColophonException {
    public InvalidValueException(String message) {
        super(message);
    }
}
