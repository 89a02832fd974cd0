package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.Edits;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's counts ({@code value_count}) are the number of books of each value, whatever wrote the values: a scan
 * in several batches, files joining books, edits, removals. Checked against the rows they count.
 */
class ValueCountsTest {

    @TempDir
    Path temp;

    private TestLibrary lib;

    @BeforeEach
    void scanBooksOfThreeAuthorsInThreeBatches() {
        lib = TestLibrary.create(temp);
        for (int i = 0; i < 120; i++) { // TestLibrary writes 50 files a batch
            Epubs.write(lib.root.resolve(String.format("b%03d.epub", i)), "Title " + i, "Author " + i % 3);
        }
        lib.scan();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aScanInSeveralBatchesCountsEveryBookOnce() throws SQLException {
        assertThat(counts()).isEqualTo(rowsCounted());
        assertThat(counts()).contains("author|author 0|40", "author|author 1|40", "author|author 2|40", "format|epub|120");
    }

    @Test
    void filesJoiningBooksEditsAndRemovalsKeepTheCountsRight() throws SQLException {
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "b000.m4b");
        Corpus.copy("epub/stump-book.epub", lib.root, "b001.epub.epub");
        lib.scan();
        long edited = lib.fileAt(lib.root.resolve("b002.epub")).bookId();
        lib.app.editor().editBook(edited, Edits.ofBook().set(BookField.AUTHORS, List.of(Contributor.author("Author 1"))));
        lib.app.libraries().removeBooks(Set.of(lib.fileAt(lib.root.resolve("b003.epub")).bookId()));
        lib.scan();

        assertThat(counts()).isEqualTo(rowsCounted());
        assertThat(counts()).contains("author|author 0|39", "author|author 1|41", "author|author 2|39", "format|m4b|1");
    }

    /** Each value's count as {@code kind|folded|books}, sorted. */
    private List<String> counts() throws SQLException {
        return strings("SELECT kind || '|' || folded || '|' || books FROM value_count ORDER BY 1");
    }

    private List<String> rowsCounted() throws SQLException {
        return strings("SELECT kind || '|' || folded || '|' || count(*) FROM book_value GROUP BY library_id, kind, folded "
                + "ORDER BY 1");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("data/colophon.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
