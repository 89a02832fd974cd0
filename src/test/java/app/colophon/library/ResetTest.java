package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Reset to file metadata" (DESIGN §5): every value of the book and its files cleared — manual values and manual
 * clears included — and read afresh from the files and paths, as a first scan would; a value no file has any more
 * is gone.
 */
class ResetTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Path epub;
    private Path audio;
    private long bookId;

    @BeforeEach
    void anEpubAndAnAudiobookAsOneBook() {
        lib = TestLibrary.create(temp);
        Corpus.copy("epub/idpf-trees.epub", lib.root); // keeps the folder available whatever happens to Alice
        epub = Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        bookId = lib.fileAt(epub).bookId();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void resetClearsManualValuesManualClearsAndValuesOnlyARemovedFileGave() throws IOException {
        // the audiobook alone gives the subtitle and the series
        assertThat(book().fields().text(BookField.SUBTITLE)).isEqualTo("Part Two");
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "My Alice").set(BookField.AUTHORS, List.of()).set(BookField.SERIES, List.of(new SeriesEntry("My Series", 1.0))).set(BookField.TAGS, List.of("mine")));
        Files.delete(audio);

        ResyncResult result = lib.app.resync().resyncBook(bookId, ResyncMode.RESET);

        assertThat(result).isInstanceOf(ResyncResult.Updated.class);
        Book book = book();
        assertThat(book.title()).isEqualTo("Alice's Adventures in Wonderland");
        assertThat(book.authors()).extracting(Contributor::name).containsExactly("Lewis Carroll");
        assertThat(book.fields().text(BookField.SUBTITLE)).isNull();
        assertThat(book.series()).isEmpty();
        assertThat(book.fields().<String>list(BookField.TAGS)).isEmpty();
        assertThat(book.fields().asMap().values()).noneMatch(v -> v.source() == Source.MANUAL);
        assertThat(lib.book(bookId).files()).extracting(BookFile::path).containsExactly(epub);
    }

    @Test
    void resetLooksLikeAFreshScanOfTheSameFiles() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "My Alice").set(BookField.DESCRIPTION, ""));
        lib.app.editor().editFile(lib.fileAt(epub).id(), Edits.ofFile().set(FileField.LANGUAGE, "fr").set(FileField.PUBLISHER, "Me"));

        lib.app.resync().resyncBook(bookId, ResyncMode.RESET);

        try (TestLibrary fresh = TestLibrary.create(temp.resolve("fresh"))) {
            Corpus.copy("epub/stump-book.epub", fresh.root, "Alice.epub");
            Corpus.copy("generated/gen-audiobook-chapters.m4b", fresh.root, "Alice.m4b");
            fresh.scan();
            BookWithFiles scanned = fresh.book(fresh.books().get(0).id());
            assertThat(book().fields()).isEqualTo(scanned.book().fields());
            assertThat(lib.fileAt(epub).fields()).isEqualTo(scanned.files().stream()
                    .filter(f -> f.path().getFileName().toString().equals("Alice.epub")).findFirst().orElseThrow().fields());
        }
    }

    @Test
    void aFileResetClearsTheFilesManualValuesAndKeepsTheBooks() {
        long fileId = lib.fileAt(epub).id();
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "My Alice"));
        lib.app.editor().editFile(fileId, Edits.ofFile().set(FileField.PUBLISHER, "Me").set(FileField.LANGUAGE, ""));

        ResyncResult.Updated result = (ResyncResult.Updated) lib.app.resync().resyncFile(fileId, ResyncMode.RESET);

        assertThat(result.file().fields().text(FileField.PUBLISHER)).isNull();
        assertThat(result.file().fields().text(FileField.LANGUAGE)).isEqualTo("en");
        assertThat(result.file().fields().asMap().values()).noneMatch(v -> v.source() == Source.MANUAL);
        assertThat(book().title()).isEqualTo("My Alice");
    }

    @Test
    void aResetUnderAnUnavailableFolderChangesNothing() throws IOException {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "My Alice"));
        Files.move(lib.root, temp.resolve("away"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lib.app.resync().resyncBook(bookId, ResyncMode.RESET))
                .isInstanceOf(LibraryUnavailableException.class);

        assertThat(book().title()).isEqualTo("My Alice");
    }

    private Book book() {
        return lib.book(bookId).book();
    }
}
