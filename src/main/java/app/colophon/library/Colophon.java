package app.colophon.library;

import app.colophon.formats.FormatReaders;
import app.colophon.store.Database;

import java.nio.file.Path;

/** The application's services over one data folder; what the window, the command line and the HTTP API share. */
public final class Colophon implements AutoCloseable {

    /** The local HTTP API's port unless told otherwise, for {@code colophon serve} and the window's setting alike. */
    public static final int API_PORT = 7711;

    private final Path dataDir;
    private final Database db;
    private final LibraryService libraries;
    private final ResyncService resync;
    private final MetadataEditor editor;
    private final CoverCache covers;

    private Colophon(Path dataDir, Database db, ScanTuning tuning) {
        this.dataDir = dataDir;
        this.db = db;
        MetadataExtractor extractor = new MetadataExtractor(FormatReaders.standard());
        this.libraries = new LibraryService(db, new LibraryScanner(db, extractor, tuning),
                new ShelfOrders(dataDir.resolve("cache")));
        this.resync = new ResyncService(db, extractor, tuning.fileBudget());
        this.editor = new MetadataEditor(db);
        this.covers = new CoverCache(db, dataDir.resolve("covers"));
    }

    public static Colophon open(Path dataDir) {
        return open(dataDir, ScanTuning.defaults());
    }

    public static Colophon open(Path dataDir, ScanTuning tuning) {
        return new Colophon(dataDir, Database.open(dataDir.resolve(DataDirectory.DATABASE_FILE)), tuning);
    }

    public Path dataDir() {
        return dataDir;
    }

    public LibraryService libraries() {
        return libraries;
    }

    public ResyncService resync() {
        return resync;
    }

    public MetadataEditor editor() {
        return editor;
    }

    public CoverCache covers() {
        return covers;
    }

    @Override
    public void close() {
        db.close();
    }
}
