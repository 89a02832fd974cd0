package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.Contributor;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.SearchTerm;
import app.colophon.model.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The search rows a write transaction gathers are written when it commits: they go with a rollback, a search inside
 * the transaction already sees them, and a book deleted before the end leaves none behind.
 */
class SearchIndexTransactionTest {

    @TempDir
    Path temp;

    private Database db;
    private long library;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("c.db"));
        library = db.libraries().create("Books").id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Book book(String title, String author, String... tags) {
        FieldValues<BookField<?>> fields = BookField.none()
                .with(BookField.TITLE, title, Source.FILE_METADATA)
                .with(BookField.AUTHORS, List.of(Contributor.author(author)), Source.FILE_METADATA)
                .with(BookField.TAGS, List.of(tags), Source.FILE_METADATA);
        Book book = db.books().insert(library, temp.toString(), title.toLowerCase(), fields);
        db.files().insert(library, new BookFile(0, book.id(), temp.resolve(title + ".epub"), FileFormat.EPUB, 10, 1,
                null, null, FieldValues.empty(FileField.values()), BookField.none(), null, null, null, null));
        return book;
    }

    private Set<Long> words(String words) {
        return db.search().ids(library, List.of(new SearchTerm(SearchTerm.Field.TEXT, words, false, false)));
    }

    private Set<Long> format(String format) {
        return db.search().ids(library, List.of(new SearchTerm(SearchTerm.Field.FORMAT, format, false, false)));
    }

    @Test
    void aRolledBackTransactionLeavesNoSearchRowsForTheNextOne() {
        assertThatThrownBy(() -> db.inTransaction(() -> {
            book("Villette", "Charlotte Brontë", "gothic");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        Book eyre = db.inTransaction(() -> book("Jane Eyre", "Charlotte Brontë"));

        assertThat(words("villette")).isEmpty();
        assertThat(words("bronte")).containsExactly(eyre.id());
        assertThat(db.search().counts(library)).extracting(BookSearch.Count::kind, BookSearch.Count::name,
                BookSearch.Count::books).containsExactlyInAnyOrder(tuple(BookSearch.Kind.AUTHOR, "Charlotte Brontë", 1L),
                tuple(BookSearch.Kind.FORMAT, "epub", 1L));
    }

    @Test
    void aSearchInsideTheWriteTransactionFindsTheBooksItWrote() {
        List<Set<Long>> found = new ArrayList<>();

        Book shirley = db.inTransaction(() -> {
            Book b = book("Shirley", "Charlotte Brontë");
            found.add(words("shirley"));
            found.add(format("epub"));
            return b;
        });

        assertThat(found).containsExactly(Set.of(shirley.id()), Set.of(shirley.id()));
    }

    @Test
    void aBookDeletedInTheTransactionThatMadeItLeavesNoSearchRows() {
        db.inTransaction(() -> {
            Book gone = book("The Professor", "Charlotte Brontë", "early");
            db.books().delete(gone.id());
        });

        assertThat(words("professor")).isEmpty();
        assertThat(db.search().counts(library)).isEmpty();
    }

    @Test
    void aBookWrittenTwiceInOneTransactionIsFoundByItsLastValuesOnly() {
        Book book = db.inTransaction(() -> {
            Book b = book("Agnes Grey", "Anne Brontë", "first");
            return db.books().updateFields(b, b.fields().with(BookField.TITLE, "The Tenant of Wildfell Hall",
                    Source.MANUAL).with(BookField.TAGS, List.of("second"), Source.MANUAL));
        });

        assertThat(words("agnes")).isEmpty();
        assertThat(words("wildfell")).containsExactly(book.id());
        assertThat(db.search().counts(library)).extracting(BookSearch.Count::kind, BookSearch.Count::name)
                .containsExactlyInAnyOrder(tuple(BookSearch.Kind.AUTHOR, "Anne Brontë"), tuple(BookSearch.Kind.TAG, "second"),
                        tuple(BookSearch.Kind.FORMAT, "epub"));
    }

    @Test
    void aTransactionWithMoreRowsThanOneWriteTakesIndexesEveryBook() {
        int books = 3_000; // eight rows each: more than one write's worth
        db.inTransaction(() -> {
            for (int i = 0; i < books; i++) {
                book("Volume " + i, "Author " + (i % 7), "t" + (i % 3), "u" + (i % 5), "v" + (i % 11), "w" + i % 2,
                        "x" + i % 13);
            }
        });

        assertThat(words("volume")).hasSize(books);
        assertThat(format("epub")).hasSize(books);
        assertThat(db.search().counts(library)).filteredOn(c -> c.kind() == BookSearch.Kind.AUTHOR)
                .extracting(BookSearch.Count::books).containsOnly(428L, 429L).hasSize(7);
    }
}
