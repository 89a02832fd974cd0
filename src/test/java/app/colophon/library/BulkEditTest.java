package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookWithFiles;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tags, genres and series of many books edited at once (issue #15): one transaction, manual values. */
class BulkEditTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private MetadataEditor editor;
    private long sherlock;
    private long alice;

    @BeforeEach
    void scanTwoBooks() {
        lib = TestLibrary.create(temp);
        editor = lib.app.editor();
        Path s = Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", lib.root);
        Path a = Corpus.copy("epub/stump-book.epub", lib.root);
        lib.scan();
        sherlock = lib.fileAt(s).bookId();
        alice = lib.fileAt(a).bookId();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tags", "genres"})
    void addingAValueAddsItToEveryBookAfterTheValuesItHad(String name) {
        BookField<List<String>> field = stringField(name);
        List<String> before = strings(sherlock, field);

        editor.editMany(List.of(sherlock, alice), ListEdit.add(field, List.of("To read")));

        List<String> expected = new ArrayList<>(before);
        expected.add("To read");
        assertThat(strings(sherlock, field)).containsExactlyElementsOf(expected);
        assertThat(strings(alice, field)).contains("To read");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tags", "genres"})
    void bulkEditedValuesAreManual(String name) {
        BookField<List<String>> field = stringField(name);

        editor.editMany(List.of(sherlock, alice), ListEdit.add(field, List.of("To read")));

        assertThat(book(sherlock).fields().source(field)).isEqualTo(Source.MANUAL);
        assertThat(book(alice).fields().source(field)).isEqualTo(Source.MANUAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tags", "genres"})
    void removingAValueRemovesItFromEveryBookWhateverItsCase(String name) {
        BookField<List<String>> field = stringField(name);
        editor.editMany(List.of(sherlock, alice), ListEdit.add(field, List.of("To read", "Keep")));

        editor.editMany(List.of(sherlock, alice), ListEdit.remove(field, List.of("to READ")));

        assertThat(strings(sherlock, field)).doesNotContain("To read").contains("Keep");
        assertThat(strings(alice, field)).doesNotContain("To read").contains("Keep");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tags", "genres"})
    void settingValuesReplacesThoseOfEveryBook(String name) {
        BookField<List<String>> field = stringField(name);
        editor.editMany(List.of(sherlock), ListEdit.add(field, List.of("Old")));

        editor.editMany(List.of(sherlock, alice), ListEdit.set(field, List.of("a", "b")));

        assertThat(strings(sherlock, field)).containsExactly("a", "b");
        assertThat(strings(alice, field)).containsExactly("a", "b");
    }

    @Test
    void addingAValueABookHasInAnotherCaseDoesNotDoubleIt() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.TAGS, List.of("Fiction")));

        editor.editMany(List.of(sherlock), ListEdit.add(BookField.TAGS, List.of("fiction")));

        assertThat(strings(sherlock, BookField.TAGS)).containsExactly("Fiction");
    }

    @Test
    void addingASeriesPutsEveryBookInIt() {
        editor.editMany(List.of(sherlock, alice), ListEdit.add(BookField.SERIES, List.of(new SeriesEntry("Classics", 3.0))));

        assertThat(book(sherlock).fields().list(BookField.SERIES)).contains(new SeriesEntry("Classics", 3.0));
        assertThat(book(alice).fields().list(BookField.SERIES)).contains(new SeriesEntry("Classics", 3.0));
        assertThat(book(alice).fields().source(BookField.SERIES)).isEqualTo(Source.MANUAL);
    }

    @Test
    void addingASeriesABookIsInWithANumberGivesItThatNumber() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.SERIES, List.of(new SeriesEntry("Holmes", null))));

        editor.editMany(List.of(sherlock), ListEdit.add(BookField.SERIES, List.of(new SeriesEntry("holmes", 2.0))));

        assertThat(book(sherlock).fields().list(BookField.SERIES)).containsExactly(new SeriesEntry("holmes", 2.0));
    }

    @Test
    void removingASeriesByNameRemovesItWhateverItsNumber() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.SERIES,
                List.of(new SeriesEntry("Holmes", 1.0), new SeriesEntry("Classics", 7.0))));

        editor.editMany(List.of(sherlock), ListEdit.remove(BookField.SERIES, List.of("HOLMES")));

        assertThat(book(sherlock).fields().list(BookField.SERIES)).containsExactly(new SeriesEntry("Classics", 7.0));
    }

    @Test
    void settingTheSeriesReplacesThoseOfEveryBook() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.SERIES, List.of(new SeriesEntry("Old", 1.0))));

        editor.editMany(List.of(sherlock, alice), ListEdit.set(BookField.SERIES, List.of(new SeriesEntry("New", 2.0))));

        assertThat(book(sherlock).fields().list(BookField.SERIES)).containsExactly(new SeriesEntry("New", 2.0));
        assertThat(book(alice).fields().list(BookField.SERIES)).containsExactly(new SeriesEntry("New", 2.0));
    }

    @Test
    void aBookTheEditLeavesAsItWasKeepsTheSourceOfItsValues() {
        Source before = book(alice).fields().source(BookField.TAGS);

        editor.editMany(List.of(alice), ListEdit.remove(BookField.TAGS, List.of("not one of its tags")));

        assertThat(book(alice).fields().source(BookField.TAGS)).isEqualTo(before).isNotEqualTo(Source.MANUAL);
    }

    @Test
    void aValueTooLongChangesNoBook() {
        List<String> tags = strings(sherlock, BookField.TAGS);
        String tooLong = "x".repeat(5_000);

        assertThatThrownBy(() -> editor.editMany(List.of(sherlock, alice),
                List.of(ListEdit.add(BookField.TAGS, List.of("fine")), ListEdit.add(BookField.GENRES, List.of(tooLong)))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("genres");

        assertThat(strings(sherlock, BookField.TAGS)).isEqualTo(tags);
    }

    /** The first book is written before the second fails: the transaction takes its change back. */
    @Test
    void anEditTooBigForTheSecondBookLeavesTheFirstAsItWas() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.TAGS, List.of("one")));
        editor.editMany(List.of(alice), ListEdit.set(BookField.TAGS, List.of()));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < app.colophon.formats.ValueLimits.ENTRIES; i++) {
            many.add("tag " + i);
        }

        assertThatThrownBy(() -> editor.editMany(List.of(alice, sherlock), ListEdit.add(BookField.TAGS, many)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Too many tags");

        assertThat(strings(alice, BookField.TAGS)).isEmpty();
        assertThat(strings(sherlock, BookField.TAGS)).containsExactly("one");
    }

    @Test
    void anUnknownBookChangesNoBook() {
        assertThatThrownBy(() -> editor.editMany(List.of(sherlock, 999_999L), ListEdit.add(BookField.TAGS, List.of("x"))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("999999");

        assertThat(strings(sherlock, BookField.TAGS)).doesNotContain("x");
    }

    @Test
    void bulkEditOfAuthorsIsRefused() {
        assertThatThrownBy(() -> ListEdit.add(BookField.AUTHORS, List.of("Someone")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("authors");
    }

    @Test
    void aSeriesGivenAsPlainTextToAddIsRefused() {
        assertThatThrownBy(() -> ListEdit.add(BookField.SERIES, List.of("Holmes #2")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("series");
    }

    @Test
    void theEditedBooksComeBackInTheOrderGiven() {
        List<BookWithFiles> result = editor.editMany(List.of(alice, sherlock), ListEdit.add(BookField.TAGS, List.of("x")));

        assertThat(result).extracting(b -> b.book().id()).containsExactly(alice, sherlock);
        assertThat(result.get(1).book().fields().list(BookField.TAGS)).contains("x");
    }

    @Test
    void bulkEditedTagsSurviveARescanOfChangedFiles() {
        editor.editMany(List.of(sherlock), ListEdit.set(BookField.TAGS, List.of("mine")));

        lib.app.resync().resyncBook(sherlock, ResyncMode.SCAN);

        assertThat(strings(sherlock, BookField.TAGS)).containsExactly("mine");
    }

    @SuppressWarnings("unchecked")
    private static BookField<List<String>> stringField(String jsonName) {
        return (BookField<List<String>>) BookField.byJsonName(jsonName).orElseThrow();
    }

    private Book book(long id) {
        return lib.book(id).book();
    }

    private List<String> strings(long id, BookField<List<String>> field) {
        return book(id).fields().list(field);
    }
}
