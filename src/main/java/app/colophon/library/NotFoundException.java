package app.colophon.library;

/** The book or file id is not in the database (it may have been removed by a scan meanwhile). */
public class NotFoundException extends ColophonException {
    public NotFoundException(String message) {
        super(message);
    }
}
