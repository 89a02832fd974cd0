package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's edits against scans and resyncs, with the file's own metadata changing underneath. */
class ManualEditsTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Path file;
    private long bookId;

    @BeforeEach
    void scanOneBook() {
        lib = TestLibrary.create(temp);
        file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();
        bookId = lib.bookTitled("Dune").id();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aManualTitleEqualToTheFilesBelongsToTheFileAfterARefreshSoTheFilesNextTitleShows() {
        editTitle("Dune");
        assertThat(lib.book(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);

        lib.app.resync().resyncBook(bookId, ResyncMode.REFRESH);
        assertThat(lib.book(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
        Epubs.write(file, "Dune (Ace edition)", "Frank Herbert");
        lib.scan();

        assertThat(lib.book(bookId).book().title()).isEqualTo("Dune (Ace edition)");
    }

    @Test
    void editingTheAuthorsKeepsTheFilesSortNameOfEachPersonStillNamed() {
        long earthsea = scanEarthseaWithTheFilesSortName();

        lib.app.editor().editBook(earthsea, Edits.ofBook().set(BookField.AUTHORS,
                FieldText.parse(BookField.AUTHORS, "Jane Roe (translator); Ursula K. Le Guin; U. Le Guin")));

        assertThat(lib.book(earthsea).book().fields().value(BookField.AUTHORS)).containsExactly(
                new Contributor("Jane Roe", "translator"),
                new Contributor("Ursula K. Le Guin", Contributor.AUTHOR, "LeGuin, Ursula"),
                Contributor.author("U. Le Guin"));
        assertThat(lib.book(earthsea).book().fields().source(BookField.AUTHORS)).isEqualTo(Source.MANUAL);
    }

    @Test
    void aPersonGivenAnotherRoleKeepsTheFilesSortName() {
        long earthsea = scanEarthseaWithTheFilesSortName();

        lib.app.editor().editBook(earthsea, Edits.ofBook().set(BookField.AUTHORS,
                FieldText.parse(BookField.AUTHORS, "Ursula K. Le Guin (editor)")));

        assertThat(lib.book(earthsea).book().fields().value(BookField.AUTHORS))
                .containsExactly(new Contributor("Ursula K. Le Guin", "editor", "LeGuin, Ursula"));
    }

    private long scanEarthseaWithTheFilesSortName() {
        Epubs.writeOpf(lib.root.resolve("Earthsea.epub"), "<dc:title>Earthsea</dc:title>"
                + "<dc:creator id=\"c1\">Ursula K. Le Guin</dc:creator>"
                + "<meta refines=\"#c1\" property=\"file-as\">LeGuin, Ursula</meta>");
        lib.scan();
        long earthsea = lib.bookTitled("Earthsea").id();
        assertThat(lib.book(earthsea).book().fields().value(BookField.AUTHORS))
                .containsExactly(new Contributor("Ursula K. Le Guin", Contributor.AUTHOR, "LeGuin, Ursula"));
        return earthsea;
    }

    @Test
    void aManualPublisherEqualToTheFilesBelongsToTheFileAfterAFileRefresh() {
        long fileId = lib.fileAt(file).id();
        lib.app.editor().editFile(fileId, Edits.ofFile().set(FileField.LANGUAGE, "en"));

        lib.app.resync().resyncFile(fileId, ResyncMode.REFRESH);

        assertThat(lib.fileAt(file).fields().source(FileField.LANGUAGE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void manualTitleSurvivesALibraryScanAfterTheFileChanged() {
        editTitle("My Dune");
        Epubs.write(file, "Dune (Ace edition)", "Frank Herbert");

        lib.scan();

        assertThat(lib.book(bookId).book().title()).isEqualTo("My Dune");
        assertThat(lib.book(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
    }

    @Test
    void manualTitleSurvivesAScanResyncAfterTheFileChanged() {
        editTitle("My Dune");
        Epubs.write(file, "Dune (Ace edition)", "Frank Herbert");

        lib.app.resync().resyncBook(bookId, ResyncMode.SCAN);

        assertThat(lib.book(bookId).book().title()).isEqualTo("My Dune");
    }

    @Test
    void unchangedFieldsStillFollowTheFileOnAScan() {
        editTitle("My Dune");
        Epubs.write(file, "Dune", "F. Herbert");

        lib.app.resync().resyncBook(bookId, ResyncMode.SCAN);

        assertThat(lib.book(bookId).book().authors()).extracting("name").containsExactly("F. Herbert");
    }

    @Test
    void refreshResyncReplacesTheManualTitleWithTheFiles() {
        editTitle("My Dune");
        Epubs.write(file, "Dune (Ace edition)", "Frank Herbert");

        lib.app.resync().resyncBook(bookId, ResyncMode.REFRESH);

        assertThat(lib.book(bookId).book().title()).isEqualTo("Dune (Ace edition)");
        assertThat(lib.book(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void refreshOfOneFileAlsoRefreshesItsBook() {
        editTitle("My Dune");
        long fileId = lib.fileAt(file).id();

        lib.app.resync().resyncFile(fileId, ResyncMode.REFRESH);

        assertThat(lib.book(bookId).book().title()).isEqualTo("Dune");
    }

    @Test
    void manualClearStaysEmptyUnderScanAndResync() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.AUTHORS, null));

        lib.app.resync().resyncBook(bookId, ResyncMode.SCAN);
        Epubs.write(file, "Dune", "Frank Herbert Jr.");
        lib.scan();

        assertThat(lib.book(bookId).book().authors()).isEmpty();
        assertThat(lib.book(bookId).book().fields().source(BookField.AUTHORS)).isEqualTo(Source.MANUAL);
    }

    @Test
    void manualClearIsRefilledByRefresh() {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.AUTHORS, null));

        lib.app.resync().resyncBook(bookId, ResyncMode.REFRESH);

        assertThat(lib.book(bookId).book().authors()).extracting("name").containsExactly("Frank Herbert");
    }

    @Test
    void manualFileFieldSurvivesAScanResync() {
        long fileId = lib.fileAt(file).id();
        lib.app.editor().editFile(fileId, Edits.ofFile().set(FileField.LANGUAGE, "fr"));

        lib.app.resync().resyncFile(fileId, ResyncMode.SCAN);

        assertThat(lib.fileAt(file).fields().text(FileField.LANGUAGE)).isEqualTo("fr");
        assertThat(lib.fileAt(file).fields().source(FileField.LANGUAGE)).isEqualTo(Source.MANUAL);
    }

    private void editTitle(String title) {
        lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, title));
    }
}
