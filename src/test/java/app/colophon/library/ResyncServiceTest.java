package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileFormat;
import app.colophon.model.Source;
import app.colophon.store.Database;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of DESIGN §5's resync table, for a book and for a file. */
class ResyncServiceTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private ResyncService resync;

    @BeforeEach
    void open() {
        lib = TestLibrary.create(temp);
        resync = lib.app.resync();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @ParameterizedTest
    @EnumSource(ResyncMode.class)
    void resyncingABookReturnsItUpdatedFromItsFile(ResyncMode mode) {
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();
        Epubs.write(file, "Dune", "Frank Patrick Herbert");

        ResyncResult result = resync.resyncBook(lib.bookTitled("Dune").id(), mode);

        assertThat(result).isInstanceOf(ResyncResult.Updated.class);
        BookWithFiles book = ((ResyncResult.Updated) result).book();
        assertThat(book.book().authors()).extracting("name").containsExactly("Frank Patrick Herbert");
        assertThat(book.files()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ResyncMode.class)
    void resyncingAFileReturnsTheFileAndRefreshesItsBook(ResyncMode mode) {
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();
        long fileId = lib.fileAt(file).id();
        Epubs.write(file, "Dune Messiah", "Frank Herbert");

        ResyncResult.Updated result = (ResyncResult.Updated) resync.resyncFile(fileId, mode);

        assertThat(result.file().id()).isEqualTo(fileId);
        assertThat(result.book().book().title()).isEqualTo("Dune Messiah");
    }

    @Test
    void unknownBookIdIsNotFound() {
        assertThatThrownBy(() -> resync.resyncBook(4242, ResyncMode.SCAN))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("4242");
    }

    @Test
    void unknownFileIdIsNotFound() {
        assertThatThrownBy(() -> resync.resyncFile(4242, ResyncMode.REFRESH))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("4242");
    }

    @Test
    void fileMissingOnDiskIsRemovedWithItsBookWhenItWasTheLastFile() throws IOException {
        Epubs.write(lib.root.resolve("Emma.epub"), "Emma", null); // keeps the folder available
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", null);
        lib.scan();
        long fileId = lib.fileAt(file).id();
        long bookId = lib.bookTitled("Dune").id();
        Files.delete(file);

        ResyncResult result = resync.resyncFile(fileId, ResyncMode.SCAN);

        assertThat(result).isEqualTo(new ResyncResult.Removed(true, true));
        assertThat(lib.findBook(bookId)).isEmpty();
    }

    @Test
    void deletedAudiobookOfAnEpubPlusM4bBookIsRemovedAndTheBookStays() throws IOException {
        Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        long audioId = lib.fileAt(audio).id();
        long bookId = lib.books().get(0).id();
        Files.delete(audio);

        ResyncResult result = resync.resyncFile(audioId, ResyncMode.SCAN);

        assertThat(result).isEqualTo(new ResyncResult.Removed(true, false));
        assertThat(lib.book(bookId).files()).extracting(BookFile::format).containsExactly(FileFormat.EPUB);
    }

    @Test
    void bookResyncDropsItsDeletedFileAndUpdatesFromTheOther() throws IOException {
        Path epub = Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        long bookId = lib.books().get(0).id();
        Files.delete(epub);

        ResyncResult.Updated result = (ResyncResult.Updated) resync.resyncBook(bookId, ResyncMode.REFRESH);

        assertThat(result.removedFiles()).containsExactly(epub.toAbsolutePath());
        assertThat(result.book().files()).extracting(BookFile::format).containsExactly(FileFormat.M4B);
        assertThat(result.book().book().title()).isEqualTo("The Generated Audiobook: Part Two");
    }

    @Test
    void bookWhoseFilesAreAllGoneIsRemoved() throws IOException {
        Epubs.write(lib.root.resolve("Emma.epub"), "Emma", null); // keeps the folder available
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", null);
        lib.scan();
        long bookId = lib.bookTitled("Dune").id();
        Files.delete(file);

        assertThat(resync.resyncBook(bookId, ResyncMode.SCAN)).isEqualTo(new ResyncResult.Removed(true, true));
        assertThat(lib.findBook(bookId)).isEmpty();
    }

    @Test
    void bookWithoutFilesIsRemovedAsAnOrphan() {
        Database db = Database.open(temp.resolve("data").resolve("colophon.db"));
        long orphanId;
        try {
            orphanId = db.inTransaction(() -> db.books().insert(lib.library.id(), lib.root.toString(), "orphan",
                    app.colophon.model.BookField.none().with(BookField.TITLE, "Orphan", Source.FILEPATH))).id();
        } finally {
            db.close();
        }

        assertThat(resync.resyncBook(orphanId, ResyncMode.SCAN)).isEqualTo(new ResyncResult.Removed(false, true));
        assertThat(lib.findBook(orphanId)).isEmpty();
    }

    @Test
    void corruptFileIsAParseErrorAndChangesNothing() throws IOException {
        Path file = Corpus.copy("epub/stump-book.epub", lib.root);
        lib.scan();
        BookFile before = lib.fileAt(file);
        Book bookBefore = lib.book(before.bookId()).book();
        Files.write(file, "not a zip".getBytes());

        assertThatThrownBy(() -> resync.resyncFile(before.id(), ResyncMode.REFRESH))
                .isInstanceOf(ParseFailedException.class).hasMessageStartingWith("Failed to parse EPUB: ");
        assertThat(lib.fileAt(file)).isEqualTo(before);
        assertThat(lib.book(before.bookId()).book()).isEqualTo(bookBefore);
    }

    @Test
    void bookWhoseFilesAllFailToParseIsAParseErrorAndChangesNothing() throws IOException {
        Path epub = Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        long bookId = lib.books().get(0).id();
        BookWithFiles before = lib.book(bookId);
        Files.write(epub, new byte[] {1});
        Files.write(audio, new byte[] {2});

        assertThatThrownBy(() -> resync.resyncBook(bookId, ResyncMode.SCAN))
                .isInstanceOf(ParseFailedException.class)
                .hasMessageContaining("Alice.epub: Failed to parse EPUB").hasMessageContaining("Alice.m4b: Failed to parse M4B");
        assertThat(lib.book(bookId)).isEqualTo(before);
    }

    @Test
    void bookWithOneBrokenFileIsUpdatedFromTheGoodOneAndNamesTheFailure() throws IOException {
        Path epub = Epubs.write(lib.root.resolve("Alice.epub"), "Alice", "Lewis Carroll");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        long bookId = lib.books().get(0).id();
        Epubs.write(epub, "Alice in Wonderland", "Lewis Carroll");
        Files.write(audio, new byte[] {2});

        ResyncResult.Updated result = (ResyncResult.Updated) resync.resyncBook(bookId, ResyncMode.SCAN);

        assertThat(result.book().book().title()).isEqualTo("Alice in Wonderland");
        assertThat(result.failures()).singleElement().asString().startsWith("Alice.m4b: Failed to parse M4B");
    }

    @Test
    void scanResyncTakesANewerFileValueOverAFilepathValue() {
        Path file = Epubs.write(lib.root.resolve("[Someone] Untitled.epub"), null, null);
        lib.scan();
        Book before = lib.bookTitled("Untitled");
        assertThat(before.fields().source(BookField.TITLE)).isEqualTo(Source.FILEPATH);
        Epubs.write(file, "The Real Title", null);

        ResyncResult.Updated result = (ResyncResult.Updated) resync.resyncBook(before.id(), ResyncMode.SCAN);

        assertThat(result.book().book().title()).isEqualTo("The Real Title");
        assertThat(result.book().book().fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
        assertThat(result.book().book().authors()).extracting("name").containsExactly("Someone");
    }

}
