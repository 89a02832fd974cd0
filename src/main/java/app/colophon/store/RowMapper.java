package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Sourced;
import app.colophon.model.Track;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Copies between ORMLite rows and model records, one column pair (value, source) per field. */
final class RowMapper {

    private RowMapper() {
    }

    static Book toBook(BookRow row) {
        FieldValues<BookField> fields = FieldValues.empty(BookField.class);
        for (BookField f : BookField.values()) {
            String[] pair = columns(row, f);
            fields = fields.with(f, FieldCodec.decode(f, pair[0]), FieldCodec.source(pair[1]));
        }
        return new Book(row.id, row.libraryId, row.folder, row.groupKey, fields,
                Instant.ofEpochMilli(row.addedAt), Instant.ofEpochMilli(row.updatedAt));
    }

    static void copyFields(FieldValues<BookField> fields, BookRow row) {
        for (BookField f : BookField.values()) {
            Sourced<?> v = fields.get(f);
            set(row, f, FieldCodec.encode(f, v.value()), FieldCodec.source(v.source()));
        }
    }

    static BookFile toFile(BookFileRow row) {
        FieldValues<FileField> fields = FieldValues.empty(FileField.class);
        for (FileField f : FileField.values()) {
            String[] pair = columns(row, f);
            fields = fields.with(f, FieldCodec.decode(f, pair[0]), FieldCodec.source(pair[1]));
        }
        return new BookFile(row.id, row.bookId, Path.of(row.path), FileFormat.valueOf(row.format.toUpperCase(Locale.ROOT)),
                row.sizeBytes, row.modifiedMs, row.pageCount, row.durationSeconds, fields,
                FieldCodec.decodeAll(BookField.class, row.bookValues), row.error, row.fingerprint,
                row.missingSince == null ? null : Instant.ofEpochMilli(row.missingSince),
                row.discNumber == null && row.trackNumber == null ? null : new Track(row.discNumber, row.trackNumber));
    }

    static void copy(BookFile file, long libraryId, BookFileRow row) {
        row.libraryId = libraryId;
        row.bookId = file.bookId();
        row.path = file.path().toString();
        row.format = file.format().jsonName();
        row.sizeBytes = file.sizeBytes();
        row.modifiedMs = file.modifiedMillis();
        row.pageCount = file.pageCount();
        row.durationSeconds = file.durationSeconds();
        for (FileField f : FileField.values()) {
            Sourced<?> v = file.fields().get(f);
            set(row, f, FieldCodec.encode(f, v.value()), FieldCodec.source(v.source()));
        }
        row.bookValues = FieldCodec.encodeAll(file.bookValues());
        row.error = file.error();
        row.fingerprint = file.fingerprint();
        row.missingSince = file.missingSince() == null ? null : file.missingSince().toEpochMilli();
        row.discNumber = file.track() == null ? null : file.track().disc();
        row.trackNumber = file.track() == null ? null : file.track().number();
    }

    private static String[] columns(BookRow r, BookField f) {
        return switch (f) {
            case TITLE -> new String[] {r.title, r.titleSrc};
            case SORT_TITLE -> new String[] {r.sortTitle, r.sortTitleSrc};
            case SUBTITLE -> new String[] {r.subtitle, r.subtitleSrc};
            case DESCRIPTION -> new String[] {r.description, r.descriptionSrc};
            case AUTHORS -> new String[] {r.authors, r.authorsSrc};
            case SERIES -> new String[] {r.series, r.seriesSrc};
            case GENRES -> new String[] {r.genres, r.genresSrc};
            case TAGS -> new String[] {r.tags, r.tagsSrc};
        };
    }

    private static void set(BookRow r, BookField f, String value, String source) {
        switch (f) {
            case TITLE -> { r.title = value; r.titleSrc = source; }
            case SORT_TITLE -> { r.sortTitle = value; r.sortTitleSrc = source; }
            case SUBTITLE -> { r.subtitle = value; r.subtitleSrc = source; }
            case DESCRIPTION -> { r.description = value; r.descriptionSrc = source; }
            case AUTHORS -> { r.authors = value; r.authorsSrc = source; }
            case SERIES -> { r.series = value; r.seriesSrc = source; }
            case GENRES -> { r.genres = value; r.genresSrc = source; }
            case TAGS -> { r.tags = value; r.tagsSrc = source; }
        }
    }

    private static String[] columns(BookFileRow r, FileField f) {
        return switch (f) {
            case PUBLISHER -> new String[] {r.publisher, r.publisherSrc};
            case RELEASE_DATE -> new String[] {r.releaseDate, r.releaseDateSrc};
            case LANGUAGE -> new String[] {r.language, r.languageSrc};
            case IDENTIFIERS -> new String[] {r.identifiers, r.identifiersSrc};
            case NARRATORS -> new String[] {r.narrators, r.narratorsSrc};
            case COVER -> new String[] {r.cover, r.coverSrc};
        };
    }

    private static void set(BookFileRow r, FileField f, String value, String source) {
        switch (f) {
            case PUBLISHER -> { r.publisher = value; r.publisherSrc = source; }
            case RELEASE_DATE -> { r.releaseDate = value; r.releaseDateSrc = source; }
            case LANGUAGE -> { r.language = value; r.languageSrc = source; }
            case IDENTIFIERS -> { r.identifiers = value; r.identifiersSrc = source; }
            case NARRATORS -> { r.narrators = value; r.narratorsSrc = source; }
            case COVER -> { r.cover = value; r.coverSrc = source; }
        }
    }
}
