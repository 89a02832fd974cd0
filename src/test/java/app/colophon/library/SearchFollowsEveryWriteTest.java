package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.Edits;
import app.colophon.model.FileField;
import app.colophon.model.Library;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The search tables follow scans, edits, moves and removals, and an older database is indexed when it opens. */
class SearchFollowsEveryWriteTest {

    @TempDir
    Path temp;

    private TestLibrary lib;

    @BeforeEach
    void scan() {
        lib = TestLibrary.create(temp);
        Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", lib.root, "sherlock.epub");
        Epubs.write(lib.root.resolve("eyre.epub"), "Jane Eyre", "Charlotte Brontë");
        lib.scan();
    }

    @AfterEach
    void close() {
        if (lib != null) {
            lib.close();
        }
    }

    private Set<Long> search(String query) {
        return lib.app.libraries().search(lib.library.id(), query);
    }

    @Test
    void sourceManualFindsNothingBeforeAnEdit() {
        assertThat(search("source:manual")).isEmpty();
    }

    @Test
    void sourceManualFindsABookOnceItsTagsAreEdited() {
        long eyre = lib.bookTitled("Jane Eyre").id();

        lib.app.editor().editBook(eyre, Edits.ofBook().set(BookField.TAGS, List.of("to read")));

        assertThat(search("source:manual")).containsExactly(eyre);
        assertThat(search("tag:\"=To Read\"")).containsExactly(eyre);
    }

    @Test
    void theBrowserCountsAnAddedTagAndForgetsItWhenRemoved() {
        long eyre = lib.bookTitled("Jane Eyre").id();
        long sherlock = lib.bookTitled("The Adventures of Sherlock Holmes").id();

        lib.app.editor().editBook(eyre, Edits.ofBook().set(BookField.TAGS, List.of("to read")));
        lib.app.editor().editBook(sherlock, Edits.ofBook().set(BookField.TAGS, List.of("To Read", "fav")));
        assertThat(lib.app.libraries().facets(lib.library.id()).tags()).extracting(Facet::name, Facet::count)
                .containsExactly(tuple("fav", 1L), tuple("To Read", 2L)); // the spelling last written

        lib.app.editor().editBook(sherlock, Edits.ofBook().set(BookField.TAGS, List.of()));
        lib.app.editor().editBook(eyre, Edits.ofBook().set(BookField.TAGS, List.of()));
        assertThat(lib.app.libraries().facets(lib.library.id()).tags()).isEmpty();
    }

    @Test
    void aSecondFileOfABookAddsItsFormatAndADeletedOneTakesItAway() throws Exception {
        long eyre = lib.bookTitled("Jane Eyre").id();
        Corpus.copy("pdf/pysf-annotated_pdf.pdf", lib.root, "eyre.pdf"); // the same stem: the same book

        lib.scan();
        assertThat(search("format:pdf")).containsExactly(eyre);
        assertThat(search("format:epub")).contains(eyre);

        Files.delete(lib.root.resolve("eyre.pdf"));
        lib.scan();
        lib.app.libraries().removeMissing(lib.library.id());
        assertThat(search("format:pdf")).isEmpty();
        assertThat(search("format:epub")).contains(eyre);
    }

    @Test
    void aManualValueOnAFileCountsAsManualForItsBook() {
        long eyre = lib.bookTitled("Jane Eyre").id();
        long file = lib.book(eyre).files().get(0).id();

        lib.app.editor().editFile(file, Edits.ofFile().set(FileField.LANGUAGE, "fr"));

        assertThat(search("source:manual")).containsExactly(eyre);
        assertThat(search("lang:fr")).containsExactly(eyre);
        assertThat(search("lang:en")).doesNotContain(eyre);
    }

    @Test
    void anEditedTitleIsFoundByItsNewWordsOnly() {
        long eyre = lib.bookTitled("Jane Eyre").id();

        lib.app.editor().editBook(eyre, Edits.ofBook().set(BookField.TITLE, "Thornfield Hall"));

        assertThat(search("thornfield")).containsExactly(eyre);
        assertThat(search("eyre")).isEmpty();
    }

    @Test
    void aRescanOfAChangedFileFindsItsNewAuthor() throws Exception {
        Path file = lib.root.resolve("eyre.epub");
        Epubs.write(file, "Jane Eyre", "Currer Bell");

        lib.scan();

        assertThat(search("author:currer")).containsExactly(lib.bookTitled("Jane Eyre").id());
        assertThat(search("author:bronte")).isEmpty();
    }

    @Test
    void aFileGoneFromDiskIsFoundByHasMissingUntilItsRecordIsRemoved() throws Exception {
        long eyre = lib.bookTitled("Jane Eyre").id();
        Files.delete(lib.root.resolve("eyre.epub"));

        lib.scan();
        assertThat(search("has:missing")).containsExactly(eyre);

        lib.app.libraries().removeMissing(lib.library.id());
        assertThat(search("has:missing")).isEmpty();
        assertThat(search("eyre")).isEmpty();
    }

    @Test
    void aMovedFileKeepsItsBookFindable() throws Exception {
        long eyre = lib.bookTitled("Jane Eyre").id();
        Files.createDirectories(lib.root.resolve("classics"));
        Files.move(lib.root.resolve("eyre.epub"), lib.root.resolve("classics/eyre.epub"));

        lib.scan();

        assertThat(search("author:bronte")).containsExactly(eyre);
        assertThat(search("has:missing")).isEmpty();
    }

    @Test
    void aRemovedFoldersBooksAreNoLongerFound() {
        lib.app.libraries().removeFolder(lib.root);

        assertThat(search("")).isEmpty();
        assertThat(lib.app.libraries().facets(lib.library.id()).authors()).isEmpty();
    }

    @Test
    void aDatabaseMadeBeforeSearchIsIndexedWhenItOpens() throws Exception {
        long eyre = lib.bookTitled("Jane Eyre").id();
        Library library = lib.library;
        lib.close();
        lib = null;
        // the search tables as migration V5 leaves them in a database made before it: empty
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("data/colophon.db"));
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM book_fts");
            s.execute("DELETE FROM book_value");
            assertThat(s.executeQuery("SELECT COUNT(*) FROM value_count").getLong(1)).as("counts kept by triggers").isZero();
        }

        lib = TestLibrary.reopen(temp, library);

        assertThat(search("author:bronte")).containsExactly(eyre);
        assertThat(search("series:\"=Sherlock Holmes\"")).hasSize(1);
        assertThat(search("format:epub")).hasSize(2);
        assertThat(lib.app.libraries().facets(lib.library.id()).authors()).extracting(Facet::name)
                .containsExactly("Charlotte Brontë", "Arthur Conan Doyle");
    }
}
