package app.colophon.store;

import com.j256.ormlite.jdbc.JdbcPooledConnectionSource;
import com.j256.ormlite.misc.TransactionManager;
import com.j256.ormlite.support.ConnectionSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The SQLite database of one user: WAL journal, foreign keys on, a busy timeout, write transactions that take
 * the write lock up front ({@code BEGIN IMMEDIATE}) so a reader never has to upgrade and fail with
 * "database is locked", and numbered migrations applied at open.
 */
public final class Database implements AutoCloseable {

    /** Long enough to wait out any single write batch of a scan in another process. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private final Path file;
    private final JdbcPooledConnectionSource connections;
    /** Writers of this process queue here, fairly, instead of polling SQLite's busy handler. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final OrmliteLibraryRepository libraries;
    private final SqliteBookRepository books;
    private final SqliteFileRepository files;

    private Database(Path file, JdbcPooledConnectionSource connections) throws SQLException {
        this.file = file;
        this.connections = connections;
        this.libraries = new OrmliteLibraryRepository(connections);
        Jdbc jdbc = new Jdbc(connections);
        this.books = new SqliteBookRepository(jdbc);
        this.files = new SqliteFileRepository(jdbc);
    }

    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
                SqliteNativeCache.use(parent.resolve("native"));
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath()
                    + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&transaction_mode=IMMEDIATE"
                    + "&busy_timeout=" + BUSY_TIMEOUT_MS;
            JdbcPooledConnectionSource connections = new CachingConnectionSource(url);
            connections.setMaxConnectionsFree(8);
            Database db = new Database(file, connections);
            db.inTransaction(() -> OrmliteLibraryRepository.call(() -> {
                Migrations.apply(connections);
                return null;
            }));
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public LibraryRepository libraries() {
        return libraries;
    }

    public BookRepository books() {
        return books;
    }

    public FileRepository files() {
        return files;
    }

    /**
     * Runs {@code work} in one write transaction: all of it commits or none of it does. Nested calls join the
     * outer transaction.
     */
    public <T> T inTransaction(Supplier<T> work) {
        writeLock.lock();
        RuntimeException[] thrownByWork = new RuntimeException[1];
        try {
            return TransactionManager.callInTransaction(connections, () -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    thrownByWork[0] = e;
                    throw e;
                }
            });
        } catch (SQLException e) {
            // ORMLite rolls back, then wraps what the work threw; callers expect the original exception.
            if (thrownByWork[0] != null) {
                throw thrownByWork[0];
            }
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    ConnectionSource connections() {
        return connections;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (Exception e) {
            throw new StoreException("Cannot close the database " + file, e);
        }
    }
}
