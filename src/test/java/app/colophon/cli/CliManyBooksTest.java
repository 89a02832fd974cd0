package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code resync book <id> <id>…} and {@code edit books <id>…}: many books in one command (issue #15). */
class CliManyBooksTest extends CliTest {

    private static final String ALICE_TITLE = "Alice's Adventures in Wonderland";

    private long sherlock;
    private long alice;

    @BeforeEach
    void scanTwoBooks() {
        copy("epub/stump-book.epub");
        sherlock = scannedSherlock();
        alice = bookIdTitled(ALICE_TITLE);
    }

    @Test
    void resyncOfSeveralBooksPrintsEachResultThenASummary() {
        Run run = colophon("resync", "book", id(sherlock), id(alice));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().filter(l -> l.equals("Metadata scanned"))).hasSize(2);
        assertThat(run.out()).contains("Book " + sherlock + "\n").contains("Book " + alice + "\n");
        assertThat(run.out().lines().reduce((a, b) -> b)).hasValue("Resynced 2 of 2 books, 0 failed");
    }

    @Test
    void resyncOfSeveralBooksGoesOnPastAnUnknownOneAndExitsNotFound() {
        colophon("edit", "book", id(alice), "--title", "Mine");

        Run run = colophon("resync", "book", id(sherlock), "999", id(alice), "--refresh").failsWith(Cli.NOT_FOUND);

        assertThat(run.err()).isEqualTo("colophon: book 999: No book with id 999\n");
        assertThat(run.out()).contains("Book " + sherlock + "\n").contains("Book " + alice + "\n")
                .endsWith("Resynced 2 of 3 books, 1 failed\n");
        assertThat(bookJson(alice).get("title").asText()).as("the book after the failing one was refreshed")
                .isEqualTo(ALICE_TITLE);
    }

    @Test
    void resyncOfSeveralBooksAsJsonIsOneArrayWithEachBooksResult() {
        Run run = colophon("resync", "book", id(sherlock), "999", "--json");

        assertThat(run.exitCode()).isEqualTo(Cli.NOT_FOUND);
        List<JsonNode> results = elements(parseJson(run.out()));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("id").asLong()).isEqualTo(sherlock);
        assertThat(results.get(0).get("status").asText()).isEqualTo("updated");
        assertThat(results.get(0).get("book").get("title").asText()).isEqualTo(SHERLOCK_TITLE);
        assertThat(results.get(1).get("id").asLong()).isEqualTo(999);
        assertThat(results.get(1).get("status").asText()).isEqualTo("failed");
        assertThat(results.get(1).get("error").asText()).isEqualTo("No book with id 999");
    }

    @Test
    void resyncOfSeveralBooksUnderAnUnmountedFolderExitsWith5AndKeepsTheirEdits() throws IOException {
        colophon("edit", "book", id(sherlock), "--title", "PRECIOUS");
        Files.move(booksFolder(), temp.resolve("unmounted"));

        Run run = colophon("resync", "book", id(sherlock), id(alice), "--refresh");

        assertThat(run.exitCode()).isEqualTo(Cli.UNAVAILABLE);
        assertThat(run.errLines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("colophon: book ")
                .contains(" is not available (unmounted?); nothing was changed"));
        Files.move(temp.resolve("unmounted"), booksFolder());
        assertThat(bookJson(sherlock).get("title").asText()).isEqualTo("PRECIOUS");
    }

    @Test
    void editBooksAddsATagToEveryBookAsAManualValue() {
        Run run = colophon("edit", "books", id(sherlock), id(alice), "--add-tag", "To read");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (long book : List.of(sherlock, alice)) {
            JsonNode json = bookJson(book);
            assertThat(texts(json.get("tags"))).contains("To read");
            assertThat(json.get("sources").get("tags").asText()).isEqualTo("manual");
        }
        assertThat(run.out()).contains("  tags: ").endsWith("Edited 2 books\n");
    }

    @Test
    void editBooksRemovesATagWhateverItsCase() {
        colophon("edit", "books", id(sherlock), id(alice), "--set-tags", "Keep; To read");

        colophon("edit", "books", id(sherlock), id(alice), "--remove-tag", "to READ");

        assertThat(texts(bookJson(sherlock).get("tags"))).containsExactly("Keep");
        assertThat(texts(bookJson(alice).get("tags"))).containsExactly("Keep");
    }

    @Test
    void editBooksSetsTheGenresSplitOnSemicolons() {
        colophon("edit", "books", id(sherlock), id(alice), "--set-genres", "Mystery; Classics");

        assertThat(texts(bookJson(sherlock).get("genres"))).containsExactly("Mystery", "Classics");
        assertThat(texts(bookJson(alice).get("genres"))).containsExactly("Mystery", "Classics");
    }

    @Test
    void editBooksAddsAndRemovesGenresInOneCommand() {
        colophon("edit", "books", id(sherlock), "--set-genres", "Mystery; Old");

        colophon("edit", "books", id(sherlock), "--add-genre", "Classics", "--remove-genre", "old");

        assertThat(texts(bookJson(sherlock).get("genres"))).containsExactly("Mystery", "Classics");
    }

    @Test
    void editBooksPutsTheBooksInASeriesWithItsNumber() {
        colophon("edit", "books", id(sherlock), id(alice), "--set-series", "Classics #3");

        assertThat(series(bookJson(sherlock).get("series"))).containsExactly("Classics #3.0");
        assertThat(series(bookJson(alice).get("series"))).containsExactly("Classics #3.0");
    }

    @Test
    void editBooksTakesTheBooksOutOfASeriesByName() {
        colophon("edit", "books", id(sherlock), "--set-series", "Holmes #1; Classics #3");

        colophon("edit", "books", id(sherlock), "--remove-series", "holmes");

        assertThat(series(bookJson(sherlock).get("series"))).containsExactly("Classics #3.0");
    }

    @Test
    void editBooksWithoutAnEditIsAUsageError() {
        colophon("edit", "books", id(sherlock)).failsWith(Cli.USAGE);
    }

    @Test
    void editBooksWithAnUnknownIdIsNotFoundAndChangesNoBook() {
        colophon("edit", "books", id(sherlock), "999", "--add-tag", "x").failsWith(Cli.NOT_FOUND);

        assertThat(texts(bookJson(sherlock).get("tags"))).doesNotContain("x");
    }

    @Test
    void editBooksWithATooLongValueIsAUsageErrorAndChangesNoBook() {
        Run run = colophon("edit", "books", id(sherlock), id(alice), "--add-tag", "ok", "--add-genre", "g".repeat(5_000))
                .failsWith(Cli.USAGE);

        assertThat(run.err()).contains("genres");
        assertThat(texts(bookJson(sherlock).get("tags"))).doesNotContain("ok");
        assertThat(texts(bookJson(alice).get("tags"))).doesNotContain("ok");
    }

    @Test
    void editBooksAsJsonPrintsEachEditedBook() {
        JsonNode json = colophon("edit", "books", id(alice), id(sherlock), "--add-tag", "x", "--json").json();

        assertThat(elements(json)).extracting(b -> b.get("id").asLong()).containsExactly(alice, sherlock);
        assertThat(elements(json)).allSatisfy(b -> assertThat(texts(b.get("tags"))).contains("x"));
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
