package app.colophon.library;

import app.colophon.formats.AudioTrack;
import app.colophon.formats.ValueLimits;
import app.colophon.model.BookField;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Track;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of reading one file from disk, before anything is written.
 *
 * @param error       the parse error for the user, or null; a file with an error still has its path-derived values
 * @param fingerprint see {@link Fingerprint}; null when the content could not be read
 * @param audio       for an audio file, its album, disc, track and whether its tags call it an audiobook; else null
 * @param cut         the values too long for the library that were cut ({@link app.colophon.formats.ValueLimits})
 */
public record FileReading(Path path, FileFormat format, long sizeBytes, long modifiedMillis, boolean missing,
                          FieldValues<BookField<?>> bookValues, FieldValues<FileField<?>> fileValues,
                          Integer pageCount, Double durationSeconds, String error, String fingerprint,
                          AudioTrack audio, List<String> cut) {

    public FileReading {
        cut = cut == null ? List.of() : List.copyOf(cut);
    }

    static FileReading missing(Path path, FileFormat format) {
        return new FileReading(path, format, 0, 0, true, BookField.none(),
                FileField.none(), null, null, null, null, null, List.of());
    }

    /** Disc and track of a chapter file, for the order of the book's files; null for other files. */
    Track track() {
        return audio == null || (audio.disc() == null && audio.track() == null) ? null
                : new Track(audio.disc(), audio.track());
    }

    public boolean failed() {
        return error != null;
    }

    /** What the file's record shows: the error, else what was cut to fit, else nothing. */
    String recordedError() {
        return error != null ? error : ValueLimits.note(cut);
    }
}
