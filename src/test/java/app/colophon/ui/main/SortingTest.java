package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.SeriesEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sort box's orders, for the grid's comparator and the preload's keyed sort alike. */
class SortingTest {

    private static final List<BookSummary> BOOKS = List.of(
            book(1, "The Zebra", "Émile Zola", null, null, 3),
            book(2, "apple", "Austen", "Saga", 2.0, 1),
            book(3, "Banana", "austen", "Saga", 1.0, 2),
            book(4, "Cherry", null, null, null, 2),
            book(5, "banana", null, null, null, 0));

    /** Each order with the ids of {@link #BOOKS} in the order it gives. */
    static Stream<Arguments> orders() {
        return Stream.of(Arguments.of(Sorting.TITLE, "2 3 5 4 1"), Arguments.of(Sorting.AUTHOR, "2 3 1 5 4"),
                Arguments.of(Sorting.SERIES, "3 2 5 4 1"), Arguments.of(Sorting.DATE_ADDED, "1 3 4 2 5"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orders")
    void eachOrderSortsByItsKeysThenTitleThenId(Sorting order, String expectedIds) {
        SortKeys keys = new SortKeys();
        keys.reset(SortKeys.compute(BOOKS));
        List<BookSummary> viaLookups = new ArrayList<>(BOOKS);
        viaLookups.sort(order.comparator(keys));
        Sorting.Keyed[] keyed = BOOKS.stream().map(b -> new Sorting.Keyed(keys.of(b), b)).toArray(Sorting.Keyed[]::new);
        Arrays.sort(keyed, order.keyedComparator());

        List<Long> expected = Stream.of(expectedIds.trim().split(" ")).map(Long::valueOf).toList();
        assertThat(viaLookups).extracting(BookSummary::id).isEqualTo(expected);
        assertThat(Stream.of(keyed).map(k -> k.book().id()).toList()).isEqualTo(expected);
    }

    /**
     * A window that opened sorted by title holds only title keys; sorting it by author or series makes the rest first,
     * and the order is the one complete keys give.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orders")
    void keysMadeForTheTitleOrderSortEveryOrderAsCompleteKeysDo(Sorting order, String expectedIds) {
        SortKeys.Keys[] titlesOnly = SortKeys.computeAll(BOOKS, false);
        SortKeys keys = new SortKeys();
        keys.reset(SortKeys.Table.of(BOOKS, titlesOnly));
        List<BookSummary> sorted = new ArrayList<>(BOOKS);

        sorted.sort(order.comparator(keys));

        assertThat(sorted).extracting(BookSummary::id)
                .isEqualTo(Stream.of(expectedIds.trim().split(" ")).map(Long::valueOf).toList());
        assertThat(BOOKS).allMatch(b -> keys.of(b).complete() == order.needsCompleteKeys());
    }

    private static BookSummary book(long id, String title, String author, String series, Double number, long added) {
        return new BookSummary(id, 1, title, null,
                author == null ? List.of() : List.of(new Contributor(author, null)),
                series == null ? List.of() : List.of(new SeriesEntry(series, number)),
                Instant.ofEpochSecond(added), null);
    }
}
