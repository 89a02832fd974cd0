package app.colophon.store;

import app.colophon.model.Library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Libraries and their root folders, in plain JDBC as the other repositories. It was the one ORMLite DAO: making it
 * (reflection over two row classes, ORMLite's date formats and the locale data they load) was a third of opening
 * the database, on every start of the command line and the window (docs/DECISIONS.md, "Start-up").
 */
final class SqliteLibraryRepository implements LibraryRepository {

    private static final String TABLE = "library";
    private static final String SELECT = "SELECT l.id, l.name, r.path FROM library l "
            + "LEFT JOIN library_root r ON r.library_id = l.id ";

    private final Jdbc jdbc;

    SqliteLibraryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String name, String root) {
    }

    @Override
    public List<Library> list() {
        return libraries(jdbc.query(TABLE, SELECT + "ORDER BY l.id, r.id", s -> { }, SqliteLibraryRepository::row));
    }

    @Override
    public Optional<Library> find(long id) {
        return libraries(jdbc.query(TABLE, SELECT + "WHERE l.id = ? ORDER BY r.id", s -> s.setLong(1, id),
                SqliteLibraryRepository::row)).stream().findFirst();
    }

    @Override
    public Optional<Library> findByName(String name) {
        return libraries(jdbc.query(TABLE, SELECT + "WHERE l.name = ? ORDER BY l.id, r.id", s -> s.setString(1, name),
                SqliteLibraryRepository::row)).stream().findFirst();
    }

    @Override
    public Library create(String name) {
        long id = jdbc.insert(TABLE, "INSERT INTO library (name, created_at) VALUES (?, ?)", s -> {
            s.setString(1, name);
            s.setLong(2, System.currentTimeMillis());
        });
        return new Library(id, name, List.of());
    }

    @Override
    public Library addRoot(long libraryId, Path root) {
        String path = root.toAbsolutePath().normalize().toString();
        // UNIQUE (library_id, path): a root added again is left as it is
        jdbc.update("library_root", "INSERT OR IGNORE INTO library_root (library_id, path) VALUES (?, ?)", s -> {
            s.setLong(1, libraryId);
            s.setString(2, path);
        });
        return find(libraryId).orElseThrow(() -> new StoreException("No library " + libraryId, null));
    }

    @Override
    public boolean removeRoot(long libraryId, Path root) {
        return jdbc.update("library_root", "DELETE FROM library_root WHERE library_id = ? AND path = ?", s -> {
            s.setLong(1, libraryId);
            s.setString(2, root.toString());
        }) > 0;
    }

    @Override
    public void delete(long libraryId) {
        jdbc.update(TABLE, "DELETE FROM library WHERE id = ?", s -> s.setLong(1, libraryId));
    }

    private static Row row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Row(r.getLong(1), r.getString(2), r.getString(3));
    }

    /** One library per id, in the order of the rows, with its roots in theirs. */
    private static List<Library> libraries(List<Row> rows) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Path>> roots = new LinkedHashMap<>();
        for (Row row : rows) {
            names.putIfAbsent(row.id(), row.name());
            List<Path> paths = roots.computeIfAbsent(row.id(), id -> new ArrayList<>());
            if (row.root() != null) {
                paths.add(Path.of(row.root()));
            }
        }
        List<Library> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new Library(id, name, roots.get(id))));
        return out;
    }
}
