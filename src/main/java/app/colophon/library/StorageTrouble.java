package app.colophon.library;

import app.colophon.store.DiskFullException;
import app.colophon.store.ReadOnlyDataException;

/**
 * The machine's own trouble with the data folder, for the command line's exit codes and the API's statuses, which
 * do not see the store: the disk is full, or the data folder cannot be written. Each comes with its own message.
 */
public final class StorageTrouble {

    private StorageTrouble() {
    }

    /** "Disk full while writing the library database (…)": the write was rolled back. */
    public static boolean diskFull(Throwable failure) {
        return find(failure, DiskFullException.class);
    }

    /** "The data folder … is read-only": reads work, this write was refused before it began. */
    public static boolean readOnly(Throwable failure) {
        return find(failure, ReadOnlyDataException.class);
    }

    private static boolean find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
