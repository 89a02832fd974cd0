package app.colophon.store;

import java.nio.file.Path;

/** The disk holding the database is full: the write was rolled back, the database is as it was before it. */
public final class DiskFullException extends StoreException {
    DiskFullException(Path database, Throwable cause) {
        super("Disk full while writing the library database (" + database + "); free some space and try again", cause);
    }
}
