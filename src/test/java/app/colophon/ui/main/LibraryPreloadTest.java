package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The books the window opens with: sorted, whatever order the last start left behind. */
class LibraryPreloadTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Preferences prefs;

    @BeforeEach
    void scanFourBooks() {
        lib = TestLibrary.create(temp);
        for (String title : List.of("Delta", "Alpha", "Charlie", "Bravo")) {
            Epubs.write(lib.root.resolve(title + ".epub"), title, "Author " + title);
        }
        lib.scan();
        prefs = Preferences.userRoot().node("colophon-test-" + UUID.randomUUID());
        prefs.putLong("library", lib.library.id());
    }

    @AfterEach
    void close() throws BackingStoreException {
        prefs.removeNode();
        lib.close();
    }

    @Test
    void theBooksComeSortedAndTheirOrderIsRememberedForTheNextStart() throws InterruptedException {
        LibraryPreload preload = LibraryPreload.load(lib.app.libraries(), prefs);

        assertThat(preload.books()).extracting(BookSummary::title).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        long[] ids = preload.books().stream().mapToLong(BookSummary::id).toArray();
        // written off the preload's thread, after it has handed the books over
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lib.app.libraries().shelfOrders().last(lib.library.id(), "TITLE").length == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lib.app.libraries().shelfOrders().last(lib.library.id(), "TITLE")).containsExactly(ids);
    }

    @Test
    void aStaleOrderFromTheLastStartStillGivesTheSortedOrder() {
        long alpha = lib.bookTitled("Alpha").id();
        long delta = lib.bookTitled("Delta").id();
        // Delta first, Alpha last, a book removed since, and Bravo and Charlie not named: added since
        lib.app.libraries().shelfOrders().remember(lib.library.id(), "TITLE", new long[] {delta, 999_999, alpha});

        LibraryPreload preload = LibraryPreload.load(lib.app.libraries(), prefs);

        assertThat(preload.books()).extracting(BookSummary::title).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        assertThat(preload.books()).allMatch(b -> preload.keys().get(b) != null);
    }

    /**
     * Ids one after another, with gaps (still found by their offset), and spread out (found by a binary search). The
     * last order names the third book, an id that is not there, the first book, the third again and an id below
     * the first.
     */
    @ParameterizedTest(name = "ids {0}, {1}, {2}, {3}")
    @CsvSource({"1, 2, 3, 4, 42, 0", "10, 11, 13, 14, 12, 9", "1, 100, 1000, 5000, 42, -7",
            "5, 6, 7, 9223372036854775807, 8, -9223372036854775808",
            "-9223372036854775808, -9223372036854775807, 9223372036854775806, 9223372036854775807, 0, -5"})
    void theLastOrderPutsTheBooksItNamesFirstThenTheOthersAsTheyCame(long a, long b, long c, long d, long absent,
                                                                      long below) {
        List<BookSummary> books = List.of(book(a, "a"), book(b, "b"), book(c, "c"), book(d, "d"));
        SortKeys.Keys[] keys = SortKeys.computeAll(books);

        Sorting.Keyed[] arranged = LibraryPreload.inOrder(books, keys, new long[] {c, absent, a, c, below});

        assertThat(arranged).extracting(k -> k.book().id()).containsExactly(c, a, b, d);
        assertThat(arranged).extracting(Sorting.Keyed::keys).containsExactly(keys[2], keys[0], keys[1], keys[3]);
    }

    @Test
    void summariesOutOfIdOrderPassTheLastOrderOver() {
        List<BookSummary> books = List.of(book(2, "b"), book(1, "a"), book(3, "c"));
        SortKeys.Keys[] keys = SortKeys.computeAll(books);

        Sorting.Keyed[] arranged = LibraryPreload.inOrder(books, keys, new long[] {3, 1, 2});

        assertThat(arranged).extracting(k -> k.book().id()).containsExactly(2L, 1L, 3L);
    }

    private static BookSummary book(long id, String title) {
        return new BookSummary(id, 1, title, null, List.of(Contributor.author("A")), List.of(), Instant.EPOCH, null);
    }
}
