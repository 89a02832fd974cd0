package app.colophon.store;

import app.colophon.model.BookFile;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.stmt.SelectArg;
import com.j256.ormlite.support.ConnectionSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static app.colophon.store.OrmliteLibraryRepository.call;

final class OrmliteFileRepository implements FileRepository {

    private final Dao<BookFileRow, Long> files;

    OrmliteFileRepository(ConnectionSource connections) throws SQLException {
        this.files = DaoManager.createDao(connections, BookFileRow.class);
    }

    @Override
    public Optional<BookFile> find(long id) {
        return call(() -> Optional.ofNullable(files.queryForId(id)).map(RowMapper::toFile));
    }

    @Override
    public Optional<BookFile> findByPath(long libraryId, Path path) {
        return call(() -> files.queryBuilder().where().eq("library_id", new SelectArg(libraryId)).and().eq("path", new SelectArg(path.toString()))
                .query().stream().findFirst().map(RowMapper::toFile));
    }

    @Override
    public List<BookFile> ofBook(long bookId) {
        return call(() -> files.queryBuilder().orderBy("id", true).where().eq("book_id", new SelectArg(bookId)).query()
                .stream().map(RowMapper::toFile).toList());
    }

    @Override
    public BookFile insert(long libraryId, BookFile file) {
        return call(() -> {
            BookFileRow row = new BookFileRow();
            RowMapper.copy(file, libraryId, row);
            files.create(row);
            return RowMapper.toFile(row);
        });
    }

    @Override
    public BookFile update(long libraryId, BookFile file) {
        return call(() -> {
            BookFileRow row = new BookFileRow();
            row.id = file.id();
            RowMapper.copy(file, libraryId, row);
            if (files.update(row) != 1) {
                throw new StoreException("No file " + file.id(), null);
            }
            return file;
        });
    }

    @Override
    public boolean delete(long fileId) {
        return call(() -> files.deleteById(fileId) > 0);
    }

    @Override
    public List<Stamp> stamps(long libraryId) {
        return call(() -> files.queryRaw("SELECT id, book_id, path, size_bytes, modified_ms, missing_since IS NOT NULL "
                        + "FROM book_file WHERE library_id = ?",
                (columns, v) -> new Stamp(Long.parseLong(v[0]), Long.parseLong(v[1]), Path.of(v[2]),
                        Long.parseLong(v[3]), Long.parseLong(v[4]), "1".equals(v[5])), String.valueOf(libraryId)).getResults());
    }

    @Override
    public Optional<Long> libraryOf(long fileId) {
        return call(() -> Optional.ofNullable(files.queryForId(fileId)).map(r -> r.libraryId));
    }

    @Override
    public void markMissing(Collection<Long> fileIds, long sinceMillis) {
        call(() -> {
            for (Long id : fileIds) {
                files.updateRaw("UPDATE book_file SET missing_since = ? WHERE id = ? AND missing_since IS NULL",
                        String.valueOf(sinceMillis), String.valueOf(id));
            }
            return null;
        });
    }

    @Override
    public List<BookFile> missing(Long libraryId) {
        return call(() -> {
            var where = files.queryBuilder().orderBy("missing_since", true).orderBy("id", true).where().isNotNull("missing_since");
            if (libraryId != null) {
                where.and().eq("library_id", new SelectArg(libraryId));
            }
            return where.query().stream().map(RowMapper::toFile).toList();
        });
    }

    @Override
    public List<Path> pathsUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return call(() -> files.queryRaw("SELECT path FROM book_file WHERE library_id = ? AND path >= ? AND path < ?",
                (columns, v) -> Path.of(v[0]), String.valueOf(libraryId), range.from(), range.to()).getResults());
    }

    @Override
    public long booksUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return call(() -> files.queryRawValue("SELECT COUNT(DISTINCT book_id) FROM book_file WHERE library_id = ? "
                + "AND path >= ? AND path < ?", String.valueOf(libraryId), range.from(), range.to()));
    }

    @Override
    public int deleteUnder(long libraryId, Path root) {
        PathRange range = PathRange.under(root);
        return call(() -> files.updateRaw("DELETE FROM book_file WHERE library_id = ? AND path >= ? AND path < ?",
                String.valueOf(libraryId), range.from(), range.to()));
    }

    @Override
    public long countWithIdentifier(long libraryId, String value) {
        // Identifiers are a JSON list per file: the value as a JSON string finds them (LIKE ignores ASCII case,
        // which can only overcount, and the callers want "exactly one").
        String json = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String pattern = "%" + json.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return call(() -> files.queryRawValue("SELECT COUNT(*) FROM book_file WHERE library_id = ? AND identifiers LIKE ? ESCAPE '!'",
                String.valueOf(libraryId), pattern));
    }
}
