package app.colophon.reliability;

import app.colophon.model.Edits;
import app.colophon.library.Colophon;
import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileField;
import app.colophon.model.Library;
import app.colophon.model.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A library folder that vanishes — renamed away, or an unmounted drive or share whose mount point is left empty or
 * holds a stray file — is reported unavailable by the scan, which scans the other folders and changes nothing
 * under it; a resync of its books is refused; when it comes back, the next scan finds every book as it was, the
 * user's edits included.
 */
class VanishedRootTest {

    private static final int PER_ROOT = 30;

    @TempDir
    Path temp;

    private Colophon app;
    private Library library;
    private Path shelf;
    private Path nas;
    private Map<Long, BookWithFiles> before;

    @BeforeEach
    void twoFoldersWithEditedBooks() {
        shelf = temp.resolve("shelf");
        nas = temp.resolve("nas");
        for (int i = 0; i < PER_ROOT; i++) {
            SampleBooks.epub(shelf.resolve("shelf-" + i + ".epub"), "Shelf " + i, "A");
            SampleBooks.pdf(nas.resolve("nas-" + i + ".pdf"), "Nas " + i, "B");
        }
        app = Colophon.open(temp.resolve("data"), new ScanTuning(2, 20, Duration.ofMillis(100), Duration.ofSeconds(30)));
        library = app.libraries().create("Library", List.of(shelf, nas));
        app.libraries().scan(library.id(), p -> { }, () -> false);
        for (Book b : app.libraries().books(library.id())) {
            if (b.title().endsWith(" 0") || b.title().endsWith(" 7")) {
                app.editor().editBook(b.id(), Edits.ofBook().set(BookField.TITLE, "Mine: " + b.title()).set(BookField.TAGS, List.of("kept")));
                long fileId = app.libraries().book(b.id()).orElseThrow().files().get(0).id();
                app.editor().editFile(fileId, Edits.ofFile().set(FileField.PUBLISHER, "My Publisher"));
            }
        }
        before = snapshot();
        assertThat(before).hasSize(2 * PER_ROOT);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aFolderRenamedAwayIsReportedUnavailableAndItsBooksComeBackIntactWithIt() throws IOException {
        Path away = temp.resolve("nas-renamed");
        Files.move(nas, away);

        ScanReport report = scan();

        assertThat(report.unavailableRoots()).singleElement().satisfies(u -> assertThat(u.message())
                .isEqualTo("Library folder " + nas + " is not available (unmounted?); nothing was changed"));
        assertThat(report.filesUnchanged()).isEqualTo(PER_ROOT); // the other folder was scanned
        assertThat(report.filesMissing()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        Files.move(away, nas);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder renamed away\treported; 60 of 60 books and 4 of 4 edits intact");
    }

    @Test
    void anUnmountedFolderLeftEmptyIsReportedUnavailableAndItsBooksComeBackIntactWithIt() throws IOException {
        // an unmounted mount point is an empty folder: the books are not gone, the share is just not there
        Path mounted = unmount();

        assertThat(scan().unavailableRoots()).extracting(ScanReport.FileError::path).containsExactly(nas);
        assertThat(snapshot()).isEqualTo(before);
        // a second attempt while it is still unmounted is refused the same way
        assertThat(scan().unavailableRoots()).extracting(ScanReport.FileError::path).containsExactly(nas);
        assertThat(snapshot()).isEqualTo(before);

        remount(mounted);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder unmounted (left empty)\treported; 60 of 60 books and 4 of 4 edits intact");
    }

    @Test
    void anUnmountedFolderWithOnlyJunkLeftInItIsStillRefused() throws IOException {
        // what a mount point may hold when nothing is mounted on it: hidden files, a non-book file
        Path mounted = unmount();
        Files.writeString(nas.resolve(".DS_Store"), "x");
        Files.writeString(nas.resolve("README.txt"), "mount the NAS here");

        assertThat(scan().unavailableRoots()).extracting(ScanReport.FileError::path).containsExactly(nas);
        assertThat(snapshot()).isEqualTo(before);

        remount(mounted);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder unmounted, only junk left\treported; nothing lost");
    }

    @Test
    void aStrayBookSavedOnTheBareMountPointIsNotImportedAndNothingIsMarkedMissing() throws IOException {
        Path mounted = unmount();
        SampleBooks.epub(nas.resolve("saved-while-away.epub"), "Stray", "C");

        ScanReport report = scan();

        assertThat(report.unavailableRoots()).extracting(ScanReport.FileError::path).containsExactly(nas);
        assertThat(report.booksAdded()).isZero();
        assertThat(report.filesMissing()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        remount(mounted);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tone stray book on the bare mount point\trefused; nothing lost");
    }

    @Test
    void theFoldersThatAreThereAreScannedWhileAnotherIsUnmounted() throws IOException {
        unmount();
        SampleBooks.epub(shelf.resolve("new-on-shelf.epub"), "New On Shelf", "D");

        ScanReport report = scan();

        assertThat(report.booksAdded()).isEqualTo(1);
        assertThat(app.libraries().books(library.id())).extracting(Book::title).contains("New On Shelf");
    }

    @ParameterizedTest(name = "{0} of a book")
    @EnumSource(ResyncMode.class)
    void aBookResyncUnderAnUnmountedFolderChangesNothingAndSaysWhy(ResyncMode mode) throws IOException {
        long bookId = editedBookUnder(nas);
        unmount();

        assertThatThrownBy(() -> app.resync().resyncBook(bookId, mode)).isInstanceOf(LibraryUnavailableException.class)
                .hasMessage("Library folder " + nas + " is not available (unmounted?); nothing was changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} of a file")
    @EnumSource(ResyncMode.class)
    void aFileResyncUnderARenamedAwayFolderChangesNothingAndSaysWhy(ResyncMode mode) throws IOException {
        long fileId = app.libraries().book(editedBookUnder(nas)).orElseThrow().files().get(0).id();
        Files.move(nas, temp.resolve("nas-renamed"));

        assertThatThrownBy(() -> app.resync().resyncFile(fileId, mode)).isInstanceOf(LibraryUnavailableException.class)
                .hasMessage("Library folder " + nas + " is not available (unmounted?); nothing was changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyBookResyncedWhileItsFolderIsUnmountedIsStillThereWithItsEditsWhenItComesBack() throws IOException {
        Path mounted = unmount();
        for (long id : before.keySet()) {
            try {
                app.resync().resyncBook(id, ResyncMode.REFRESH);
            } catch (LibraryUnavailableException refused) {
                // the books under the unmounted folder: refused, as they must be
            }
        }
        remount(mounted);
        ScanReport back = scan();
        assertThat(back.booksAdded() + back.filesMissing()).isZero();
        assertThat(editedCount(snapshot())).isEqualTo(2); // the two edited books under the shelf were refreshed
        assertThat(snapshot().keySet()).isEqualTo(before.keySet());
        assertThat(snapshot().values().stream().filter(b -> b.book().title().startsWith("Mine: Nas"))).hasSize(2);
    }

    private long editedBookUnder(Path root) {
        return before.values().stream().filter(b -> b.files().get(0).path().startsWith(root)
                && b.book().title().startsWith("Mine: ")).findFirst().orElseThrow().book().id();
    }

    /** What unmounting a share leaves: an empty mount point where the folder was. Returns where the books went. */
    private Path unmount() throws IOException {
        Path mounted = temp.resolve("nas-while-unmounted");
        Files.move(nas, mounted);
        Files.createDirectory(nas);
        return mounted;
    }

    /** Mounts the share again over whatever was left in the mount point. */
    private void remount(Path mounted) throws IOException {
        ChildJvm.deleteQuietly(nas);
        Files.move(mounted, nas);
    }

    private void assertBackUnchanged(ScanReport back) {
        assertThat(back.unavailableRoots()).isEmpty();
        assertThat(back.filesUnchanged()).isEqualTo(2 * PER_ROOT);
        assertThat(back.filesRead() + back.filesMissing() + back.booksMissing() + back.booksAdded()).isZero();
        Map<Long, BookWithFiles> after = snapshot();
        assertThat(after).isEqualTo(before);
        assertThat(editedCount(after)).isEqualTo(4);
    }

    private static long editedCount(Map<Long, BookWithFiles> books) {
        return books.values().stream().filter(b -> b.book().fields().source(BookField.TITLE) == Source.MANUAL
                && b.book().title().startsWith("Mine: ") && b.book().fields().list(BookField.TAGS).equals(List.of("kept"))
                && "My Publisher".equals(b.files().get(0).fields().text(FileField.PUBLISHER))).count();
    }

    private ScanReport scan() {
        return app.libraries().scan(library.id(), p -> { }, () -> false);
    }

    private Map<Long, BookWithFiles> snapshot() {
        Map<Long, BookWithFiles> all = new TreeMap<>();
        for (Book b : app.libraries().books(library.id())) {
            all.put(b.id(), app.libraries().book(b.id()).orElseThrow());
        }
        return all;
    }
}
