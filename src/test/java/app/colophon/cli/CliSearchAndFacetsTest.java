package app.colophon.cli;

import app.colophon.testsupport.Epubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code books --search} and {@code facets}: the window's search and browser on the command line. */
class CliSearchAndFacetsTest extends CliTest {

    private void scanThreeBooks() {
        copy(SHERLOCK); // Arthur Conan Doyle, series "Sherlock Holmes", en-GB
        copy("epub/epubcheck-Issue25.epub"); // the same title without a series, by "Sir Conan Doyle"
        Epubs.write(booksFolder().resolve("eyre.epub"), "Jane Eyre", "Charlotte Brontë");
        scanBooksFolder();
    }

    @Test
    void booksSearchSeriesSherlockPrintsOnlyTheBookOfThatSeries() {
        scanThreeBooks();

        Run run = colophon("books", "--search", "series:\"Sherlock\"");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).singleElement().asString()
                .endsWith("\t" + SHERLOCK_TITLE + "\tArthur Conan Doyle\tSherlock Holmes #3");
    }

    @Test
    void booksSearchJsonListsTheMatchingBooksAsBooksJsonDoes() {
        scanThreeBooks();

        JsonNode found = colophon("books", "--search", "author:bronte", "--json").json();

        assertThat(elements(found)).singleElement().satisfies(b -> assertThat(b.get("title").asText()).isEqualTo("Jane Eyre"));
        assertThat(found.get(0)).isEqualTo(elements(colophon("books", "--json").json()).stream()
                .filter(b -> b.get("title").asText().equals("Jane Eyre")).findFirst().orElseThrow());
    }

    @Test
    void booksSearchThatFindsNothingPrintsNothingAndSucceeds() {
        scanThreeBooks();

        Run run = colophon("books", "--search", "author:tolkien");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedSearchIsAUsageErrorOnOneLine() {
        scanThreeBooks();

        Run run = colophon("books", "--search", "has:covers", "--json").failsWith(Cli.USAGE);

        assertThat(run.err()).contains("has:error or has:missing");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void facetsJsonHasTheSixListsOfNamesAndCounts() {
        scanThreeBooks();

        JsonNode facets = colophon("facets", "--json").json();

        assertThat(fieldNames(facets)).containsExactly("authors", "series", "genres", "tags", "formats", "languages");
        assertThat(elements(facets.get("authors"))).allSatisfy(a -> assertThat(fieldNames(a)).containsExactly("name", "count"));
        // sort names: Brontë, Doyle Arthur Conan, Doyle Conan ("Sir" dropped)
        assertThat(elements(facets.get("authors"))).extracting(a -> a.get("name").asText())
                .containsExactly("Charlotte Brontë", "Arthur Conan Doyle", "Sir Conan Doyle");
        assertThat(facets.get("formats").get(0).get("name").asText()).isEqualTo("epub");
        assertThat(facets.get("formats").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(elements(facets.get("series"))).extracting(s -> s.get("name").asText()).containsExactly("Sherlock Holmes");
    }

    @Test
    void facetsTextPrintsAHeadedListPerKindWithCounts() {
        scanThreeBooks();

        List<String> lines = colophon("facets").out().lines().toList();

        assertThat(lines).contains("Authors (3)", "  Charlotte Brontë\t1", "Series (1)", "  Sherlock Holmes\t1",
                "Formats (1)", "  epub\t3", "Problems (0)");
    }
}
