package app.colophon.model;

import java.util.Locale;

/** Where a metadata value came from; a higher rank wins a normal scan. */
public enum Source {
    FILEPATH(1),
    FILE_METADATA(2),
    MANUAL(3);

    private final int rank;

    Source(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The name used in JSON and on the command line: {@code manual}, {@code file_metadata}, {@code filepath}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
