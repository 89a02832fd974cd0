package app.colophon.store;

import app.colophon.model.ExcludedFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class SqliteExcludedFileRepository implements ExcludedFileRepository {

    private static final String TABLE = "excluded_file";
    private static final String SELECT = "SELECT library_id, path, since FROM excluded_file ";

    private final Jdbc jdbc;

    SqliteExcludedFileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(long libraryId, Path path, long sinceMillis) {
        jdbc.update(TABLE, "INSERT OR IGNORE INTO excluded_file (library_id, path, since) VALUES (?, ?, ?)", s -> {
            s.setLong(1, libraryId);
            s.setString(2, path.toString());
            s.setLong(3, sinceMillis);
        });
    }

    @Override
    public List<ExcludedFile> list(Long libraryId) {
        return libraryId == null
                ? jdbc.query(TABLE, SELECT + "ORDER BY library_id, path", s -> { }, SqliteExcludedFileRepository::row)
                : jdbc.query(TABLE, SELECT + "WHERE library_id = ? ORDER BY path", s -> s.setLong(1, libraryId),
                        SqliteExcludedFileRepository::row);
    }

    @Override
    public Set<Path> paths(long libraryId) {
        return new HashSet<>(jdbc.query(TABLE, "SELECT path FROM excluded_file WHERE library_id = ?",
                s -> s.setLong(1, libraryId), r -> Path.of(r.getString(1))));
    }

    @Override
    public int remove(Path path) {
        return jdbc.update(TABLE, "DELETE FROM excluded_file WHERE path = ?", s -> s.setString(1, path.toString()));
    }

    @Override
    public int deleteUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return jdbc.update(TABLE, "DELETE FROM excluded_file WHERE library_id = ? AND path >= ? AND path < ?", s -> {
            s.setLong(1, libraryId);
            s.setString(2, range.from());
            s.setString(3, range.to());
        });
    }

    private static ExcludedFile row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new ExcludedFile(r.getLong(1), Path.of(r.getString(2)), Instant.ofEpochMilli(r.getLong(3)));
    }
}
