package app.colophon.store;

import app.colophon.model.Library;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Libraries and their root folders in a real database file. */
class LibraryRepositoryTest {

    @TempDir
    Path temp;

    private Database db;
    private LibraryRepository libraries;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("colophon.db"));
        libraries = db.libraries();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void librariesAreListedInTheOrderMadeWithTheirRootsInTheOrderAdded() {
        Library books = libraries.create("Books");
        Library comics = libraries.create("Comics");
        libraries.addRoot(comics.id(), Path.of("/c/2"));
        libraries.addRoot(books.id(), Path.of("/b/z"));
        libraries.addRoot(comics.id(), Path.of("/c/1"));
        libraries.addRoot(books.id(), Path.of("/b/a"));

        assertThat(libraries.list()).containsExactly(
                new Library(books.id(), "Books", List.of(Path.of("/b/z"), Path.of("/b/a"))),
                new Library(comics.id(), "Comics", List.of(Path.of("/c/2"), Path.of("/c/1"))));
    }

    @Test
    void aLibraryIsFoundByIdAndByNameWithItsRoots() {
        Library made = libraries.create("Audio");
        Library withRoot = libraries.addRoot(made.id(), Path.of("/a"));

        assertThat(withRoot.roots()).containsExactly(Path.of("/a"));
        assertThat(libraries.find(made.id())).contains(withRoot);
        assertThat(libraries.findByName("Audio")).contains(withRoot);
        assertThat(libraries.findByName("audio")).isEmpty();
        assertThat(libraries.find(made.id() + 1)).isEmpty();
    }

    @Test
    void aNewLibraryHasNoRoots() {
        assertThat(libraries.create("Empty").roots()).isEmpty();
        assertThat(libraries.findByName("Empty").orElseThrow().roots()).isEmpty();
    }

    @Test
    void aRootIsStoredAbsoluteAndNormalizedAndOnlyOnce() {
        Library made = libraries.create("Books");
        Path root = temp.resolve("books");

        libraries.addRoot(made.id(), root.resolve("x").resolve(".."));
        Library again = libraries.addRoot(made.id(), root);

        assertThat(again.roots()).containsExactly(root.toAbsolutePath().normalize());
    }

    @Test
    void aSecondLibraryOfTheSameNameIsRefusedWithTheDatabaseReason() {
        libraries.create("Books");

        assertThatThrownBy(() -> libraries.create("Books")).isInstanceOf(StoreException.class)
                .hasMessageContaining("UNIQUE");
        assertThat(libraries.list()).hasSize(1);
    }

    @Test
    void removingARootSaysWhetherThereWasOne() {
        Library made = libraries.create("Books");
        libraries.addRoot(made.id(), Path.of("/b"));

        assertThat(libraries.removeRoot(made.id(), Path.of("/b"))).isTrue();
        assertThat(libraries.removeRoot(made.id(), Path.of("/b"))).isFalse();
        assertThat(libraries.find(made.id()).orElseThrow().roots()).isEmpty();
    }

    @Test
    void deletingALibraryLeavesTheOthers() {
        Library gone = libraries.create("Gone");
        libraries.addRoot(gone.id(), Path.of("/g"));
        Library kept = libraries.create("Kept");

        libraries.delete(gone.id());

        assertThat(libraries.list()).containsExactly(kept);
        assertThat(libraries.find(gone.id())).isEmpty();
    }
}
