package app.colophon.model;

import java.util.Objects;

/**
 * One term of a search, as the query language gives it (library.SearchQuery) and the store answers it:
 * books whose {@code field} contains the words of {@code value} (each a word or the start of one, in this order), or
 * whose value is {@code value} as a whole when {@code exact}; {@code negated} books are the others.
 */
public record SearchTerm(Field field, String value, boolean exact, boolean negated) {

    /** What a term looks at. The flags (manual, error, missing) take no value. */
    public enum Field {
        /** Title, subtitle, authors, series and tags: the free words of a query. */
        TEXT,
        AUTHOR, SERIES, TAG, GENRE, PUBLISHER,
        /** A file format by its name ("epub"). */
        FORMAT,
        /** A language code; "en" also finds "en-GB". */
        LANGUAGE,
        /** Books with any value typed by the user, on the book or on one of its files. */
        MANUAL,
        /** Books with a file that failed to read. */
        ERROR,
        /** Books with a file that is gone from disk. */
        MISSING
    }

    public SearchTerm {
        Objects.requireNonNull(field, "field");
        value = value == null ? "" : value;
    }

    public boolean isFlag() {
        return field == Field.MANUAL || field == Field.ERROR || field == Field.MISSING;
    }
}
