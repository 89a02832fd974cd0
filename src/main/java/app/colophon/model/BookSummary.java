package app.colophon.model;

import java.time.Instant;
import java.util.List;

/**
 * What the grid and the list show of a book: small enough to hold 100,000 in memory.
 *
 * @param coverFileId the file whose cover stands for the book (first in format order that has one), or null
 * @param missing     every file of the book is missing from disk (shown with a "Missing" badge)
 */
public record BookSummary(long id, long libraryId, String title, String sortTitle, List<Contributor> authors,
                          List<SeriesEntry> series, Instant addedAt, Long coverFileId, boolean missing) {

    public BookSummary {
        authors = List.copyOf(authors);
        series = List.copyOf(series);
    }

    /** A book with a file on disk. */
    public BookSummary(long id, long libraryId, String title, String sortTitle, List<Contributor> authors,
                       List<SeriesEntry> series, Instant addedAt, Long coverFileId) {
        this(id, libraryId, title, sortTitle, authors, series, addedAt, coverFileId, false);
    }
}
