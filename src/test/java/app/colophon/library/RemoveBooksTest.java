package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.Edits;
import app.colophon.model.ExcludedFile;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Removing books from the library (issue #15): records only, files untouched, and the removed files' paths
 * excluded so that no scan brings them back — until they are restored.
 */
class RemoveBooksTest {

    private static final String SHERLOCK = "epub/se-the-adventures-of-sherlock-holmes.epub";
    private static final String ALICE = "epub/stump-book.epub";

    @TempDir
    Path temp;

    private TestLibrary lib;
    private LibraryService libraries;
    private Path sherlock;
    private long sherlockId;

    @BeforeEach
    void scanTwoBooks() {
        lib = TestLibrary.create(temp);
        libraries = lib.app.libraries();
        sherlock = Corpus.copy(SHERLOCK, lib.root);
        Corpus.copy(ALICE, lib.root); // keeps the folder holding a known book once Sherlock is gone
        lib.scan();
        sherlockId = lib.fileAt(sherlock).bookId();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void removingABookDeletesItsBookAndFileRecords() {
        Removal removal = libraries.removeBooks(List.of(sherlockId));

        assertThat(removal).isEqualTo(new Removal(1, 1));
        assertThat(lib.findBook(sherlockId)).isEmpty();
        assertThat(lib.books()).hasSize(1);
    }

    @Test
    void removingABookLeavesItsFileOnDiskUntouched() throws IOException {
        byte[] before = Files.readAllBytes(sherlock);

        libraries.removeBooks(List.of(sherlockId));

        assertThat(Files.readAllBytes(sherlock)).isEqualTo(before);
    }

    @Test
    void aRemovedBookStaysRemovedAfterARescan() {
        libraries.removeBooks(List.of(sherlockId));

        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isZero();
        assertThat(lib.books()).extracting(Book::id).doesNotContain(sherlockId).hasSize(1);
        assertThat(lib.books()).extracting(b -> lib.book(b.id()).files().get(0).path()).doesNotContain(sherlock);
    }

    @Test
    void aRemovedFileIsListedAsExcludedFromItsLibrary() {
        libraries.removeBooks(List.of(sherlockId));

        assertThat(libraries.excluded(lib.library.id())).singleElement().satisfies(e -> {
            assertThat(e.libraryId()).isEqualTo(lib.library.id());
            assertThat(e.path()).isEqualTo(sherlock.toAbsolutePath());
        });
        assertThat(libraries.excluded(null)).extracting(ExcludedFile::path).containsExactly(sherlock.toAbsolutePath());
    }

    @Test
    void aRestoredFileComesBackAtTheNextScan() {
        libraries.removeBooks(List.of(sherlockId));

        boolean restored = libraries.restoreExcluded(sherlock);
        ScanReport report = lib.scan();

        assertThat(restored).isTrue();
        assertThat(report.booksAdded()).isEqualTo(1);
        assertThat(lib.fileAt(sherlock).bookId()).isNotEqualTo(sherlockId);
        assertThat(libraries.excluded(null)).isEmpty();
    }

    @Test
    void restoringAPathThatIsNotExcludedSaysSo() {
        assertThat(libraries.restoreExcluded(sherlock)).isFalse();
    }

    @Test
    void anExcludedPathIsNotTakenAsTheNewPlaceOfAMovedFile() throws IOException {
        Path copy = Corpus.copy(SHERLOCK, lib.root.resolve("copies"));
        lib.scan();
        long copyId = lib.fileAt(copy).bookId();
        lib.app.editor().editBook(copyId, Edits.ofBook().set(BookField.TITLE, "My copy"));
        libraries.removeBooks(List.of(sherlockId));

        Files.delete(copy); // the copy's record goes missing; the excluded file has the very same content
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isZero();
        assertThat(lib.book(copyId).files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(copy.toAbsolutePath());
            assertThat(f.missing()).isTrue();
        });
        assertThat(lib.book(copyId).book().title()).isEqualTo("My copy");
    }

    @Test
    void aRemovedFileRenamedOnDiskIsANewPathAndComesBackAsANewBook() throws IOException {
        libraries.removeBooks(List.of(sherlockId));

        Path renamed = Files.move(sherlock, lib.root.resolve("Sherlock (renamed).epub"));
        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isEqualTo(1);
        assertThat(lib.fileAt(renamed).bookId()).isNotEqualTo(sherlockId);
    }

    @Test
    void removingAnUnknownBookIsNotFoundAndRemovesNothing() {
        assertThatThrownBy(() -> libraries.removeBooks(List.of(sherlockId, 999_999L)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");

        assertThat(lib.findBook(sherlockId)).isPresent();
        assertThat(libraries.excluded(null)).isEmpty();
    }

    @Test
    void removingSeveralBooksCountsEachBookAndFile() {
        long alice = lib.books().stream().filter(b -> b.id() != sherlockId).findFirst().orElseThrow().id();

        Removal removal = libraries.removeBooks(List.of(sherlockId, alice));

        assertThat(removal).isEqualTo(new Removal(2, 2));
        assertThat(lib.books()).isEmpty();
        assertThat(libraries.excluded(lib.library.id())).hasSize(2);
    }

    @Test
    void removingTheFolderForgetsItsExclusions() {
        libraries.removeBooks(List.of(sherlockId));

        libraries.removeFolder(lib.root);

        assertThat(libraries.excluded(null)).isEmpty();
    }

    @Test
    void aFolderRemovedAndAddedAgainImportsTheOnceRemovedFile() {
        libraries.removeBooks(List.of(sherlockId));
        libraries.removeFolder(lib.root);

        libraries.addRoots(lib.library.id(), List.of(lib.root));
        lib.scan();

        assertThat(lib.fileAt(sherlock).bookId()).isNotEqualTo(sherlockId);
    }

    @Test
    void removingTheLibraryForgetsItsExclusions() {
        libraries.removeBooks(List.of(sherlockId));

        libraries.removeLibrary(lib.library.id());

        assertThat(libraries.excluded(null)).isEmpty();
    }
}
