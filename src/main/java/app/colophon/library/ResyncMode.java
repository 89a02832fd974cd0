package app.colophon.library;

/**
 * SCAN respects {@code manual > file_metadata > filepath}; REFRESH overwrites with every value the files have;
 * RESET clears every value, manual ones and manual clears included, and reads the files and paths afresh, as a
 * first scan would.
 */
public enum ResyncMode {
    SCAN,
    REFRESH,
    RESET;

    boolean forceRefresh() {
        return this == REFRESH;
    }

    /** What the window and the command line tell the user when a resync in this mode succeeded (DESIGN §5). */
    public String doneMessage() {
        return switch (this) {
            case SCAN -> "Metadata scanned";
            case REFRESH -> "Metadata refreshed";
            case RESET -> "Metadata reset";
        };
    }
}
