package app.colophon.library;

/** A library root is missing, unreadable or looks unmounted: the scan stopped before changing anything. */
public class LibraryUnavailableException extends ColophonException {
    public LibraryUnavailableException(String message) {
        super(message);
    }
}
