package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.SeriesEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sort keys ignore case, accents and a leading English article, as a reader scanning a shelf would. */
class SortKeysTest {

    @ParameterizedTest(name = "\"{0}\" sorts as \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            The Hobbit             | hobbit
            the   hobbit           | hobbit
            An Épée for Anna       | epee for anna
            A Tale of Two Cities   | tale of two cities
            Anna Karenina          | anna karenina
            Théâtre complet        | theatre complet
            Andromeda              | andromeda
            A                      | a
            Them                   | them
            """)
    void titleKeyFoldsCaseAccentsAndLeadingArticle(String title, String key) {
        BookSummary book = new BookSummary(1, 1, title, null, List.of(), List.of(), Instant.EPOCH, null);

        assertThat(SortKeys.compute(List.of(book)).get(book).title()).isEqualTo(key);
    }

    @ParameterizedTest(name = "\"{0}\" sorts as author \"{1}\", in a series as \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Émile Zola      | zola, emile      | emile zola
            ÅSA LARSSON     | larsson, asa     | asa larsson
            Plain Ascii     | ascii, plain     | plain ascii
            Stanisław Lem   | lem, stanisław   | stanisław lem
            """)
    void authorKeysAreFoldedSortNamesAndSeriesKeysKeepTheirArticles(String name, String authorKey, String seriesKey) {
        BookSummary book = new BookSummary(1, 1, "x", null, List.of(new Contributor(name, null)),
                List.of(new SeriesEntry("The " + name, 2.0)), Instant.EPOCH, null);

        SortKeys.Keys keys = SortKeys.compute(List.of(book)).get(book);

        assertThat(keys.author()).isEqualTo(authorKey);
        assertThat(keys.series()).isEqualTo("the " + seriesKey);
        assertThat(keys.seriesNumber()).isEqualTo(2.0);
    }

    @Test
    void theFilesOwnSortFormOfAnAuthorWinsOverTheDerivedOne() {
        BookSummary book = new BookSummary(1, 1, "x", null, List.of(new Contributor("Ursula K. Le Guin", null, "LeGuin, Ursula")),
                List.of(), Instant.EPOCH, null);

        assertThat(SortKeys.compute(List.of(book)).get(book).author()).isEqualTo("leguin, ursula");
    }

    @ParameterizedTest(name = "sort title \"{0}\" is used as given")
    @CsvSource(delimiter = '|', textBlock = """
            The Hobbit, or There and Back Again | the hobbit, or there and back again
            """)
    void explicitSortTitleKeepsItsArticle(String sortTitle, String key) {
        BookSummary book = new BookSummary(1, 1, "Hobbit", sortTitle, List.of(), List.of(), Instant.EPOCH, null);

        assertThat(SortKeys.compute(List.of(book)).get(book).title()).isEqualTo(key);
    }

    @Test
    void titleOnlyKeysHaveTheTitleKeyAndGetTheRestWhenCompleted() {
        BookSummary book = new BookSummary(1, 1, "The Hobbit", null, List.of(new Contributor("Émile Zola", null)),
                List.of(new SeriesEntry("Saga", 2.0)), Instant.EPOCH, null);
        SortKeys keys = new SortKeys();
        keys.reset(SortKeys.Table.of(List.of(book), SortKeys.computeAll(List.of(book), false)));

        assertThat(keys.of(book)).extracting(SortKeys.Keys::title, SortKeys.Keys::author, SortKeys.Keys::complete)
                .containsExactly("hobbit", null, false);
        assertThat(keys.complete(book)).isEqualTo(SortKeys.compute(List.of(book)).get(book));
        assertThat(keys.of(book).complete()).isTrue();
    }

    @Test
    void keysMadeOnSeveralThreadsComeInTheOrderOfTheBooks() {
        List<BookSummary> books = IntStream.range(0, 20_000)
                .mapToObj(i -> new BookSummary(i, 1, "The Title " + i, null, List.of(), List.of(), Instant.EPOCH, null))
                .toList();

        SortKeys.Keys[] keys = SortKeys.computeAll(books);

        assertThat(keys).hasSize(books.size());
        for (int i = 0; i < keys.length; i++) {
            assertThat(keys[i].title()).isEqualTo("title " + i);
        }
    }

    /**
     * Keys are found for every book whether its id has a slot in the table (dense or gapped ids) or not (ids too far
     * apart, or further apart than a long holds), and a summary that replaced a book gets its own keys, not the keys
     * of the summary it replaced.
     */
    @ParameterizedTest(name = "ids {0}, {1}, {2}")
    @CsvSource({"1, 2, 3", "10, 12, 15", "1, 1000, 100000", "-9223372036854775808, 0, 9223372036854775807"})
    void everyBookFindsItsOwnKeysWhateverItsId(long first, long second, long third) {
        List<BookSummary> books = List.of(titled(second, "Bravo"), titled(first, "Alpha"), titled(third, "Charlie"));
        SortKeys keys = new SortKeys();
        keys.reset(SortKeys.compute(books));
        BookSummary renamed = titled(second, "Delta");

        assertThat(books).extracting(b -> keys.of(b).title()).containsExactly("bravo", "alpha", "charlie");
        assertThat(keys.of(renamed).title()).isEqualTo("delta");
        assertThat(keys.of(books.get(0)).title()).isEqualTo("bravo");
    }

    /** Title-only keys are completed for books with a slot in the table (close ids) and books without (far apart). */
    @ParameterizedTest(name = "ids {0}, {1}")
    @CsvSource({"1, 2", "1, 1000000"})
    void completingKeysReachesBooksInTheTableAndOutsideIt(long first, long second) {
        List<BookSummary> books = List.of(by(first, "Ann Lee"), by(second, "Bo Ray"));
        SortKeys keys = new SortKeys();
        keys.reset(SortKeys.Table.of(books, SortKeys.computeAll(books, false)));

        keys.completeAll();

        assertThat(books).extracting(b -> keys.of(b).author()).containsExactly("lee, ann", "ray, bo");
        assertThat(books).allMatch(b -> keys.of(b).complete());
    }

    private static BookSummary by(long id, String author) {
        return new BookSummary(id, 1, "Title", null, List.of(new Contributor(author, null)), List.of(), Instant.EPOCH,
                null);
    }

    private static BookSummary titled(long id, String title) {
        return new BookSummary(id, 1, title, null, List.of(), List.of(), Instant.EPOCH, null);
    }
}
