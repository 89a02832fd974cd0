package app.colophon.store;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

@DatabaseTable(tableName = "book_file")
final class BookFileRow {
    @DatabaseField(generatedId = true)
    long id;
    @DatabaseField(columnName = "library_id")
    long libraryId;
    @DatabaseField(columnName = "book_id")
    long bookId;
    @DatabaseField(canBeNull = false)
    String path;
    @DatabaseField(canBeNull = false)
    String format;
    @DatabaseField(columnName = "size_bytes")
    long sizeBytes;
    @DatabaseField(columnName = "modified_ms")
    long modifiedMs;
    @DatabaseField(columnName = "page_count")
    Integer pageCount;
    @DatabaseField(columnName = "duration_seconds")
    Double durationSeconds;
    @DatabaseField
    String publisher;
    @DatabaseField(columnName = "publisher_src")
    String publisherSrc;
    @DatabaseField(columnName = "release_date")
    String releaseDate;
    @DatabaseField(columnName = "release_date_src")
    String releaseDateSrc;
    @DatabaseField
    String language;
    @DatabaseField(columnName = "language_src")
    String languageSrc;
    @DatabaseField
    String identifiers;
    @DatabaseField(columnName = "identifiers_src")
    String identifiersSrc;
    @DatabaseField
    String narrators;
    @DatabaseField(columnName = "narrators_src")
    String narratorsSrc;
    @DatabaseField
    String cover;
    @DatabaseField(columnName = "cover_src")
    String coverSrc;
    @DatabaseField(columnName = "book_values")
    String bookValues;
    @DatabaseField
    String error;
    @DatabaseField
    String fingerprint;
    @DatabaseField(columnName = "missing_since")
    Long missingSince;
    @DatabaseField(columnName = "disc_number")
    Integer discNumber;
    @DatabaseField(columnName = "track_number")
    Integer trackNumber;
}
