package app.colophon.store;

import com.j256.ormlite.jdbc.JdbcPooledConnectionSource;
import com.j256.ormlite.misc.TransactionManager;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;

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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);

    static {
        // ORMLite would find SLF4J by trying each logging library it knows: a java.util.logging set-up, failed
        // class lookups over every jar, a tenth of a no-change rescan's open
        if (com.j256.ormlite.logger.LoggerFactory.getLogBackendFactory() == null) {
            com.j256.ormlite.logger.LoggerFactory.setLogBackendFactory(
                    new com.j256.ormlite.logger.Slf4jLoggingLogBackend.Slf4jLoggingLogBackendFactory());
        }
    }

    private final Path file;
    private final JdbcPooledConnectionSource connections;
    private final boolean readOnly;
    /** Writers of this process queue here, fairly, instead of polling SQLite's busy handler. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final SqliteLibraryRepository libraries;
    private final SqliteBookRepository books;
    private final SqliteFileRepository files;
    private final SqliteBookSearch search;
    private final SqliteExcludedFileRepository excluded;
    private final SearchIndex index;

    private Database(Path file, JdbcPooledConnectionSource connections, boolean readOnly) {
        this.file = file;
        this.connections = connections;
        this.readOnly = readOnly;
        Jdbc jdbc = new Jdbc(connections);
        this.libraries = new SqliteLibraryRepository(jdbc);
        this.index = new SearchIndex(jdbc);
        this.books = new SqliteBookRepository(jdbc, index);
        this.files = new SqliteFileRepository(jdbc, index);
        this.search = new SqliteBookSearch(jdbc, index);
        this.excluded = new SqliteExcludedFileRepository(jdbc);
    }

    /**
     * Opens the database {@code file}, creating it and its folder owner-only ({@link PrivateFiles}) when new. In a
     * data folder that cannot be written (a read-only mount, no write permission) it is opened read-only: everything
     * can be read, and every write is refused up front with {@link ReadOnlyDataException}.
     */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            boolean readOnly = false;
            if (folder != null) {
                createFolder(folder);
                readOnly = !Files.isWritable(folder) || Files.exists(absolute) && !Files.isWritable(absolute);
            }
            if (readOnly && !Files.exists(absolute)) {
                throw new ReadOnlyDataException(folder, "Colophon cannot create its database there");
            }
            if (!readOnly && folder != null) {
                SqliteNativeCache.use(folder.resolve("native"));
                // SQLite gives its WAL and shared-memory files the database file's permissions
                PrivateFiles.createFile(absolute);
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path companion = Path.of(absolute + suffix);
                    if (Files.exists(companion)) {
                        PrivateFiles.restrict(companion);
                    }
                }
            }
            Database db = readOnly ? openReadOnly(absolute) : new Database(absolute, new CachingConnectionSource(
                    "jdbc:sqlite:" + absolute + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true"
                            + "&transaction_mode=IMMEDIATE&temp_store=MEMORY&busy_timeout=" + BUSY_TIMEOUT_MS), false);
            db.connections.setMaxConnectionsFree(8);
            if (readOnly) {
                db.requireCurrentSchema();
            } else {
                db.inTransaction(() -> {
                    Jdbc.call(() -> Migrations.apply(db.connections));
                    if (db.books.searchIndexEmpty()) {
                        // books without search words: a database made before schema 5, indexed here, once
                        db.books.reindexAll();
                    }
                });
            }
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            PrivateFiles.createFolder(folder);
        } catch (IOException e) {
            if (!Files.isDirectory(folder)) {
                throw new IOException("cannot create the data folder " + folder + " (" + e + ")", e);
            }
        }
    }

    /**
     * Read-only, without the WAL machinery that needs to write beside the database: {@code mode=ro} when a WAL may
     * hold the latest changes (a Colophon that did not close), else {@code immutable=1} — nothing can change a
     * database in a folder nobody may write, and SQLite then needs no shared-memory file.
     */
    private static Database openReadOnly(Path file) throws SQLException {
        String uri = "jdbc:sqlite:file:" + file.toString().replace("%", "%25").replace("?", "%3f").replace("#", "%23")
                + "?foreign_keys=true&busy_timeout=" + BUSY_TIMEOUT_MS + "&mode=ro";
        Path wal = Path.of(file + "-wal");
        if (Files.exists(wal) && wal.toFile().length() > 0) {
            Database db = new Database(file, new CachingConnectionSource(uri), true);
            try {
                db.connections.releaseConnection(db.connections.getReadOnlyConnection(null));
                return db;
            } catch (SQLException cannotReadTheWal) {
                db.connections.closeQuietly();
                LOG.warn("Reading {} without the changes in its WAL, which cannot be opened read-only", file, cannotReadTheWal);
            }
        }
        return new Database(file, new CachingConnectionSource(uri + "&immutable=1"), true);
    }

    private void requireCurrentSchema() throws SQLException {
        DatabaseConnection c = connections.getReadOnlyConnection(null);
        try {
            long version = c.queryForLong("SELECT COALESCE(MAX(version), 0) FROM schema_version");
            if (version != Migrations.latestVersion()) {
                throw new ReadOnlyDataException(file.getParent(), "Colophon cannot update its database there (schema "
                        + version + ", this version needs " + Migrations.latestVersion() + ")");
            }
        } finally {
            connections.releaseConnection(c);
        }
    }

    /** Whether the data folder cannot be written: reads work, writes throw {@link ReadOnlyDataException}. */
    public boolean readOnly() {
        return readOnly;
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

    public BookSearch search() {
        return search;
    }

    public ExcludedFileRepository excluded() {
        return excluded;
    }

    /**
     * Runs {@code work} in one write transaction: all of it commits or none of it does. Nested calls join the
     * outer transaction.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (readOnly) {
            throw new ReadOnlyDataException(file.getParent(), "Colophon can show the library but not change it");
        }
        writeLock.lock();
        if (writeLock.getHoldCount() > 1) {
            // Joins the outer transaction as it is, without a savepoint of its own: a failed nested
            // TransactionManager call (ORMLite's savepoints on sqlite-jdbc) left the connection so that every later
            // transaction committed its writes even when its work threw.
            try {
                return work.get();
            } finally {
                writeLock.unlock();
            }
        }
        WriteFailures.forget();
        RuntimeException[] thrownByWork = new RuntimeException[1];
        try {
            return TransactionManager.callInTransaction(connections, () -> {
                try {
                    T result = work.get();
                    index.flush(); // the search rows the work gathered, in this transaction
                    return result;
                } catch (RuntimeException e) {
                    thrownByWork[0] = e;
                    throw e;
                }
            });
        } catch (SQLException e) {
            // A full disk first: SQLite has rolled back, and what ORMLite throws no longer says why.
            SQLException full = WriteFailures.full(thrownByWork[0] != null ? thrownByWork[0] : e);
            if (full != null && !(thrownByWork[0] instanceof DiskFullException)) {
                throw new DiskFullException(file, full);
            }
            // ORMLite rolls back, then wraps what the work threw; callers expect the original exception.
            if (thrownByWork[0] != null) {
                throw thrownByWork[0];
            }
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        } finally {
            index.discard(); // what a failed transaction gathered (a committed one has none left)
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
