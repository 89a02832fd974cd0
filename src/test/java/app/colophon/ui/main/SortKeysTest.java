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
        keys.reset(new java.util.IdentityHashMap<>(java.util.Map.of(book, SortKeys.computeAll(List.of(book), false)[0])));

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
}
