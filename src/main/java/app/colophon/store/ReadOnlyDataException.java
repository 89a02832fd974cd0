package app.colophon.store;

import java.nio.file.Path;

/**
 * The data folder (or its database) cannot be written: the library can be read, not changed. Raised before a write
 * begins, so nothing is half done.
 */
public final class ReadOnlyDataException extends StoreException {
    ReadOnlyDataException(Path folder, String consequence) {
        super("The data folder " + folder + " is read-only; " + consequence, null);
    }
}
