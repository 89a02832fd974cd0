package app.colophon.store;

import app.colophon.model.SearchTerm;

import java.util.List;
import java.util.Set;

/** Search and the browser's counts over the tables of migration V5 (kept by {@link SearchIndex}). */
public interface BookSearch {

    /** What the browser counts: a kind of value, one value of it, and how many books have it. */
    enum Kind {
        AUTHOR, SERIES, GENRE, TAG, FORMAT, LANGUAGE
    }

    /** One value with its count of books; {@code name} is the spelling last written of those that fold alike. */
    record Count(Kind kind, String name, long books) {
    }

    /** The ids of the library's books that match every term: an unmodifiable set that iterates in ascending order. */
    Set<Long> ids(long libraryId, List<SearchTerm> terms);

    /**
     * Every value of the library with its count of books, by kind in the browser's order: authors by sort name, the
     * others by name, ignoring case and accents.
     */
    List<Count> counts(long libraryId);

    /** How many books of the library have a file that failed to read. */
    long booksWithErrors(long libraryId);

    /** How many books of the library have a file that is gone from disk. */
    long booksWithMissingFiles(long libraryId);
}
