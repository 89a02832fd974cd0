package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code missing}, {@code folders} and what a scan does with unmounted folders, moved files and overlapping
 * folders, as a user runs them from a shell.
 */
class CliMissingAndFoldersTest extends CliTest {

    private static final String ALICE = "epub/stump-book.epub";

    @Test
    void aFileDeletedFromDiskIsListedMissingWithItsBookAndEditsUntilRemoved() throws IOException {
        copy(ALICE);
        long book = scannedSherlock();
        long file = onlyFileId(book);
        assertThat(colophon("edit", "book", id(book), "--title", "PRECIOUS").exitCode()).isZero();
        Files.delete(booksFolder().resolve("se-the-adventures-of-sherlock-holmes.epub"));

        Run scan = scanBooksFolder();

        assertThat(scan.out()).contains("Books added: 0, updated: 0, missing: 1");
        JsonNode missing = colophon("missing", "--json").json();
        assertThat(elements(missing)).singleElement().satisfies(m -> {
            assertThat(m.get("id").asLong()).isEqualTo(file);
            assertThat(m.get("bookId").asLong()).isEqualTo(book);
            assertThat(m.get("missing").asBoolean()).isTrue();
            assertThat(m.get("bookTitle").asText()).isEqualTo("PRECIOUS");
        });
        assertThat(bookJson(book).get("title").asText()).isEqualTo("PRECIOUS");
        assertThat(bookJson(book).get("files").get(0).get("missing").asBoolean()).isTrue();

        Run removed = colophon("missing", "--remove");

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).isEqualTo("Removed 1 missing file and 1 book left without files" + System.lineSeparator());
        assertThat(elements(colophon("missing", "--json").json())).isEmpty();
        colophon("book", id(book)).failsWith(Cli.NOT_FOUND);
    }

    @Test
    void missingWithoutAnyPrintsThatThereAreNone() {
        scannedSherlock();

        assertThat(colophon("missing").out().strip()).isEqualTo("No missing files");
    }

    @Test
    void aMovedFileKeepsItsBookIdAndEditsThroughAScan() throws IOException {
        long book = scannedSherlock();
        assertThat(colophon("edit", "book", id(book), "--title", "PRECIOUS", "--tags", "a; b").exitCode()).isZero();
        Path moved = Files.createDirectories(booksFolder().resolve("Doyle")).resolve("Holmes.epub");
        Files.move(booksFolder().resolve("se-the-adventures-of-sherlock-holmes.epub"), moved);

        Run scan = scanBooksFolder();

        assertThat(scan.out()).contains("moved: 1, missing: 0");
        JsonNode json = bookJson(book);
        assertThat(json.get("title").asText()).isEqualTo("PRECIOUS");
        assertThat(texts(json.get("tags"))).containsExactly("a", "b");
        assertThat(json.get("files").get(0).get("path").asText()).isEqualTo(moved.toString());
    }

    @Test
    void aStrayFileOnTheBareMountPointIsRefusedWithExitCode5AndTheEditsComeBackWithTheFolder() throws IOException {
        copy(ALICE);
        long book = scannedSherlock();
        assertThat(colophon("edit", "book", id(book), "--title", "PRECIOUS").exitCode()).isZero();
        Path away = temp.resolve("unmounted");
        Files.move(booksFolder(), away);
        Files.createDirectory(booksFolder());
        app.colophon.testsupport.Epubs.write(booksFolder().resolve("stray.epub"), "Saved while the disk was away", null);

        Run refused = colophon("scan").failsWith(Cli.UNAVAILABLE);

        assertThat(refused.err()).contains("is not available (unmounted?); nothing was changed");
        assertThat(refused.out()).contains("Books added: 0, updated: 0, missing: 0");
        Files.delete(booksFolder().resolve("stray.epub"));
        Files.delete(booksFolder());
        Files.move(away, booksFolder());
        scanBooksFolder();
        assertThat(bookJson(book).get("title").asText()).isEqualTo("PRECIOUS");
        assertThat(elements(colophon("books", "--json").json())).hasSize(2);
    }

    @Test
    void foldersListsEachFolderWithItsLibraryAndBookCount() {
        copy(ALICE);
        scannedSherlock();

        JsonNode folders = colophon("folders", "--json").json();

        assertThat(elements(folders)).singleElement().satisfies(f -> {
            assertThat(f.get("path").asText()).isEqualTo(booksFolder().toAbsolutePath().normalize().toString());
            assertThat(f.get("library").asText()).isEqualTo("My Library");
            assertThat(f.get("books").asLong()).isEqualTo(2);
        });
        assertThat(colophon("folders").out().strip())
                .isEqualTo(booksFolder().toAbsolutePath().normalize() + "\tMy Library\t2 books");
    }

    @Test
    void foldersRemoveForgetsTheFolderAndItsBooksButNotTheFiles() {
        Path file = copy(ALICE);
        scannedSherlock();

        Run removed = colophon("folders", "remove", booksFolder().toString());

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("2 books and 2 files forgotten");
        assertThat(elements(colophon("books", "--json").json())).isEmpty();
        assertThat(elements(colophon("folders", "--json").json())).isEmpty();
        assertThat(file).exists();
    }

    @Test
    void foldersRemoveOfAFolderNoLibraryHasIsNotFound() {
        scannedSherlock();

        colophon("folders", "remove", temp.resolve("nowhere").toString()).failsWith(Cli.NOT_FOUND);
    }

    @Test
    void scanningAFolderInsideALibraryFolderIsAUsageErrorNamingTheFolder() throws IOException {
        scannedSherlock();
        Path inside = Files.createDirectories(booksFolder().resolve("inside"));

        Run run = colophon("scan", inside.toString()).failsWith(Cli.USAGE);

        assertThat(run.err()).contains("lies inside " + booksFolder().toAbsolutePath().normalize());
    }

    @Test
    void scanningASymlinkAliasOfALibraryFolderIsAUsageErrorNamingTheFolder() throws IOException {
        scannedSherlock();
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), booksFolder().toAbsolutePath());

        Run run = colophon("scan", alias.toString()).failsWith(Cli.USAGE);

        assertThat(run.err()).contains("is already in library \"My Library\" as " + booksFolder().toAbsolutePath().normalize());
        assertThat(elements(colophon("books", "--json").json())).hasSize(1);
    }

    @Test
    void missingAndFoldersPrintTheirHelp() {
        for (List<String> command : List.of(List.of("missing", "--help"), List.of("folders", "--help"),
                List.of("folders", "remove", "--help"))) {
            Run help = runRaw(command.toArray(String[]::new));
            assertThat(help.exitCode()).as(command.toString()).isZero();
            assertThat(help.out()).as(command.toString()).contains("Usage: colophon " + String.join(" ", command.subList(0, command.size() - 1)));
        }
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
