package app.colophon.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Keeps sqlite-jdbc's native library in the data folder instead of letting the driver copy it out of its jar
 * into the temporary folder on every start. That copy (an OS probe that starts a process, an MD5 of 1 MB, a
 * write, a scan of the temp folder for stale copies) was about a tenth of a second of every command.
 *
 * <p>Only a hint to the driver: when the cached file cannot be loaded (another C library, a damaged copy) the
 * driver logs it and falls back to its own extraction, so the database still opens.
 */
final class SqliteNativeCache {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeCache.class);
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeCache() {
    }

    /** Points the driver at a copy under {@code cacheRoot}, making it first if needed. Never throws. */
    static synchronized void use(Path cacheRoot) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            // The folder name says which build of which driver this is, so an upgrade or another OS never reuses it.
            Path dir = cacheRoot.resolve(String.format(Locale.ROOT, "sqlite-jdbc-%s-%s-%s",
                    SQLiteJDBCLoader.getVersion(), System.getProperty("os.name"), System.getProperty("os.arch"))
                    .replaceAll("[^A-Za-z0-9._-]", "_"));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                extract(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, dir, lib);
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            LOG.info("SQLite's native library is not cached in {}; the driver extracts its own copy", cacheRoot, e);
        }
    }

    private static void extract(String resource, Path dir, Path lib) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in the sqlite-jdbc jar");
            }
            Files.createDirectories(dir);
            // Written beside and moved in whole, so a second process never loads a half-written library.
            Path partial = Files.createTempFile(dir, name(lib), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static String name(Path lib) {
        return lib.getFileName().toString();
    }
}
