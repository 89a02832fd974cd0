package app.colophon.store;

import app.colophon.model.BookFile;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.stmt.SelectArg;
import com.j256.ormlite.support.ConnectionSource;

import java.nio.file.Path;
import java.sql.SQLException;
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
        return call(() -> files.queryRaw("SELECT id, book_id, path, size_bytes, modified_ms FROM book_file WHERE library_id = ?",
                (columns, v) -> new Stamp(Long.parseLong(v[0]), Long.parseLong(v[1]), Path.of(v[2]),
                        Long.parseLong(v[3]), Long.parseLong(v[4])), String.valueOf(libraryId)).getResults());
    }

    @Override
    public Optional<Long> libraryOf(long fileId) {
        return call(() -> Optional.ofNullable(files.queryForId(fileId)).map(r -> r.libraryId));
    }
}
