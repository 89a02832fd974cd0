package app.colophon.model;

import java.nio.file.Path;

/**
 * One file of a book.
 *
 * @param bookValues what this file says about its book (file metadata, else its path), kept so the book's
 *                   values can be derived from all its files without reopening them
 * @param error      the last scan's parse error for this file, or null
 */
public record BookFile(long id, long bookId, Path path, FileFormat format, long sizeBytes, long modifiedMillis,
                       Integer pageCount, Double durationSeconds, FieldValues<FileField> fields,
                       FieldValues<BookField> bookValues, String error) {
}
