package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import app.colophon.model.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A large library's books are read as two halves on two threads; what comes back must not show it. */
class LibrarySummariesTest {

    @TempDir
    Path temp;

    @Test
    void readingInTwoHalvesGivesTheSameBooksInTheSameOrderAsOneQuery() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library mine = db.inTransaction(() -> db.libraries().create("Mine"));
            Library other = db.inTransaction(() -> db.libraries().create("Other"));
            List<Long> coverFiles = new ArrayList<>();
            for (int i = 0; i < 41; i++) {
                Library lib = i % 5 == 0 ? other : mine;
                int n = i;
                db.inTransaction(() -> {
                    Book book = db.books().insert(lib.id(), "/b", "k" + n, BookField.none()
                            .with(BookField.TITLE, "Title " + n, Source.FILE_METADATA)
                            .with(BookField.AUTHORS, List.of(new Contributor("Author " + n % 7, "author")), Source.FILE_METADATA)
                            .with(BookField.SERIES, List.of(new SeriesEntry("Saga", n / 2.0)), Source.FILEPATH));
                    BookFile file = db.files().insert(lib.id(), new BookFile(0, book.id(), temp.resolve(n + ".epub"),
                            FileFormat.EPUB, 10, 20, null, null, FileField.none().with(FileField.COVER,
                                    n % 3 == 0 ? "cover.jpg" : null, Source.FILE_METADATA), BookField.none(), null));
                    if (n % 3 == 0) {
                        coverFiles.add(file.id());
                    }
                    if (n % 4 == 0) {
                        db.files().markMissing(List.of(file.id()), 1000);
                    }
                });
            }
            Jdbc jdbc = new Jdbc(db.connections());

            List<BookSummary> halves = new SqliteBookRepository(jdbc, new SearchIndex(jdbc), 3).summaries(mine.id());
            List<BookSummary> whole = new SqliteBookRepository(jdbc, new SearchIndex(jdbc), Long.MAX_VALUE).summaries(mine.id());

            assertThat(halves).hasSize(32).isEqualTo(whole);
            assertThat(halves).extracting(BookSummary::id).isSorted();
            assertThat(halves).allMatch(b -> b.libraryId() == mine.id());
            assertThat(halves).filteredOn(BookSummary::missing).extracting(BookSummary::title)
                    .containsExactly("Title 4", "Title 8", "Title 12", "Title 16", "Title 24", "Title 28", "Title 32", "Title 36");
            assertThat(halves).filteredOn(b -> b.coverFileId() != null).extracting(BookSummary::coverFileId)
                    .allMatch(coverFiles::contains).hasSize(11);
            assertThat(halves).allMatch(b -> db.books().summary(b.id()).orElseThrow().equals(b));
        }
    }

    /**
     * Each book's files are added in an order other than {@code FileOrder}'s, so the first file with a cover by id is
     * never the book's cover, except for the books with one file that has a cover.
     */
    @Test
    void aBooksCoverIsTheFirstFileInFileOrderThatHasOne() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library lib = db.inTransaction(() -> db.libraries().create("Mine"));
            Map<String, Long> expected = new LinkedHashMap<>();
            Map<String, Long> bookIds = new LinkedHashMap<>();
            Map<String, List<CoverFile>> books = new LinkedHashMap<>();
            books.put("PDF then EPUB", List.of(new CoverFile("p.pdf", FileFormat.PDF, null, true),
                    new CoverFile("e.epub", FileFormat.EPUB, null, true)));
            books.put("tracks 3, 1, 2", List.of(new CoverFile("3.mp3", FileFormat.MP3, new Track(1, 3), true),
                    new CoverFile("1.mp3", FileFormat.MP3, new Track(1, 1), true),
                    new CoverFile("2.mp3", FileFormat.MP3, new Track(1, 2), true)));
            books.put("disc 2 before disc 1", List.of(new CoverFile("d2.mp3", FileFormat.MP3, new Track(2, 1), true),
                    new CoverFile("d1.mp3", FileFormat.MP3, new Track(1, 9), true)));
            books.put("b before a", List.of(new CoverFile("b.epub", FileFormat.EPUB, null, true),
                    new CoverFile("a.epub", FileFormat.EPUB, null, true)));
            books.put("EPUB without cover, PDF with", List.of(new CoverFile("n.epub", FileFormat.EPUB, null, false),
                    new CoverFile("c.pdf", FileFormat.PDF, null, true)));
            books.put("one CBZ", List.of(new CoverFile("c.cbz", FileFormat.CBZ, null, true)));
            books.put("no cover", List.of(new CoverFile("x.epub", FileFormat.EPUB, null, false)));
            Map<String, String> winner = Map.of("PDF then EPUB", "e.epub", "tracks 3, 1, 2", "1.mp3",
                    "disc 2 before disc 1", "d1.mp3", "b before a", "a.epub", "EPUB without cover, PDF with", "c.pdf",
                    "one CBZ", "c.cbz");
            books.forEach((title, files) -> db.inTransaction(() -> {
                Book book = db.books().insert(lib.id(), "/b", title, BookField.none()
                        .with(BookField.TITLE, title, Source.FILE_METADATA));
                bookIds.put(title, book.id());
                for (CoverFile f : files) {
                    BookFile file = db.files().insert(lib.id(), new BookFile(0, book.id(), temp.resolve(title)
                            .resolve(f.name()), f.format(), 10, 20, null, null, FileField.none().with(FileField.COVER,
                            f.cover() ? "cover.jpg" : null, Source.FILE_METADATA), BookField.none(), null, null, null,
                            f.track()));
                    if (f.name().equals(winner.get(title))) {
                        expected.put(title, file.id());
                    }
                }
                return book;
            }));
            Jdbc jdbc = new Jdbc(db.connections());

            for (long splitAbove : new long[] {2, Long.MAX_VALUE}) {
                Map<String, Long> covers = new LinkedHashMap<>();
                new SqliteBookRepository(jdbc, new SearchIndex(jdbc), splitAbove).summaries(lib.id())
                        .forEach(b -> covers.put(b.title(), b.coverFileId()));
                assertThat(covers).as("split above %d", splitAbove).containsAllEntriesOf(expected)
                        .containsEntry("no cover", null).hasSize(books.size());
            }
            expected.forEach((title, file) ->
                    assertThat(db.books().summary(bookIds.get(title)).orElseThrow().coverFileId()).as(title).isEqualTo(file));
        }
    }

    private record CoverFile(String name, FileFormat format, Track track, boolean cover) {
    }

    @Test
    void aLargeLibraryReadInsideATransactionIncludesTheBooksItHasNotCommitted() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Library mine = db.inTransaction(() -> db.libraries().create("Mine"));
            for (int i = 0; i < 6; i++) {
                int n = i;
                db.inTransaction(() -> db.books().insert(mine.id(), "/b", "k" + n,
                        BookField.none().with(BookField.TITLE, "Committed " + n, Source.FILE_METADATA)));
            }
            Jdbc jdbc = new Jdbc(db.connections());
            SqliteBookRepository splitting = new SqliteBookRepository(jdbc, new SearchIndex(jdbc), 3);

            List<BookSummary> seen = db.inTransaction(() -> {
                for (int i = 0; i < 6; i++) {
                    db.books().insert(mine.id(), "/b", "u" + i,
                            BookField.none().with(BookField.TITLE, "Uncommitted " + i, Source.FILE_METADATA));
                }
                return splitting.summaries(mine.id());
            });

            assertThat(seen).hasSize(12).extracting(BookSummary::id).isSorted();
            assertThat(seen).extracting(BookSummary::title).filteredOn(t -> t.startsWith("Uncommitted")).hasSize(6);
        }
    }
}
