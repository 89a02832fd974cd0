package app.colophon.api;

import app.colophon.model.Edits;
import app.colophon.library.ScanReport;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.testsupport.Epubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests run concurrently with a library scan and with each other, like the window's resyncs: 200 resync
 * requests from 16 client threads while a scan reads 300 new files are all answered 200 with the right values.
 */
class ApiServerConcurrencyTest {

    private static final int RESYNCED = 200;
    private static final int ADDED_DURING = 300;
    private static final int CLIENT_THREADS = 16;

    @TempDir
    Path temp;

    private ApiFixture api;
    private final List<Long> bookIds = new ArrayList<>();

    /** 200 books retitled by hand whose files have a new author since, and 300 new files for the scan to find. */
    @BeforeEach
    void libraryWithEditedBooks() {
        api = ApiFixture.start(temp);
        for (int i = 0; i < RESYNCED; i++) {
            Epubs.write(api.lib.root.resolve("old" + i + ".epub"), "Old " + i, "Author " + i);
        }
        api.lib.scan();
        for (int i = 0; i < RESYNCED; i++) {
            Book b = api.lib.bookTitled("Old " + i);
            bookIds.add(b.id());
            api.lib.app.editor().editBook(b.id(), Edits.ofBook().set(BookField.TITLE, "Mine Old " + i));
        }
        for (int i = 0; i < RESYNCED; i++) {
            Epubs.write(api.lib.root.resolve("old" + i + ".epub"), "Old " + i, "New Author " + i);
        }
        for (int i = 0; i < ADDED_DURING; i++) {
            Epubs.write(api.lib.root.resolve("new" + i + ".epub"), "New " + i, null);
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void twoHundredResyncRequestsDuringALibraryScanAreAllAnsweredCorrectly() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        CountDownLatch scanStarted = new CountDownLatch(1);
        CompletableFuture<ScanReport> scan = CompletableFuture.supplyAsync(
                () -> api.lib.app.libraries().scan(api.lib.library.id(), p -> scanStarted.countDown(), () -> false));
        try {
            assertThat(scanStarted.await(2, TimeUnit.MINUTES)).as("the scan reports progress").isTrue();
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < RESYNCED; i++) {
                // Half the requests scan, half refresh; books and files alternate within each half.
                boolean refresh = i % 2 == 1;
                String kind = i % 4 < 2 ? "books" : "files";
                long id = kind.equals("books") ? bookIds.get(i) : api.lib.book(bookIds.get(i)).files().get(0).id();
                responses.add(clients.submit(() -> api.resync(kind, id, refresh)));
            }

            responses.get(0).get(2, TimeUnit.MINUTES);
            assertThat(scan).as("the scan is still running while requests are answered").isNotDone();
            for (int i = 0; i < RESYNCED; i++) {
                HttpResponse<String> response = responses.get(i).get(2, TimeUnit.MINUTES);
                JsonNode json = ApiFixture.json(response, 200);
                if (i % 4 < 2) {
                    assertThat(json.get("id").asLong()).isEqualTo(bookIds.get(i));
                    assertThat(json.get("title").asText()).isEqualTo(expectedTitle(i));
                    assertThat(json.get("authors").get(0).get("name").asText()).isEqualTo("New Author " + i);
                } else {
                    assertThat(json.get("path").asText()).endsWith("old" + i + ".epub");
                }
            }
            assertThat(scan.get(2, TimeUnit.MINUTES).filesFailed()).isZero();
        } finally {
            clients.shutdownNow();
        }

        assertThat(api.lib.books()).hasSize(RESYNCED + ADDED_DURING);
        for (int i = 0; i < RESYNCED; i++) {
            Book book = api.lib.book(bookIds.get(i)).book();
            assertThat(book.title()).as("book %d after a %s", i, i % 2 == 1 ? "refresh" : "scan").isEqualTo(expectedTitle(i));
            assertThat(book.authors()).extracting("name").containsExactly("New Author " + i);
        }
    }

    private static String expectedTitle(int i) {
        return i % 2 == 1 ? "Old " + i : "Mine Old " + i;
    }
}
