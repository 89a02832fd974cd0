package app.colophon.library;

import app.colophon.formats.FormatReader;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import app.colophon.model.Source;
import app.colophon.store.Database;
import app.colophon.testsupport.Epubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a book's resync finds when a scan beside it changed the book while its files were being read. */
class ResyncRaceTest {

    @TempDir
    Path temp;

    @Test
    void aBookWhoseFileWentToAnotherBookWhileItWasReadComesBackRemoved() throws Exception {
        Path root = Files.createDirectories(temp.resolve("books"));
        Path epub = Epubs.write(root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        long size = Files.size(epub);
        try (Database db = Database.open(temp.resolve("data/colophon.db"))) {
            Library library = db.inTransaction(() -> db.libraries().addRoot(db.libraries().create("Mine").id(), root));
            Book resynced = insertBook(db, library, "Dune");
            Book other = insertBook(db, library, "Dune (joined)");
            BookFile record = db.inTransaction(() -> db.files().insert(library.id(), new BookFile(0, resynced.id(),
                    epub, FileFormat.EPUB, size, 0, null, null, FileField.none(),
                    BookField.none(), null)));
            FormatReader epubs = FormatReaders.standard().forFormat(FileFormat.EPUB);
            FormatReader movingWhileReading = new FormatReader() {
                @Override
                public FileFormat format() {
                    return FileFormat.EPUB;
                }

                @Override
                public ParsedMetadata read(Path file) throws MetadataParseException {
                    // the scan beside the resync: the file now belongs to the other book
                    db.inTransaction(() -> db.files().update(library.id(), new BookFile(record.id(), other.id(),
                            record.path(), record.format(), record.sizeBytes(), record.modifiedMillis(),
                            record.pageCount(), record.durationSeconds(), record.fields(), record.bookValues(),
                            record.error())));
                    return epubs.read(file);
                }
            };
            ResyncService resync = new ResyncService(db,
                    new MetadataExtractor(new FormatReaders(List.of(movingWhileReading))));

            ResyncResult result = resync.resyncBook(resynced.id(), ResyncMode.SCAN);

            assertThat(result).isInstanceOf(ResyncResult.Removed.class);
            assertThat(db.books().find(resynced.id())).isEmpty();
            assertThat(db.files().ofBook(other.id())).extracting(BookFile::id).containsExactly(record.id());
        }
    }

    private static Book insertBook(Database db, Library library, String key) {
        return db.inTransaction(() -> db.books().insert(library.id(), "/books", key,
                BookField.none().with(BookField.TITLE, key, Source.FILEPATH)));
    }
}
