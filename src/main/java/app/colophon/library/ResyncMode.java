package app.colophon.library;

/** SCAN respects {@code manual > file_metadata > filepath}; REFRESH overwrites with every value the files have. */
public enum ResyncMode {
    SCAN,
    REFRESH;

    boolean forceRefresh() {
        return this == REFRESH;
    }
}
