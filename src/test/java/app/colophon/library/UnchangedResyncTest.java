package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookWithFiles;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resync of a book whose files say what they said before writes nothing: SQLite's {@code data_version}, as another
 * connection sees it, moves only when a transaction committed changes.
 */
class UnchangedResyncTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Connection observer;

    @BeforeEach
    void open() throws SQLException {
        lib = TestLibrary.create(temp);
        Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", lib.root);
        Corpus.copy("comics/comicbox-Captain Science #001.cbz", lib.root);
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root);
        Corpus.copy("pdf/komga-komga.pdf", lib.root);
        lib.scan();
        observer = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("data").resolve("colophon.db"));
    }

    @AfterEach
    void close() throws SQLException {
        observer.close();
        lib.close();
    }

    @ParameterizedTest
    @EnumSource(ResyncMode.class)
    void resyncOfUnchangedBooksCommitsNothing(ResyncMode mode) throws SQLException {
        long before = dataVersion();

        for (Book book : lib.books()) {
            lib.app.resync().resyncBook(book.id(), mode);
        }

        assertThat(lib.books()).hasSize(4);
        assertThat(dataVersion()).isEqualTo(before);
    }

    @Test
    void resyncOfAChangedFileStillWritesIt() throws SQLException {
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();
        long before = dataVersion();
        Epubs.write(file, "Dune", "Frank Patrick Herbert");

        ResyncResult.Updated result = (ResyncResult.Updated) lib.app.resync()
                .resyncBook(lib.bookTitled("Dune").id(), ResyncMode.SCAN);

        assertThat(dataVersion()).isNotEqualTo(before);
        BookWithFiles stored = lib.book(result.book().book().id());
        assertThat(stored.files().get(0).sizeBytes()).isEqualTo(file.toFile().length());
        assertThat(stored.book().authors()).extracting("name").containsExactly("Frank Patrick Herbert");
    }

    private long dataVersion() throws SQLException {
        try (Statement s = observer.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            return r.getLong(1);
        }
    }
}
