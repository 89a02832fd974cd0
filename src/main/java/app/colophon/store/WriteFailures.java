package app.colophon.store;

import java.sql.SQLException;

/**
 * What went wrong with a write, as SQLite said it. ORMLite loses it on the way: when a commit fails with SQLITE_FULL,
 * SQLite has already rolled back, ORMLite's own rollback then fails, and what reaches the caller is "cannot commit -
 * no transaction is active". The connection wrapper ({@link StatementCache}) notes each failure of the thread's
 * statements here, so the transaction can say "disk full".
 */
final class WriteFailures {

    /** SQLite's primary result codes. */
    static final int SQLITE_READONLY = 8;
    static final int SQLITE_FULL = 13;

    private static final ThreadLocal<SQLException> LAST_FULL = new ThreadLocal<>();

    private WriteFailures() {
    }

    /** Notes a failure of a statement run on this thread. */
    static void seen(Throwable failure) {
        if (failure instanceof SQLException e && isFull(e)) {
            LAST_FULL.set(e);
        }
    }

    static void forget() {
        LAST_FULL.remove();
    }

    /** The SQLITE_FULL this thread met since {@link #forget}, or in {@code failure}'s causes; else null. */
    static SQLException full(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && isFull(e)) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return LAST_FULL.get();
    }

    private static boolean isFull(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_FULL || String.valueOf(e.getMessage()).contains("SQLITE_FULL");
    }
}
