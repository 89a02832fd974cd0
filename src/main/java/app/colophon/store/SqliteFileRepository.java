package app.colophon.store;

import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The files of books in SQLite, with their field columns made from {@link FileField} ({@link FieldColumns}). */
final class SqliteFileRepository implements FileRepository {

    private static final FieldColumns<FileField<?>> FIELDS = FieldColumns.FILE;
    /** The columns other than the fields', in the order {@link #bindRecord} sets them. */
    private static final String RECORD = "library_id, book_id, path, format, size_bytes, modified_ms, page_count, "
            + "duration_seconds, book_values, error, fingerprint, missing_since, disc_number, track_number";
    private static final String SELECT = "SELECT id, " + RECORD + ", " + FIELDS.names() + " FROM book_file ";
    /** The position of the first field column in {@link #SELECT}: after the id and the record's columns. */
    private static final int FIRST_FIELD = 2 + RECORD.split(",").length;
    private static final String INSERT = "INSERT INTO book_file (" + RECORD + ", " + FIELDS.names() + ") VALUES ("
            + "?, ".repeat(RECORD.split(",").length) + FIELDS.placeholders() + ")";
    private static final String UPDATE = "UPDATE book_file SET " + RECORD.replace(",", " = ?,") + " = ?, "
            + FIELDS.assignments() + " WHERE id = ?";

    private final Jdbc jdbc;
    private final SearchIndex search;

    SqliteFileRepository(Jdbc jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @Override
    public Optional<BookFile> find(long id) {
        return jdbc.queryOne("book_file", SELECT + "WHERE id = ?", s -> s.setLong(1, id), SqliteFileRepository::file);
    }

    @Override
    public Optional<BookFile> findByPath(long libraryId, Path path) {
        return jdbc.queryOne("book_file", SELECT + "WHERE library_id = ? AND path = ?", s -> {
            s.setLong(1, libraryId);
            s.setString(2, path.toString());
        }, SqliteFileRepository::file);
    }

    @Override
    public List<BookFile> ofBook(long bookId) {
        return jdbc.query("book_file", SELECT + "WHERE book_id = ? ORDER BY id", s -> s.setLong(1, bookId),
                SqliteFileRepository::file);
    }

    @Override
    public List<Path> pathsOfBook(long bookId) {
        return jdbc.query("book_file", "SELECT path FROM book_file WHERE book_id = ? ORDER BY id",
                s -> s.setLong(1, bookId), r -> Path.of(r.getString(1)));
    }

    @Override
    public BookFile insert(long libraryId, BookFile file) {
        long id = jdbc.insert("book_file", INSERT, s -> {
                    int next = bindRecord(s, libraryId, file);
                    FIELDS.bind(s, next, file.fields());
                });
        search.fileAdded(file.bookId(), libraryId, file);
        return new BookFile(id, file.bookId(), file.path(), file.format(), file.sizeBytes(), file.modifiedMillis(),
                file.pageCount(), file.durationSeconds(), file.fields(), file.bookValues(), file.error(),
                file.fingerprint(), file.missingSince(), file.track());
    }

    @Override
    public BookFile update(long libraryId, BookFile file) {
        int changed = jdbc.update("book_file", UPDATE, s -> {
            int next = FIELDS.bind(s, bindRecord(s, libraryId, file), file.fields());
            s.setLong(next, file.id());
        });
        if (changed != 1) {
            throw new StoreException("No file " + file.id(), null);
        }
        search.filesChanged(file.bookId());
        return file;
    }

    /** Sets the record's columns ({@link #RECORD}) from parameter 1; returns the next parameter's index. */
    private static int bindRecord(PreparedStatement s, long libraryId, BookFile f) throws SQLException {
        s.setLong(1, libraryId);
        s.setLong(2, f.bookId());
        s.setString(3, f.path().toString());
        s.setString(4, f.format().jsonName());
        s.setLong(5, f.sizeBytes());
        s.setLong(6, f.modifiedMillis());
        setNullable(s, 7, f.pageCount(), Types.INTEGER);
        setNullable(s, 8, f.durationSeconds(), Types.REAL);
        s.setString(9, FieldCodec.encodeAll(f.bookValues()));
        s.setString(10, f.error());
        s.setString(11, f.fingerprint());
        setNullable(s, 12, f.missingSince() == null ? null : f.missingSince().toEpochMilli(), Types.INTEGER);
        setNullable(s, 13, f.track() == null ? null : f.track().disc(), Types.INTEGER);
        setNullable(s, 14, f.track() == null ? null : f.track().number(), Types.INTEGER);
        return 15;
    }

    private static void setNullable(PreparedStatement s, int index, Object value, int type) throws SQLException {
        if (value == null) {
            s.setNull(index, type);
        } else {
            s.setObject(index, value);
        }
    }

    private static BookFile file(ResultSet row) throws SQLException {
        Long missing = Jdbc.longOrNull(row, "missing_since");
        return new BookFile(row.getLong("id"), row.getLong("book_id"), Path.of(row.getString("path")),
                FileFormat.valueOf(row.getString("format").toUpperCase(Locale.ROOT)), row.getLong("size_bytes"),
                row.getLong("modified_ms"), Jdbc.integer(row, "page_count"), Jdbc.doubleOrNull(row, "duration_seconds"),
                FIELDS.read(row, FIRST_FIELD), FieldCodec.decodeAll(BookField.none(), row.getString("book_values")),
                row.getString("error"), row.getString("fingerprint"), missing == null ? null : Instant.ofEpochMilli(missing),
                SqliteBookRepository.track(Jdbc.integer(row, "disc_number"), Jdbc.integer(row, "track_number")));
    }

    @Override
    public boolean delete(long fileId) {
        Optional<Long> book = jdbc.queryOne("book_file", "SELECT book_id FROM book_file WHERE id = ?",
                s -> s.setLong(1, fileId), r -> r.getLong(1));
        boolean deleted = jdbc.update("book_file", "DELETE FROM book_file WHERE id = ?", s -> s.setLong(1, fileId)) > 0;
        book.ifPresent(search::filesChanged);
        return deleted;
    }

    @Override
    public List<Stamp> stamps(long libraryId) {
        return stamps(libraryId, 0, 1);
    }

    @Override
    public List<Stamp> stamps(long libraryId, int part, int parts) {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
        return jdbc.query("book_file", "SELECT id, book_id, path, size_bytes, modified_ms, missing_since IS NOT NULL "
                        + "FROM book_file WHERE library_id = ? AND id % ? = ?", s -> {
                    s.setLong(1, libraryId);
                    s.setInt(2, parts);
                    s.setInt(3, part);
                },
                r -> new Stamp(r.getLong(1), r.getLong(2), Path.of(r.getString(3)), r.getLong(4), r.getLong(5),
                        r.getBoolean(6)));
    }

    @Override
    public Optional<Long> libraryOf(long fileId) {
        return jdbc.queryOne("book_file", "SELECT library_id FROM book_file WHERE id = ?", s -> s.setLong(1, fileId),
                r -> r.getLong(1));
    }

    @Override
    public void markMissing(Collection<Long> fileIds, long sinceMillis) {
        for (Long id : fileIds) {
            jdbc.update("book_file", "UPDATE book_file SET missing_since = ? WHERE id = ? AND missing_since IS NULL", s -> {
                s.setLong(1, sinceMillis);
                s.setLong(2, id);
            });
        }
    }

    @Override
    public List<BookFile> missing(Long libraryId) {
        return libraryId == null
                ? jdbc.query("book_file", SELECT + "WHERE missing_since IS NOT NULL ORDER BY missing_since, id", s -> { },
                        SqliteFileRepository::file)
                : jdbc.query("book_file", SELECT + "WHERE missing_since IS NOT NULL AND library_id = ? "
                        + "ORDER BY missing_since, id", s -> s.setLong(1, libraryId), SqliteFileRepository::file);
    }

    @Override
    public List<Path> pathsUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return jdbc.query("book_file", "SELECT path FROM book_file WHERE library_id = ? AND path >= ? AND path < ?",
                s -> bindRange(s, libraryId, range), r -> Path.of(r.getString(1)));
    }

    @Override
    public long booksUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return jdbc.queryLong("book_file", "SELECT COUNT(DISTINCT book_id) FROM book_file WHERE library_id = ? "
                + "AND path >= ? AND path < ?", s -> bindRange(s, libraryId, range));
    }

    @Override
    public int deleteUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return jdbc.update("book_file", "DELETE FROM book_file WHERE library_id = ? AND path >= ? AND path < ?",
                s -> bindRange(s, libraryId, range));
    }

    private static void bindRange(PreparedStatement s, long libraryId, PathRange range) throws SQLException {
        s.setLong(1, libraryId);
        s.setString(2, range.from());
        s.setString(3, range.to());
    }

    @Override
    public long countWithIdentifier(long libraryId, String value) {
        // Identifiers are a JSON list per file: the value as a JSON string finds them (LIKE ignores ASCII case,
        // which can only overcount, and the callers want "exactly one").
        String json = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String pattern = "%" + json.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.queryLong("book_file", "SELECT COUNT(*) FROM book_file WHERE library_id = ? AND "
                + FileField.IDENTIFIERS.column() + " LIKE ? ESCAPE '!'", s -> {
                    s.setLong(1, libraryId);
                    s.setString(2, pattern);
                });
    }
}
