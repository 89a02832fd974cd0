package app.colophon.model;

import java.time.Instant;
import java.util.List;

/**
 * A book: the files in one folder that share a stem, with book-level metadata derived from them.
 *
 * @param folder   the folder holding the book's files
 * @param groupKey the shared file stem, lower-cased; with the folder it identifies the book
 */
public record Book(long id, long libraryId, String folder, String groupKey, FieldValues<BookField<?>> fields,
                   Instant addedAt, Instant updatedAt) {

    public String title() {
        return fields.text(BookField.TITLE);
    }

    public List<Contributor> authors() {
        return fields.list(BookField.AUTHORS);
    }

    public List<SeriesEntry> series() {
        return fields.list(BookField.SERIES);
    }
}
