package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §5: no locking; a resync may run while a library scan runs, and neither may fail. */
class ConcurrentResyncTest {

    private static final int RESYNCED = 200;
    private static final int ADDED_DURING = 300;

    @TempDir
    Path temp;

    private TestLibrary lib;
    private final List<Long> bookIds = new ArrayList<>();

    @BeforeEach
    void libraryWithEditedBooks() {
        lib = TestLibrary.create(temp);
        for (int i = 0; i < RESYNCED; i++) {
            Epubs.write(lib.root.resolve("old" + i + ".epub"), "Old " + i, "Author " + i);
        }
        lib.scan();
        for (Book b : lib.books()) {
            bookIds.add(b.id());
            lib.app.editor().editBook(b.id(), Edits.ofBook().set(BookField.TITLE, "Mine " + b.title()));
        }
        for (int i = 0; i < RESYNCED; i++) {
            Epubs.write(lib.root.resolve("old" + i + ".epub"), "Old " + i, "New Author " + i);
        }
        for (int i = 0; i < ADDED_DURING; i++) {
            Epubs.write(lib.root.resolve("new" + i + ".epub"), "New " + i, null);
        }
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void twoHundredResyncsDuringALibraryScanAllSucceedWithTheRightValues() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<ScanReport> scan = threads.submit(lib::scan);
            List<Future<ResyncResult>> resyncs = new ArrayList<>();
            for (int i = 0; i < bookIds.size(); i++) {
                long id = bookIds.get(i);
                ResyncMode mode = i % 2 == 0 ? ResyncMode.SCAN : ResyncMode.REFRESH;
                resyncs.add(threads.submit(() -> lib.app.resync().resyncBook(id, mode)));
            }
            for (Future<ResyncResult> r : resyncs) {
                assertThat(r.get(2, TimeUnit.MINUTES)).isInstanceOf(ResyncResult.Updated.class);
            }
            assertThat(scan.get(2, TimeUnit.MINUTES).filesFailed()).isZero();
        } finally {
            threads.shutdownNow();
        }

        assertThat(lib.books()).hasSize(RESYNCED + ADDED_DURING);
        for (int i = 0; i < bookIds.size(); i++) {
            Book book = lib.book(bookIds.get(i)).book();
            String number = book.authors().get(0).name().replace("New Author ", "");
            assertThat(book.authors()).extracting("name").containsExactly("New Author " + number);
            String expected = i % 2 == 0 ? "Mine Old " + number : "Old " + number;
            assertThat(book.title()).as("book %d after a %s", book.id(), i % 2 == 0 ? "scan" : "refresh").isEqualTo(expected);
        }
    }
}
