package app.colophon.store;

/** A failure of the database itself (I/O, corruption, a bug in a query); callers above the store see only this. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
