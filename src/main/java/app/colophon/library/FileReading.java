package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;

import java.nio.file.Path;

/**
 * The outcome of reading one file from disk, before anything is written.
 *
 * @param error       the parse error for the user, or null; a file with an error still has its path-derived values
 * @param fingerprint see {@link Fingerprint}; null when the content could not be read
 */
public record FileReading(Path path, FileFormat format, long sizeBytes, long modifiedMillis, boolean missing,
                          FieldValues<BookField> bookValues, FieldValues<FileField> fileValues,
                          Integer pageCount, Double durationSeconds, String error, String fingerprint) {

    static FileReading missing(Path path, FileFormat format) {
        return new FileReading(path, format, 0, 0, true, FieldValues.empty(BookField.class),
                FieldValues.empty(FileField.class), null, null, null, null);
    }

    public boolean failed() {
        return error != null;
    }
}
