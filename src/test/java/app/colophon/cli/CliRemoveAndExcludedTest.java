package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code remove book} and {@code excluded} as a user runs them from a shell (issue #15). */
class CliRemoveAndExcludedTest extends CliTest {

    private static final String ALICE = "epub/stump-book.epub";

    private Path sherlockFile() {
        return booksFolder().resolve(Path.of(SHERLOCK).getFileName()).toAbsolutePath();
    }

    @Test
    void removeBookPrintsTheBookAndTheFileItExcludes() {
        long book = scannedSherlock();

        Run run = colophon("remove", "book", id(book));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("Removed book " + book + ": " + SHERLOCK_TITLE,
                "  excluded from scans: " + sherlockFile(),
                "Removed 1 book and 1 file from the library (files on disk untouched)");
        colophon("book", id(book)).failsWith(Cli.NOT_FOUND);
    }

    @Test
    void aRemovedBookStaysRemovedAfterTheNextScanAndItsFileStaysOnDisk() {
        long book = scannedSherlock();
        colophon("remove", "book", id(book));

        Run scan = scanBooksFolder();

        assertThat(scan.out()).contains("Books added: 0");
        assertThat(elements(colophon("books", "--json").json())).isEmpty();
        assertThat(sherlockFile()).exists();
    }

    @Test
    void removeBookAsJsonCountsAndNamesWhatWasRemoved() {
        copy(ALICE);
        long book = scannedSherlock();

        JsonNode json = colophon("remove", "book", id(book), "--json").json();

        assertThat(json.get("booksRemoved").asInt()).isEqualTo(1);
        assertThat(json.get("filesRemoved").asInt()).isEqualTo(1);
        assertThat(elements(json.get("books"))).singleElement().satisfies(b -> {
            assertThat(b.get("id").asLong()).isEqualTo(book);
            assertThat(b.get("title").asText()).isEqualTo(SHERLOCK_TITLE);
            assertThat(texts(b.get("excluded"))).containsExactly(sherlockFile().toString());
        });
        assertThat(elements(colophon("books", "--json").json())).hasSize(1);
    }

    @Test
    void removeOfAnUnknownBookIsNotFoundAndRemovesNothing() {
        long book = scannedSherlock();

        colophon("remove", "book", id(book), "999").failsWith(Cli.NOT_FOUND);

        assertThat(bookJson(book).get("title").asText()).isEqualTo(SHERLOCK_TITLE);
        assertThat(colophon("excluded").out()).isEqualTo("No excluded files\n");
    }

    @Test
    void excludedListsTheRemovedFileWithItsLibrary() {
        long book = scannedSherlock();
        colophon("remove", "book", id(book));

        JsonNode json = colophon("excluded", "--json").json();

        assertThat(elements(json)).singleElement().satisfies(e -> {
            assertThat(e.get("path").asText()).isEqualTo(sherlockFile().toString());
            assertThat(e.get("libraryId").asLong()).isPositive();
            assertThat(e.get("since").asText()).isNotBlank();
        });
        assertThat(colophon("excluded").out()).contains("\t" + sherlockFile() + "\texcluded since ");
    }

    @Test
    void restoringAnExcludedFileBringsItBackAtTheNextScan() {
        long book = scannedSherlock();
        colophon("remove", "book", id(book));

        Run restore = colophon("excluded", "--restore", sherlockFile().toString());
        scanBooksFolder();

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).isEqualTo("Restored " + sherlockFile() + ": the next scan imports it again\n");
        assertThat(bookIdTitled(SHERLOCK_TITLE)).isNotEqualTo(book);
        assertThat(colophon("excluded").out()).isEqualTo("No excluded files\n");
    }

    @Test
    void restoringAPathThatIsNotExcludedIsNotFound() {
        scannedSherlock();

        Run run = colophon("excluded", "--restore", sherlockFile().toString()).failsWith(Cli.NOT_FOUND);

        assertThat(run.err()).contains("is not excluded");
    }

    @Test
    void removingTheFolderForgetsItsExcludedFiles() {
        long book = scannedSherlock();
        colophon("remove", "book", id(book));

        colophon("folders", "remove", booksFolder().toString());

        assertThat(elements(colophon("excluded", "--json").json())).isEmpty();
    }

    @Test
    void theRemovedFilesNameIsShownEscaped() throws IOException {
        Path hostile = Files.move(copy(SHERLOCK), booksFolder().resolve("x\nFAKE: line\u001b[31m.epub"));
        scanBooksFolder();
        long book = bookIdTitled(SHERLOCK_TITLE);

        Run remove = colophon("remove", "book", id(book));
        Run excluded = colophon("excluded");

        assertThat(remove.out()).contains("x\\nFAKE: line\\x1b[31m.epub").doesNotContain("\u001b");
        assertThat(excluded.out()).contains("x\\nFAKE: line\\x1b[31m.epub").doesNotContain("\u001b");
        assertThat(excluded.out().lines()).noneMatch(l -> l.startsWith("FAKE"));
        assertThat(hostile).exists();
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
