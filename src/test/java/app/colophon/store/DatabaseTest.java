package app.colophon.store;

import app.colophon.model.Edits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.Contributor;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.Library;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void openingCreatesTheSchemaAtTheLatestVersion() throws SQLException {
        Path file = temp.resolve("c.db");
        Database.open(file).close();

        assertThat(query(file, "SELECT MAX(version) FROM schema_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE name = 'book_file'")).isEqualTo("book_file");
    }

    @Test
    void reopeningDoesNotApplyMigrationsTwice() throws SQLException {
        Path file = temp.resolve("c.db");
        Database.open(file).close();
        Database.open(file).close();

        assertThat(query(file, "SELECT COUNT(*) FROM schema_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
    }

    @Test
    void databaseUsesWriteAheadLogging() throws SQLException {
        Path file = temp.resolve("c.db");
        Database.open(file).close();

        assertThat(query(file, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
    }

    @Test
    void statementJournalsAreKeptInMemory() throws SQLException {
        // On disk, a first scan of 10,000 books wrote ~400 MB of statement journal to /var/tmp (strace: 260,000 writes)
        try (Database db = Database.open(temp.resolve("c.db"))) {
            var connection = db.connections().getReadWriteConnection("book");
            try {
                assertThat(connection.queryForLong("PRAGMA temp_store")).isEqualTo(2L); // MEMORY
            } finally {
                db.connections().releaseConnection(connection);
            }
        }
    }

    @Test
    void aReadAfterCloseIsRefusedAsClosed() {
        Database db = Database.open(temp.resolve("c.db"));
        db.close();

        assertThatThrownBy(() -> db.libraries().list()).isInstanceOf(StoreException.class)
                .hasMessageContaining("the database is closed");
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            BookFile orphan = file(999_999L, temp.resolve("x.epub"));
            assertThatThrownBy(() -> db.inTransaction(() -> db.files().insert(1, orphan)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void bookFieldsAndSourcesSurviveARoundTrip() {
        FieldValues<BookField<?>> fields = BookField.none()
                .with(BookField.TITLE, "Dune", Source.MANUAL)
                .with(BookField.AUTHORS, List.of(new Contributor("Frank Herbert", "author"),
                        new Contributor("Jane Doe", "translator")), Source.FILE_METADATA)
                .with(BookField.SERIES, List.of(new SeriesEntry("Dune", 1.0), new SeriesEntry("Set", null)), Source.FILEPATH)
                .with(BookField.SUBTITLE, null, Source.MANUAL);
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            Book stored = db.inTransaction(() -> db.books().insert(lib.id(), "/books", "dune", fields));

            Book read = db.books().find(stored.id()).orElseThrow();

            assertThat(read.fields()).isEqualTo(fields);
            assertThat(read.fields().source(BookField.SUBTITLE)).isEqualTo(Source.MANUAL);
            assertThat(read.fields().text(BookField.SUBTITLE)).isNull();
        }
    }

    @Test
    void fileFieldsAndBookValuesSurviveARoundTrip() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            Book book = db.inTransaction(() -> db.books().insert(lib.id(), "/books", "dune", BookField.none()));
            BookFile file = new BookFile(0, book.id(), temp.resolve("Dune.epub"), FileFormat.EPUB, 1234, 5678, 300, 12.5,
                    FileField.none()
                            .with(FileField.PUBLISHER, "Chilton", Source.FILE_METADATA)
                            .with(FileField.IDENTIFIERS, List.of(new Identifier(IdentifierType.ISBN13, "9780441013593")), Source.MANUAL),
                    BookField.none().with(BookField.TITLE, "Dune", Source.FILE_METADATA),
                    "Failed to parse EPUB: something");

            BookFile stored = db.inTransaction(() -> db.files().insert(lib.id(), file));
            BookFile read = db.files().find(stored.id()).orElseThrow();

            assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(file);
        }
    }

    @Test
    void deletingABookDeletesItsFiles() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            Book book = db.inTransaction(() -> db.books().insert(lib.id(), "/b", "k", BookField.none()));
            BookFile f = db.inTransaction(() -> db.files().insert(lib.id(), file(book.id(), temp.resolve("k.epub"))));

            db.inTransaction(() -> db.books().delete(book.id()));

            assertThat(db.files().find(f.id())).isEmpty();
        }
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            assertThatThrownBy(() -> db.inTransaction(() -> {
                db.books().insert(lib.id(), "/b", "k", BookField.none());
                throw new IllegalStateException("crash half way");
            })).hasMessageContaining("crash half way");

            assertThat(db.books().count(lib.id())).isZero();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
    void theStampsOfALibraryReadInPartsAreEachFileOnce(int parts) {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            Library other = db.inTransaction(() -> db.libraries().create("M"));
            Book book = db.inTransaction(() -> db.books().insert(lib.id(), "/books", "dune", BookField.none()));
            for (int i = 0; i < 7; i++) {
                Path path = temp.resolve("book-" + i + ".epub");
                db.inTransaction(() -> db.files().insert(lib.id(), file(book.id(), path)));
            }
            Book elsewhere = db.inTransaction(() -> db.books().insert(other.id(), "/other", "emma", BookField.none()));
            db.inTransaction(() -> db.files().insert(other.id(), file(elsewhere.id(), temp.resolve("emma.epub"))));

            List<FileRepository.Stamp> read = new java.util.ArrayList<>();
            for (int part = 0; part < parts; part++) {
                read.addAll(db.files().stamps(lib.id(), part, parts));
            }

            assertThat(read).containsExactlyInAnyOrderElementsOf(db.files().stamps(lib.id())).hasSize(7);
        }
    }

    @Test
    void theLibraryOfABookIsFoundWithoutItsValues() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            db.inTransaction(() -> db.libraries().create("L"));
            Library other = db.inTransaction(() -> db.libraries().create("M"));
            Book book = db.inTransaction(() -> db.books().insert(other.id(), "/other", "emma", BookField.none()));

            assertThat(db.books().libraryOf(book.id())).contains(other.id());
            assertThat(db.books().libraryOf(book.id() + 1)).isEmpty();
        }
    }

    @Test
    void aPartThatIsNoneOfTheLibrarysPartsIsRefused() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            assertThatThrownBy(() -> db.files().stamps(1, 2, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> db.files().stamps(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static BookFile file(long bookId, Path path) {
        return new BookFile(0, bookId, path, FileFormat.EPUB, 1, 1, null, null,
                FileField.none(), BookField.none(), null);
    }

    @Test
    void aFieldWhoseColumnsTheTableLacksGetsThemAtOpenSoAFieldIsDeclaredInOnePlace() throws SQLException {
        Path file = temp.resolve("c.db");
        Database.open(file).close();
        // what a database made before BookField.TAGS and FileField.NARRATORS were declared looks like
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String drop : List.of("book DROP COLUMN tags", "book DROP COLUMN tags_src",
                    "book_file DROP COLUMN narrators", "book_file DROP COLUMN narrators_src")) {
                s.executeUpdate("ALTER TABLE " + drop);
            }
        }

        try (Database db = Database.open(file)) {
            Library lib = db.inTransaction(() -> db.libraries().create("L"));
            Book book = db.inTransaction(() -> db.books().insert(lib.id(), "/b", "k",
                    BookField.none().with(BookField.TAGS, List.of("kept"), Source.MANUAL)));
            BookFile stored = db.inTransaction(() -> db.files().insert(lib.id(), new BookFile(0, book.id(), temp.resolve("k.m4b"),
                    FileFormat.M4B, 1, 1, null, null, FileField.none().with(FileField.NARRATORS, List.of("Nora"),
                    Source.FILE_METADATA), BookField.none(), null)));

            assertThat(db.books().find(book.id()).orElseThrow().fields().list(BookField.TAGS)).containsExactly("kept");
            assertThat(db.files().find(stored.id()).orElseThrow().fields().list(FileField.NARRATORS)).containsExactly("Nora");
        }
    }

    @Test
    void editsOfOneFamilyRefuseAFieldOfTheOther() {
        assertThatThrownBy(() -> Edits.ofBook().set(FileField.PUBLISHER, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLISHER");
    }

    private static String query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
