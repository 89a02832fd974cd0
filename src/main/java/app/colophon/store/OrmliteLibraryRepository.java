package app.colophon.store;

import app.colophon.model.Library;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.stmt.SelectArg;
import com.j256.ormlite.support.ConnectionSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class OrmliteLibraryRepository implements LibraryRepository {

    private final Dao<LibraryRow, Long> libraries;
    private final Dao<LibraryRootRow, Long> roots;

    OrmliteLibraryRepository(ConnectionSource connections) throws SQLException {
        this.libraries = DaoManager.createDao(connections, LibraryRow.class);
        this.roots = DaoManager.createDao(connections, LibraryRootRow.class);
    }

    @Override
    public List<Library> list() {
        return call(() -> libraries.queryBuilder().orderBy("id", true).query().stream().map(this::toLibrary).toList());
    }

    @Override
    public Optional<Library> find(long id) {
        return call(() -> Optional.ofNullable(libraries.queryForId(id)).map(this::toLibrary));
    }

    @Override
    public Optional<Library> findByName(String name) {
        return call(() -> libraries.queryForEq("name", name).stream().findFirst().map(this::toLibrary));
    }

    @Override
    public Library create(String name) {
        return call(() -> {
            LibraryRow row = new LibraryRow();
            row.name = name;
            row.createdAt = System.currentTimeMillis();
            libraries.create(row);
            return toLibrary(row);
        });
    }

    @Override
    public Library addRoot(long libraryId, Path root) {
        return call(() -> {
            String path = root.toAbsolutePath().normalize().toString();
            boolean known = roots.queryBuilder().where().eq("library_id", new SelectArg(libraryId)).and().eq("path", new SelectArg(path)).countOf() > 0;
            if (!known) {
                LibraryRootRow row = new LibraryRootRow();
                row.libraryId = libraryId;
                row.path = path;
                roots.create(row);
            }
            return find(libraryId).orElseThrow(() -> new StoreException("No library " + libraryId, null));
        });
    }

    @Override
    public boolean removeRoot(long libraryId, Path root) {
        return call(() -> roots.updateRaw("DELETE FROM library_root WHERE library_id = ? AND path = ?",
                String.valueOf(libraryId), root.toString()) > 0);
    }

    @Override
    public void delete(long libraryId) {
        call(() -> libraries.deleteById(libraryId));
    }

    private Library toLibrary(LibraryRow row) {
        List<Path> paths = call(() -> roots.queryBuilder().orderBy("id", true).where().eq("library_id", new SelectArg(row.id)).query())
                .stream().map(r -> Path.of(r.path)).toList();
        return new Library(row.id, row.name, paths);
    }

    static <T> T call(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new StoreException("Database error: " + rootMessage(e), e);
        }
    }

    /** ORMLite wraps the driver's exception; its message ("[SQLITE_CONSTRAINT_FOREIGNKEY] …") is the useful one. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }
}
