package app.colophon.library;

import app.colophon.model.Library;
import app.colophon.store.Database;
import app.colophon.store.FileRepository.Stamp;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scan knows of a library's files: read when the scan starts, or ahead of it for the scan of that library. */
class KnownFilesTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Database db;
    private Library library;
    private Path books;

    @BeforeEach
    void scanALibrary() throws IOException {
        lib = TestLibrary.create(temp);
        books = lib.root;
        Epubs.write(books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(books.resolve("Emma.epub"), "Emma", "Jane Austen");
        lib.scan();
        library = lib.library;
        db = Database.open(lib.app.dataDir().resolve(DataDirectory.DATABASE_FILE));
    }

    @AfterEach
    void close() {
        db.close();
        lib.close();
    }

    @Test
    void theFilesOfALibraryAreKnownByTheirPaths() {
        Map<Path, Stamp> known = new KnownFiles(db).read(library.id()).join();

        assertThat(known).containsOnlyKeys(books.resolve("Dune.epub"), books.resolve("Emma.epub"));
        assertThat(known.get(books.resolve("Dune.epub")).path()).isEqualTo(books.resolve("Dune.epub"));
    }

    @Test
    void aReadAheadIsTakenByTheReadOfItsLibraryOnce() {
        KnownFiles files = new KnownFiles(db);
        files.readAhead(library.id()).join();
        db.files().delete(db.files().findByPath(library.id(), books.resolve("Dune.epub")).orElseThrow().id());

        assertThat(files.read(library.id()).join()).as("what was read ahead").hasSize(2);
        assertThat(files.read(library.id()).join()).as("read anew").containsOnlyKeys(books.resolve("Emma.epub"));
    }

    @Test
    void aReadAheadOfAnotherLibraryIsDroppedNotTaken() {
        KnownFiles files = new KnownFiles(db);
        files.readAhead(library.id() + 1).join();

        assertThat(files.read(library.id()).join()).hasSize(2);
        assertThat(files.read(library.id() + 1).join()).as("dropped, not kept for a later read").isEmpty();
    }

    @Test
    void aReadAheadForTheDefaultScanOfANewDataFolderCreatesNoLibrary() {
        try (Colophon empty = Colophon.open(temp.resolve("new-data"))) {
            empty.libraries().readAheadForDefaultScan();

            assertThat(empty.libraries().libraries()).isEmpty();
        }
    }

    @Test
    void theDefaultScanAfterItsReadAheadFindsTheLibraryUnchanged() {
        lib.app.libraries().readAheadForDefaultScan();

        ScanReport report = lib.app.libraries().scan(library.id(), p -> { }, () -> false);

        assertThat(report.filesUnchanged()).isEqualTo(2);
        assertThat(report.filesRead()).isZero();
    }
}
