package app.colophon.model;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file of a book.
 *
 * @param bookValues   what this file says about its book (file metadata, else its path), kept so the book's
 *                     values can be derived from all its files without reopening them
 * @param error        the last scan's parse error for this file, or null
 * @param fingerprint  size and checksums of the content's ends, to recognise the file after a move; null when
 *                     never computed
 * @param missingSince when a scan found the file gone from its (available) library folder; null while on disk.
 *                     A missing file keeps every value until the user removes it.
 * @param track        disc and track number of an audiobook chapter file, else null ({@link FileOrder})
 */
public record BookFile(long id, long bookId, Path path, FileFormat format, long sizeBytes, long modifiedMillis,
                       Integer pageCount, Double durationSeconds, FieldValues<FileField<?>> fields,
                       FieldValues<BookField<?>> bookValues, String error, String fingerprint, Instant missingSince,
                       Track track) {

    /** A file on disk whose fingerprint is not known. */
    public BookFile(long id, long bookId, Path path, FileFormat format, long sizeBytes, long modifiedMillis,
                    Integer pageCount, Double durationSeconds, FieldValues<FileField<?>> fields,
                    FieldValues<BookField<?>> bookValues, String error) {
        this(id, bookId, path, format, sizeBytes, modifiedMillis, pageCount, durationSeconds, fields, bookValues, error,
                null, null, null);
    }

    public boolean missing() {
        return missingSince != null;
    }

    public BookFile withFields(FieldValues<FileField<?>> newFields) {
        return new BookFile(id, bookId, path, format, sizeBytes, modifiedMillis, pageCount, durationSeconds, newFields,
                bookValues, error, fingerprint, missingSince, track);
    }

    /** The same record at another path, on disk again: a moved or renamed file keeps its id, book and values. */
    public BookFile movedTo(Path newPath) {
        return new BookFile(id, bookId, newPath, format, sizeBytes, modifiedMillis, pageCount, durationSeconds, fields,
                bookValues, error, fingerprint, null, track);
    }
}
