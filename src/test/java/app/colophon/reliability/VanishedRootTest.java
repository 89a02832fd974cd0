package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.library.LibraryUnavailableException;
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
 * A library folder that vanishes — renamed away, or an unmounted drive or share whose mount point is left empty —
 * stops the scan with a clear error and deletes nothing; when it comes back, the next scan finds every book as it
 * was, the user's edits included.
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
                app.editor().editBook(b.id(), Map.of(BookField.TITLE, "Mine: " + b.title(), BookField.TAGS, List.of("kept")));
                long fileId = app.libraries().book(b.id()).orElseThrow().files().get(0).id();
                app.editor().editFile(fileId, Map.of(FileField.PUBLISHER, "My Publisher"));
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
    void aFolderRenamedAwayStopsTheScanAndItsBooksComeBackIntactWithIt() throws IOException {
        Path away = temp.resolve("nas-renamed");
        Files.move(nas, away);

        assertThatThrownBy(this::scan).isInstanceOf(LibraryUnavailableException.class)
                .hasMessageContaining(nas.toString()).hasMessageContaining("missing").hasMessageContaining("Nothing was removed");
        assertThat(snapshot()).isEqualTo(before);

        Files.move(away, nas);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder renamed away\tscan stopped; 60 of 60 books and 4 of 4 edits intact");
    }

    @Test
    void anUnmountedFolderLeftEmptyStopsTheScanAndItsBooksComeBackIntactWithIt() throws IOException {
        // an unmounted mount point is an empty folder: the books are not deleted, the share is just not there
        Path mounted = unmount();

        assertThatThrownBy(this::scan).isInstanceOf(LibraryUnavailableException.class)
                .hasMessageContaining(nas.toString()).hasMessageContaining("empty").hasMessageContaining("Nothing was removed");
        assertThat(snapshot()).isEqualTo(before);
        // a second attempt while it is still unmounted is refused the same way
        assertThatThrownBy(this::scan).isInstanceOf(LibraryUnavailableException.class);
        assertThat(snapshot()).isEqualTo(before);

        remount(mounted);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder unmounted (left empty)\tscan stopped; 60 of 60 books and 4 of 4 edits intact");
    }

    @Test
    void anUnmountedFolderWithOnlyJunkLeftInItIsStillRefused() throws IOException {
        // what a mount point may hold when nothing is mounted on it: hidden files, a non-book file
        Path mounted = unmount();
        Files.writeString(nas.resolve(".DS_Store"), "x");
        Files.writeString(nas.resolve("README.txt"), "mount the NAS here");

        assertThatThrownBy(this::scan).isInstanceOf(LibraryUnavailableException.class).hasMessageContaining("empty");
        assertThat(snapshot()).isEqualTo(before);

        remount(mounted);
        assertBackUnchanged(scan());
        System.out.println("RELIABILITY vanished\tfolder unmounted, only junk left\tscan stopped; nothing lost");
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
        assertThat(back.filesUnchanged()).isEqualTo(2 * PER_ROOT);
        assertThat(back.filesRead() + back.filesRemoved() + back.booksRemoved() + back.booksAdded()).isZero();
        Map<Long, BookWithFiles> after = snapshot();
        assertThat(after).isEqualTo(before);
        long edited = after.values().stream().filter(b -> b.book().fields().source(BookField.TITLE) == Source.MANUAL
                && b.book().title().startsWith("Mine: ") && b.book().fields().list(BookField.TAGS).equals(List.of("kept"))
                && "My Publisher".equals(b.files().get(0).fields().text(FileField.PUBLISHER))).count();
        assertThat(edited).isEqualTo(4);
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
