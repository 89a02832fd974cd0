package app.colophon.store;

import app.colophon.model.BookField;
import app.colophon.model.Library;
import app.colophon.store.BookRepository.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BookRepository#withBooks}: a scan's one question per batch must answer as findByGroup does per file. */
class BookGroupsTest {

    @TempDir
    Path temp;

    private Database db;
    private Library library;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("c.db"));
        library = db.inTransaction(() -> db.libraries().create("L"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void answersOnlyTheGroupsThatHaveABookInThatLibrary() {
        Library other = db.inTransaction(() -> db.libraries().create("Other"));
        db.inTransaction(() -> {
            db.books().insert(library.id(), "/books", "dune", BookField.none());
            db.books().insert(other.id(), "/books", "emma", BookField.none());
        });

        assertThat(db.books().withBooks(library.id(), List.of(new Group("/books", "dune"), new Group("/books", "emma"),
                new Group("/other", "dune"), new Group("/books", "Dune"))))
                .containsExactly(new Group("/books", "dune"));
    }

    @Test
    void namesWithQuotesBackslashesAndControlCharactersComeBackAsWritten() {
        List<Group> odd = List.of(new Group("/b/\"quoted\"", "a\\b"), new Group("/b/tab\there", "line\nbreak"),
                new Group("/b/ünïcödé ’", "日本語 📚"), new Group("/b/nul", "a\u0001b"));
        db.inTransaction(() -> odd.forEach(g -> db.books().insert(library.id(), g.folder(), g.key(), BookField.none())));

        assertThat(db.books().withBooks(library.id(), odd)).containsExactlyInAnyOrderElementsOf(odd);
        odd.forEach(g -> assertThat(db.books().findByGroup(library.id(), g.folder(), g.key())).isPresent());
    }

    @Test
    void aBatchOfManyGroupsIsAnsweredAtOnce() {
        List<Group> groups = IntStream.range(0, 2_000).mapToObj(i -> new Group("/books/" + (i % 7), "title " + i)).toList();
        db.inTransaction(() -> groups.stream().filter(g -> g.key().endsWith("3"))
                .forEach(g -> db.books().insert(library.id(), g.folder(), g.key(), BookField.none())));

        assertThat(db.books().withBooks(library.id(), groups))
                .containsExactlyInAnyOrderElementsOf(groups.stream().filter(g -> g.key().endsWith("3")).toList());
    }

    @Test
    void noGroupsAskNothing() {
        assertThat(db.books().withBooks(library.id(), List.of())).isEmpty();
    }
}
