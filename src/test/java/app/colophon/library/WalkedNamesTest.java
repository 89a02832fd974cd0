package app.colophon.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names the walk lists: a path whose bytes are not text in the file name encoding is reported, not listed,
 * whether the bad bytes are in the file's name or in a folder's above it; names in the encoding are listed, ASCII
 * or not. Runs with UTF-8 file names, as the build does.
 */
class WalkedNamesTest {

    @TempDir
    Path temp;

    @Test
    void aFileInAFolderWhoseNameIsNotUtf8IsReportedNotListed() throws Exception {
        shell("mkdir -p \"$(printf 'caf\\351')/deeper\" && touch \"$(printf 'caf\\351')/book.epub\" "
                + "\"$(printf 'caf\\351')/deeper/other.epub\" plain.epub", temp);

        LibraryWalker.Listing listing = LibraryWalker.walk(List.of(temp));

        assertThat(listing.files()).extracting(LibraryWalker.DiskFile::path).containsExactly(temp.resolve("plain.epub"));
        assertThat(listing.skipped()).hasSize(2).allSatisfy(error -> {
            assertThat(error.message()).isEqualTo("File name is not valid UTF-8; rename the file to import it");
            assertThat(error.path().getFileName().toString()).isIn("book.epub", "other.epub");
        });
    }

    @Test
    void aFileWhoseNameIsNotUtf8IsReportedNotListed() throws Exception {
        shell("mkdir ascii && touch \"ascii/$(printf 'caf\\351').epub\"", temp);

        LibraryWalker.Listing listing = LibraryWalker.walk(List.of(temp));

        assertThat(listing.files()).isEmpty();
        assertThat(listing.skipped()).singleElement().satisfies(error ->
                assertThat(error.message()).startsWith("File name is not valid UTF-8"));
    }

    @Test
    void namesInUtf8AreListedWhetherOrNotTheyAreAscii() throws IOException {
        Path accented = Files.createDirectories(temp.resolve("Émile Zola").resolve("plain"));
        Files.createFile(accented.resolve("Thérèse Raquin.epub"));
        Files.createFile(accented.resolve("Germinal.epub"));
        Files.createFile(temp.resolve("Émile Zola").resolve("Nana.epub"));

        LibraryWalker.Listing listing = LibraryWalker.walk(List.of(temp));

        assertThat(listing.files()).extracting(f -> temp.relativize(f.path()).toString()).containsExactlyInAnyOrder(
                "Émile Zola/plain/Thérèse Raquin.epub", "Émile Zola/plain/Germinal.epub", "Émile Zola/Nana.epub");
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void aNameInUtf8ThatHoldsTheReplacementCharacterItselfIsListed() throws IOException {
        Path odd = Files.createDirectories(temp.resolve("Odd \uFFFD folder"));
        Files.createFile(odd.resolve("Kim \uFFFD.epub"));

        LibraryWalker.Listing listing = LibraryWalker.walk(List.of(temp));

        assertThat(listing.files()).extracting(LibraryWalker.DiskFile::path).containsExactly(odd.resolve("Kim \uFFFD.epub"));
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void aRootWhoseNameIsNotAsciiListsItsFiles() throws IOException {
        Path root = Files.createDirectories(temp.resolve("Bibliothèque"));
        Files.createFile(root.resolve("Kim.epub"));

        assertThat(LibraryWalker.walk(List.of(root)).files()).extracting(LibraryWalker.DiskFile::path)
                .containsExactly(root.resolve("Kim.epub"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"UTF-8, NO_REPLACEMENT", "ISO-8859-1, ASCII", "windows-1252, ASCII", "UTF-16, NONE",
            "no-such-charset, NONE"})
    void namesAreJudgedByTheirTextOnlyInEncodingsWhereTheTextShowsIt(String charset, FileNameText.Judge judge) {
        assertThat(FileNameText.Judge.of(charset)).isEqualTo(judge);
    }

    @ParameterizedTest(name = "{0} in \"{1}\": {2}")
    @CsvSource({
        "NO_REPLACEMENT, Dune (1965) - Frank Herbert.epub, true",
        "NO_REPLACEMENT, Thérèse Raquin.epub, true",
        "NO_REPLACEMENT, caf\uFFFD.epub, false",
        "ASCII, Dune.epub, true",
        "ASCII, Thérèse Raquin.epub, false",
        "NONE, Dune.epub, false"})
    void aNameIsTakenAsItsOwnBytesOnlyWhenItsTextShowsIt(FileNameText.Judge judge, String name, boolean faithful) {
        assertThat(judge.faithful(name)).isEqualTo(faithful);
    }

    private static void shell(String command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
