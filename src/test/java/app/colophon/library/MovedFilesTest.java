package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves and renames inside a library keep everything (DESIGN §4, Moves): the file's record, its id, its book, every
 * value and source — found by content, or by a unique identifier when the content changed too.
 */
class MovedFilesTest {

    private static final String SHERLOCK = "epub/se-the-adventures-of-sherlock-holmes.epub";

    @TempDir
    Path temp;

    private TestLibrary lib;

    @BeforeEach
    void open() {
        lib = TestLibrary.create(temp);
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aFileMovedIntoAnotherFolderKeepsItsRecordBookAndEdits() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);

        Path moved = move(file, lib.root.resolve("Doyle/Sherlock.epub"));
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isEqualTo(1);
        assertThat(report.booksAdded()).isZero();
        assertThat(report.filesMissing()).isZero();
        assertKept(before, moved);
    }

    @Test
    void aRenamedFileKeepsItsRecordBookAndEdits() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);

        Path renamed = move(file, lib.root.resolve("The Adventures (1892).epub"));
        lib.scan();

        assertKept(before, renamed);
    }

    @Test
    void aFileMovedToAnotherFolderOfTheLibraryKeepsItsRecordBookAndEdits() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other-root"));
        lib.app.libraries().addRoots(lib.library.id(), List.of(other));
        Epubs.write(other.resolve("Stays.epub"), "Stays", null);
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Corpus.copy("epub/stump-book.epub", lib.root); // the first folder keeps a file, so it stays available
        Edited before = scanAndEdit(file);

        Path moved = move(file, other.resolve("Sherlock.epub"));
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isEqualTo(1);
        assertKept(before, moved);
    }

    @Test
    void theLastBookOfAFolderMovedToAnotherFolderOfTheLibraryKeepsItsRecordBookAndEdits() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other-root"));
        lib.app.libraries().addRoots(lib.library.id(), List.of(other));
        Epubs.write(other.resolve("Stays.epub"), "Stays", null);
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);

        Path moved = move(file, other.resolve("Sherlock.epub"));
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isEqualTo(1);
        assertKept(before, moved);
        // the folder it left holds nothing the library knows any more: it is available, and empty
        assertThat(lib.scan().unavailableRoots()).isEmpty();
    }

    @Test
    void aFileMovedAndRewrittenElsewhereIsFoundByItsUniqueIdentifier() throws IOException {
        Corpus.copy("epub/stump-book.epub", lib.root); // a file in place keeps the folder available
        Path file = withIsbn(lib.root.resolve("Dune.epub"), "Dune", "9780441013593");
        Edited before = scanAndEdit(file);

        Files.delete(file);
        Path moved = withIsbn(lib.root.resolve("Herbert/Dune (Ace).epub"), "Dune: Ace Edition", "9780441013593");
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isEqualTo(1);
        assertKept(before, moved);
    }

    @Test
    void everyBookSortedIntoNewFoldersAtOnceIsFoundMovedAndTheFolderIsNotTakenForUnmounted() throws IOException {
        Path sherlock = Corpus.copy(SHERLOCK, lib.root);
        Path alice = Corpus.copy("epub/stump-book.epub", lib.root);
        Edited before = scanAndEdit(sherlock);

        Path movedSherlock = move(sherlock, lib.root.resolve("Doyle/" + sherlock.getFileName()));
        move(alice, lib.root.resolve("Carroll/" + alice.getFileName()));
        ScanReport report = lib.scan();

        assertThat(report.unavailableRoots()).isEmpty();
        assertThat(report.filesMoved()).isEqualTo(2);
        assertThat(lib.books()).hasSize(2);
        assertKept(before, movedSherlock);
    }

    @Test
    void aMoveWithANewModifiedTimeIsStillFoundByContent() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);

        Path moved = move(file, lib.root.resolve("elsewhere/Sherlock.epub"));
        Files.setLastModifiedTime(moved, FileTime.from(Instant.now().plusSeconds(60)));
        lib.scan();

        assertKept(before, moved);
    }

    @Test
    void filesSharingAPlaceholderIdentifierDoNotTakeEachOthersRecords() throws IOException {
        // Epubs.write gives every book the same UUID, as some tools do: an identifier shared by several files of
        // the library tells nothing about which one moved
        Path first = Epubs.write(lib.root.resolve("First.epub"), "First", null);
        Epubs.write(lib.root.resolve("Second.epub"), "Second", null);
        Edited before = scanAndEdit(first);

        Files.delete(first);
        Epubs.write(lib.root.resolve("Third.epub"), "Third", null);
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isZero();
        assertThat(report.booksAdded()).isEqualTo(1);
        assertThat(lib.book(before.bookId()).files()).singleElement().satisfies(f -> assertThat(f.missing()).isTrue());
    }

    @Test
    void twoIdenticalCopiesKeepTheirOwnRecordsWhenOneOfThemMoves() throws IOException {
        Path a = Corpus.copy(SHERLOCK, lib.root.resolve("a"));
        Path b = Corpus.copy(SHERLOCK, lib.root.resolve("b"));
        lib.scan();
        long bookA = lib.fileAt(a).bookId();
        long bookB = lib.fileAt(b).bookId();
        lib.app.editor().editBook(bookA, Edits.ofBook().set(BookField.TITLE, "Copy A"));
        lib.app.editor().editBook(bookB, Edits.ofBook().set(BookField.TITLE, "Copy B"));

        Path movedA = move(a, lib.root.resolve("c/" + a.getFileName()));
        Path thirdCopy = Corpus.copy(SHERLOCK, lib.root.resolve("d"));
        lib.scan();

        assertThat(lib.fileAt(movedA).bookId()).isEqualTo(bookA);
        assertThat(lib.fileAt(b).bookId()).isEqualTo(bookB);
        assertThat(lib.book(bookA).book().title()).isEqualTo("Copy A");
        assertThat(lib.book(bookB).book().title()).isEqualTo("Copy B");
        assertThat(lib.fileAt(thirdCopy).bookId()).isNotIn(bookA, bookB);
    }

    @Test
    void aCopyOfAFileOnDiskIsANewBookAndNeverTakesTheOriginalsRecord() throws IOException {
        Path original = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(original);

        Path copy = Corpus.copy(SHERLOCK, lib.root.resolve("copies"));
        ScanReport report = lib.scan();

        assertThat(report.filesMoved()).isZero();
        assertThat(report.booksAdded()).isEqualTo(1);
        assertKept(before, original);
        assertThat(lib.fileAt(copy).bookId()).isNotEqualTo(before.bookId());
    }

    @Test
    void ofTwoIdenticalNewCopiesTheOneWithTheMovedFilesNameTakesItsRecord() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root, "Sherlock.epub");
        Edited before = scanAndEdit(file);

        Files.delete(file);
        Path otherName = Corpus.copy(SHERLOCK, lib.root.resolve("x"), "Another Name.epub");
        Path sameName = Corpus.copy(SHERLOCK, lib.root.resolve("y"), "Sherlock.epub");
        lib.scan();

        assertKept(before, sameName);
        assertThat(lib.fileAt(otherName).bookId()).isNotEqualTo(before.bookId());
    }

    @Test
    void aFileMovedWhileColophonWasClosedIsFoundAtTheNextStart() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);
        lib.close();

        Path moved = move(file, lib.root.resolve("sorted/Sherlock.epub"));
        try (Colophon reopened = Colophon.open(temp.resolve("data"))) {
            ScanReport report = reopened.libraries().scan(lib.library.id(), p -> { }, () -> false);
            assertThat(report.filesMoved()).isEqualTo(1);
        }
        lib = TestLibrary.reopen(temp, lib.library);
        assertKept(before, moved);
    }

    @Test
    void aFileThatTurnsUpElsewhereAfterAScanMarkedItMissingTakesItsRecordBack() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Corpus.copy("epub/stump-book.epub", lib.root);
        Edited before = scanAndEdit(file);
        Path parked = move(file, temp.resolve("outside/Sherlock.epub"));
        assertThat(lib.scan().filesMissing()).isEqualTo(1);
        assertThat(lib.fileAt(file).missing()).isTrue();

        Path back = move(parked, lib.root.resolve("back/Sherlock.epub"));
        lib.scan();

        assertKept(before, back);
    }

    @Test
    void aMissingFileBackAtItsOwnPathIsOnDiskAgainWithItsEdits() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Corpus.copy("epub/stump-book.epub", lib.root);
        Edited before = scanAndEdit(file);
        Path parked = move(file, temp.resolve("outside/Sherlock.epub"));
        lib.scan();

        move(parked, file);
        lib.scan();

        assertKept(before, file);
    }

    @Test
    void aBookMovedIntoANewFolderTakesFilesAddedBesideItLater() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root, "Sherlock.epub");
        Edited before = scanAndEdit(file);
        Path moved = move(file, lib.root.resolve("Doyle/Sherlock.epub"));
        lib.scan();

        Corpus.copy("generated/gen-audiobook-chapters.m4b", moved.getParent(), "Sherlock.m4b");
        lib.scan();

        assertThat(lib.book(before.bookId()).files()).hasSize(2);
        assertKept(before, moved);
    }

    @Test
    void aFileDeletedFromDiskIsMarkedMissingWithItsEditsUntilRemoved() throws IOException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Corpus.copy("epub/stump-book.epub", lib.root);
        Edited before = scanAndEdit(file);
        Files.delete(file);

        ScanReport report = lib.scan();

        assertThat(report.filesMissing()).isEqualTo(1);
        assertThat(report.booksMissing()).isEqualTo(1);
        BookWithFiles kept = lib.book(before.bookId());
        assertThat(kept.book().title()).isEqualTo(before.title());
        assertThat(kept.files()).singleElement().satisfies(f -> {
            assertThat(f.missing()).isTrue();
            assertThat(f.fields().text(FileField.PUBLISHER)).isEqualTo("My Press");
        });
        assertThat(lib.app.libraries().summary(before.bookId()).orElseThrow().missing()).isTrue();
        assertThat(lib.app.libraries().missing(lib.library.id())).extracting(m -> m.file().id()).containsExactly(before.fileId());

        Removal removal = lib.app.libraries().removeMissing(lib.library.id());

        assertThat(removal).isEqualTo(new Removal(1, 1));
        assertThat(lib.findBook(before.bookId())).isEmpty();
        assertThat(lib.books()).extracting(Book::title).containsExactly("Alice's Adventures in Wonderland");
    }

    @Test
    void unchangedFilesAreNeverFingerprintedAgain() throws IOException, SQLException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        lib.scan();
        assertThat(lib.fileAt(file).fingerprint()).startsWith("v1:");
        sql("UPDATE book_file SET fingerprint = NULL");

        assertThat(lib.scan().filesUnchanged()).isEqualTo(1);

        assertThat(lib.fileAt(file).fingerprint()).isNull();
    }

    @Test
    void aFileRecordedWithoutFingerprintByAnOlderVersionIsFoundByItsSizeAndName() throws IOException, SQLException {
        Path file = Corpus.copy(SHERLOCK, lib.root);
        Edited before = scanAndEdit(file);
        sql("UPDATE book_file SET fingerprint = NULL");

        Path moved = move(file, lib.root.resolve("sorted/" + file.getFileName()));
        lib.scan();

        assertKept(before, moved);
    }

    // ------------------------------------------------------------------ helpers

    private record Edited(long bookId, long fileId, String title) {
    }

    /** Scans, then edits the title, the tags and the file's publisher by hand. */
    private Edited scanAndEdit(Path file) {
        lib.scan();
        BookFile record = lib.fileAt(file);
        String title = "Mine: " + file.getFileName();
        lib.app.editor().editBook(record.bookId(), Edits.ofBook().set(BookField.TITLE, title).set(BookField.TAGS, List.of("kept", "mine")));
        lib.app.editor().editFile(record.id(), Edits.ofFile().set(FileField.PUBLISHER, "My Press"));
        return new Edited(record.bookId(), record.id(), title);
    }

    private void assertKept(Edited before, Path now) {
        BookFile record = lib.fileAt(now);
        assertThat(record.id()).as("file id").isEqualTo(before.fileId());
        assertThat(record.bookId()).as("book id").isEqualTo(before.bookId());
        assertThat(record.missing()).isFalse();
        assertThat(record.fields().text(FileField.PUBLISHER)).isEqualTo("My Press");
        assertThat(record.fields().source(FileField.PUBLISHER)).isEqualTo(Source.MANUAL);
        Book book = lib.book(before.bookId()).book();
        assertThat(book.title()).isEqualTo(before.title());
        assertThat(book.fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
        assertThat(book.fields().<String>list(BookField.TAGS)).containsExactly("kept", "mine");
        assertThat(lib.books()).extracting(Book::id).doesNotHaveDuplicates();
    }

    private static Path move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.move(from, to);
    }

    private static Path withIsbn(Path file, String title, String isbn) {
        return Epubs.writeOpf(file, Epubs.metadata(title, "Frank Herbert")
                + "<dc:identifier>urn:isbn:" + isbn + "</dc:identifier>");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("data/colophon.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
