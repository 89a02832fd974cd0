package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edit} (manual values) and {@code resync} (DESIGN §5) end to end, with their exit codes. */
class CliEditAndResyncTest extends CliTest {

    private static final String SHERLOCK_PUBLISHER = "Standard Ebooks";

    private String id(long id) {
        return Long.toString(id);
    }

    @Test
    void editedTitleShowsInBookJsonWithSourceManual() {
        long book = scannedSherlock();

        Run edit = colophon("edit", "book", id(book), "--title", "A Study in Scarlet");
        JsonNode json = bookJson(book);

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(json.get("title").asText()).isEqualTo("A Study in Scarlet");
        assertThat(json.get("sources").get("title").asText()).isEqualTo("manual");
    }

    @Test
    void editedAuthorsAreSplitOnSemicolonsWithRolesInParentheses() {
        long book = scannedSherlock();

        colophon("edit", "book", id(book), "--authors", "Arthur Conan Doyle; Jane Roe (translator)");
        JsonNode json = bookJson(book);

        assertThat(contributors(json.get("authors")))
                .containsExactly("Arthur Conan Doyle (author)", "Jane Roe (translator)");
        assertThat(json.get("sources").get("authors").asText()).isEqualTo("manual");
    }

    @Test
    void editedSeriesTakesItsNumberAfterAHash() {
        long book = scannedSherlock();

        colophon("edit", "book", id(book), "--series", "Dune #2.5");

        assertThat(series(bookJson(book).get("series"))).containsExactly("Dune #2.5");
    }

    @Test
    void editWithAnEmptyTitleIsAManualClear() {
        long book = scannedSherlock();

        Run edit = colophon("edit", "book", id(book), "--title", "");
        JsonNode json = bookJson(book);

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(json.get("title").isNull()).as("title is null: %s", json.get("title")).isTrue();
        assertThat(json.get("sources").get("title").asText()).isEqualTo("manual");
    }

    @Test
    void manualClearSticksThroughAResync() {
        long book = scannedSherlock();
        colophon("edit", "book", id(book), "--title", "");

        JsonNode resynced = colophon("resync", "book", id(book), "--json").json();

        assertThat(resynced.get("book").get("title").isNull()).isTrue();
        assertThat(bookJson(book).get("title").isNull()).isTrue();
    }

    @Test
    void editedPublisherShowsInFileJsonWithSourceManual() {
        long book = scannedSherlock();
        long file = onlyFileId(book);

        Run edit = colophon("edit", "file", id(file), "--publisher", "Penguin");
        JsonNode json = bookJson(book).get("files").get(0);

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(json.get("publisher").asText()).isEqualTo("Penguin");
        assertThat(json.get("sources").get("publisher").asText()).isEqualTo("manual");
    }

    @Test
    void editBookWithoutAFieldIsAUsageError() {
        long book = scannedSherlock();

        colophon("edit", "book", id(book)).failsWith(Cli.USAGE);
    }

    @Test
    void editBookWithAFileFieldIsAUsageError() {
        long book = scannedSherlock();

        colophon("edit", "book", id(book), "--publisher", "Penguin").failsWith(Cli.USAGE);
    }

    /** Typed identifiers are stored as the readers store them (ISBNs without hyphens), so the two compare equal. */
    @Test
    void editedIdentifiersAreStoredLikeTheReadersStoreThem() {
        long book = scannedSherlock();
        long file = onlyFileId(book);

        colophon("edit", "file", id(file), "--identifiers", "isbn13:978-0-306-40615-7; 0-306-40615-2; asin:b000fc1pji");
        JsonNode identifiers = bookJson(book).get("files").get(0).get("identifiers");

        assertThat(elements(identifiers)).extracting(i -> i.get("type").asText() + ":" + i.get("value").asText())
                .containsExactly("isbn13:9780306406157", "isbn10:0306406152", "asin:B000FC1PJI");
    }

    @Test
    void editOfAnUnknownBookIsNotFound() {
        scannedSherlock();

        colophon("edit", "book", "999", "--title", "X").failsWith(Cli.NOT_FOUND);
    }

    @Test
    void editOfAnUnknownFileIsNotFound() {
        scannedSherlock();

        colophon("edit", "file", "999", "--publisher", "X").failsWith(Cli.NOT_FOUND);
    }

    @Test
    void editThenScanResyncOfTheBookKeepsTheManualTitle() {
        long book = scannedSherlock();
        colophon("edit", "book", id(book), "--title", "My Title");

        JsonNode resynced = colophon("resync", "book", id(book), "--json").json();

        assertThat(resynced.get("status").asText()).isEqualTo("updated");
        assertThat(resynced.get("book").get("title").asText()).isEqualTo("My Title");
        assertThat(resynced.get("book").get("sources").get("title").asText()).isEqualTo("manual");
        assertThat(bookJson(book).get("title").asText()).isEqualTo("My Title");
    }

    @Test
    void editThenRefreshResyncOfTheBookTakesTheTitleFromTheFile() {
        long book = scannedSherlock();
        colophon("edit", "book", id(book), "--title", "My Title");

        JsonNode resynced = colophon("resync", "book", id(book), "--refresh", "--json").json();

        assertThat(resynced.get("status").asText()).isEqualTo("updated");
        assertThat(resynced.get("book").get("title").asText()).isEqualTo(SHERLOCK_TITLE);
        assertThat(resynced.get("book").get("sources").get("title").asText()).isEqualTo("file_metadata");
        assertThat(bookJson(book).get("title").asText()).isEqualTo(SHERLOCK_TITLE);
    }

    @Test
    void editThenScanResyncOfTheFileKeepsTheManualPublisher() {
        long file = onlyFileId(scannedSherlock());
        colophon("edit", "file", id(file), "--publisher", "Penguin");

        JsonNode resynced = colophon("resync", "file", id(file), "--json").json();

        assertThat(resynced.get("status").asText()).isEqualTo("updated");
        assertThat(resynced.has("book")).isFalse();
        assertThat(resynced.get("file").get("id").asLong()).isEqualTo(file);
        assertThat(resynced.get("file").get("publisher").asText()).isEqualTo("Penguin");
        assertThat(resynced.get("file").get("sources").get("publisher").asText()).isEqualTo("manual");
    }

    @Test
    void editThenRefreshResyncOfTheFileTakesThePublisherFromTheFile() {
        long book = scannedSherlock();
        long file = onlyFileId(book);
        colophon("edit", "file", id(file), "--publisher", "Penguin");

        JsonNode resynced = colophon("resync", "file", id(file), "--refresh", "--json").json();

        assertThat(resynced.get("status").asText()).isEqualTo("updated");
        assertThat(resynced.get("file").get("publisher").asText()).isEqualTo(SHERLOCK_PUBLISHER);
        assertThat(resynced.get("file").get("sources").get("publisher").asText()).isEqualTo("file_metadata");
        assertThat(bookJson(book).get("files").get(0).get("publisher").asText()).isEqualTo(SHERLOCK_PUBLISHER);
    }

    /** DESIGN §5: a file resync refreshes the book-level fields from the file too. */
    @Test
    void refreshResyncOfTheFileAlsoRefreshesItsBooksTitle() {
        long book = scannedSherlock();
        long file = onlyFileId(book);
        colophon("edit", "book", id(book), "--title", "My Title");

        colophon("resync", "file", id(file), "--refresh", "--json").json();

        assertThat(bookJson(book).get("title").asText()).isEqualTo(SHERLOCK_TITLE);
    }

    @Test
    void resyncWithoutJsonSaysMetadataRefreshed() {
        long book = scannedSherlock();

        Run run = colophon("resync", "book", id(book), "--refresh");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue("Metadata refreshed");
    }

    @Test
    void resyncOfAFileDeletedFromDiskRemovesTheFileAndItsBook() throws IOException {
        copy("epub/stump-book.epub"); // another book keeps the folder available
        long book = scannedSherlock();
        long file = onlyFileId(book);
        Files.delete(booksFolder().resolve(Path.of(SHERLOCK).getFileName()));

        Run run = colophon("resync", "file", id(file), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json()).isEqualTo(parseJson(
                "{\"status\":\"removed\",\"fileDeleted\":true,\"bookDeleted\":true}"));
        colophon("book", id(book)).failsWith(Cli.NOT_FOUND);
    }

    @Test
    void resyncOfABookWhoseOnlyFileIsGoneRemovesTheBook() throws IOException {
        copy("epub/stump-book.epub"); // another book keeps the folder available
        long book = scannedSherlock();
        Files.delete(booksFolder().resolve(Path.of(SHERLOCK).getFileName()));

        Run run = colophon("resync", "book", id(book), "--json");

        assertThat(run.json()).isEqualTo(parseJson("{\"status\":\"removed\",\"fileDeleted\":true,\"bookDeleted\":true}"));
        assertThat(elements(colophon("books", "--json").json())).extracting(b -> b.get("id").asLong()).doesNotContain(book);
    }

    @ParameterizedTest(name = "resync {0} {1}")
    @CsvSource({"book, ''", "book, --refresh", "file, ''", "file, --refresh"})
    void resyncUnderAnUnmountedFolderExitsWith5AndKeepsTheEdit(String kind, String refresh) throws IOException {
        long book = scannedSherlock();
        long file = onlyFileId(book);
        assertThat(colophon("edit", "book", id(book), "--title", "PRECIOUS").exitCode()).isZero();
        Files.move(booksFolder(), temp.resolve("unmounted"));

        List<String> args = new java.util.ArrayList<>(List.of("resync", kind, id(kind.equals("book") ? book : file)));
        if (!refresh.isEmpty()) {
            args.add(refresh);
        }
        Run run = colophon(args.toArray(String[]::new)).failsWith(Cli.UNAVAILABLE);

        assertThat(run.err().strip()).isEqualTo("colophon: Library folder " + booksFolder().toAbsolutePath().normalize()
                + " is not available (unmounted?); nothing was changed");
        Files.move(temp.resolve("unmounted"), booksFolder());
        assertThat(bookJson(book).get("title").asText()).isEqualTo("PRECIOUS");
    }

    @Test
    void resetClearsManualValuesAndClearsAndReadsTheFileAgain() {
        long book = scannedSherlock();
        assertThat(colophon("edit", "book", id(book), "--title", "PRECIOUS", "--authors", "", "--tags", "x").exitCode())
                .isZero();

        Run run = colophon("resync", "book", id(book), "--reset");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Metadata reset");
        JsonNode json = bookJson(book);
        assertThat(json.get("title").asText()).isEqualTo(SHERLOCK_TITLE);
        assertThat(json.get("authors")).isNotEmpty();
        assertThat(json.get("tags")).isEmpty();
        assertThat(texts(json.get("sources"))).doesNotContain("manual");
    }

    @Test
    void resetOfAFileClearsItsManualValues() {
        long book = scannedSherlock();
        long file = onlyFileId(book);
        assertThat(colophon("edit", "file", id(file), "--publisher", "Mine").exitCode()).isZero();

        JsonNode json = colophon("resync", "file", id(file), "--reset", "--json").json();

        assertThat(json.get("status").asText()).isEqualTo("updated");
        assertThat(json.get("file").get("publisher").asText()).isEqualTo("Standard Ebooks");
        assertThat(json.get("file").get("bookId").asLong()).isEqualTo(book);
    }

    @Test
    void resetAndRefreshTogetherAreAUsageError() {
        long book = scannedSherlock();

        Run run = colophon("resync", "book", id(book), "--reset", "--refresh").failsWith(Cli.USAGE);

        assertThat(run.err()).contains("--refresh and --reset");
    }

    @Test
    void resyncOfTheOnlyFileOfAFolderThatIsGoneIsRefusedAsTheFolderLooksUnmounted() throws IOException {
        long book = scannedSherlock();
        Files.delete(booksFolder().resolve(Path.of(SHERLOCK).getFileName()));

        colophon("resync", "book", id(book)).failsWith(Cli.UNAVAILABLE);

        assertThat(bookJson(book).get("title").asText()).isEqualTo(SHERLOCK_TITLE);
    }

    @Test
    void resyncOfAnUnknownBookIsNotFound() {
        scannedSherlock();

        colophon("resync", "book", "999").failsWith(Cli.NOT_FOUND);
    }

    @Test
    void resyncOfAnUnknownFileIsNotFound() {
        scannedSherlock();

        colophon("resync", "file", "999", "--refresh").failsWith(Cli.NOT_FOUND);
    }

    @Test
    void resyncOfAFileThatBecameCorruptIsAParseErrorAndChangesNothing() {
        long book = scannedSherlock();
        long file = onlyFileId(book);
        JsonNode before = bookJson(book);
        corrupt(booksFolder().resolve(Path.of(SHERLOCK).getFileName()));

        Run run = colophon("resync", "file", id(file), "--refresh", "--json").failsWith(Cli.PARSE_ERROR);

        assertThat(run.err()).startsWith("colophon: Failed to parse EPUB: ");
        assertThat(run.out()).isEmpty();
        assertThat(bookJson(book)).isEqualTo(before);
    }

    @Test
    void resyncOfABookWhoseOnlyFileBecameCorruptIsAParseErrorAndChangesNothing() {
        long book = scannedSherlock();
        JsonNode before = bookJson(book);
        corrupt(booksFolder().resolve(Path.of(SHERLOCK).getFileName()));

        Run run = colophon("resync", "book", id(book), "--json").failsWith(Cli.PARSE_ERROR);

        assertThat(run.err()).startsWith("colophon: Failed to parse EPUB: ");
        assertThat(bookJson(book)).isEqualTo(before);
    }

    /** Overwrites a file with random bytes (not a ZIP), as a failing disk or a bad download would. */
    private static void corrupt(Path file) {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        try {
            Files.write(file, garbage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
