package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.Edits;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code LibraryService.search} over a scanned library of corpus EPUBs (MANIFEST.tsv says what each holds), one made
 * EPUB by an author with an accent and one broken file: the query language of the window, the CLI and the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibrarySearchTest {

    private TestLibrary lib;

    /** One scan for all the tests, which only read. */
    @BeforeAll
    void scanTheLibrary(@TempDir Path temp) throws IOException {
        lib = TestLibrary.create(temp);
        // series "Sherlock Holmes", author Arthur Conan Doyle, en-GB
        Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", lib.root, "sherlock.epub");
        // the same title without a series, by "Sir Conan Doyle", en-GB
        Corpus.copy("epub/epubcheck-Issue25.epub", lib.root, "issue25.epub");
        // Charles Madison Curry and Erle Elsworth Clippinger, en
        Corpus.copy("epub/idpf-childrens-literature.epub", lib.root, "children.epub");
        Epubs.writeOpf(lib.root.resolve("eyre.epub"), "<dc:title>Jane Eyre</dc:title>"
                + "<dc:creator>Charlotte Brontë</dc:creator><dc:publisher>Smith, Elder &amp; Co.</dc:publisher>");
        Files.write(lib.root.resolve("broken.epub"), "not a zip".getBytes());
        lib.scan();
    }

    @AfterAll
    void close() {
        lib.close();
    }

    private Set<Long> search(String query) {
        return lib.app.libraries().search(lib.library.id(), query);
    }

    private long id(String title) {
        return lib.bookTitled(title).id();
    }

    private Set<Long> ids(String... titles) {
        return Arrays.stream(titles).map(this::id).collect(Collectors.toSet());
    }

    private static final String SHERLOCK = "The Adventures of Sherlock Holmes";

    private long sherlockSeriesBook() {
        return lib.books().stream().filter(b -> !b.fields().list(BookField.SERIES).isEmpty()).findFirst()
                .orElseThrow().id();
    }

    private long issue25Book() {
        return lib.books().stream().filter(b -> SHERLOCK.equals(b.title()) && b.fields().list(BookField.SERIES).isEmpty())
                .findFirst().orElseThrow().id();
    }

    @Test
    void seriesSherlockFindsOnlyTheBookOfTheSherlockHolmesSeries() {
        assertThat(search("series:\"Sherlock\"")).containsExactly(sherlockSeriesBook());
    }

    @Test
    void aFreeWordFindsBothBooksWithItInTheTitle() {
        assertThat(search("sherlock")).containsExactlyInAnyOrder(sherlockSeriesBook(), issue25Book());
    }

    @Test
    void aWordMayBeTheStartOfOneAndCaseDoesNotMatter() {
        assertThat(search("SHERL")).containsExactlyInAnyOrder(sherlockSeriesBook(), issue25Book());
    }

    @Test
    void anAuthorWithoutTheAccentFindsTheAuthorWithIt() {
        assertThat(search("author:bronte")).containsExactly(id("Jane Eyre"));
    }

    @Test
    void anAccentInTheQueryFindsTheSameBook() {
        assertThat(search("BRONTË")).containsExactly(id("Jane Eyre"));
    }

    @Test
    void aMinusExcludesTheBooksItMatches() {
        assertThat(search("sherlock -series:sherlock")).containsExactly(issue25Book());
    }

    @Test
    void aPhraseMatchesItsWordsInOrderOnly() {
        assertThat(search("\"adventures of sherlock\"")).containsExactlyInAnyOrder(sherlockSeriesBook(), issue25Book());
        assertThat(search("\"sherlock adventures\"")).isEmpty();
    }

    @Test
    void aFieldsWordsMayStandApartInTheValue() {
        assertThat(search("author:\"arthur doyle\"")).containsExactly(sherlockSeriesBook());
    }

    @Test
    void anExactValueMatchesTheWholeNameOnly() {
        assertThat(search("author:\"=Arthur Conan Doyle\"")).containsExactly(sherlockSeriesBook());
        assertThat(search("author:\"=Conan Doyle\"")).isEmpty();
        assertThat(search("author:\"conan doyle\"")).containsExactlyInAnyOrder(sherlockSeriesBook(), issue25Book());
    }

    @Test
    void anExactValueIgnoresCaseAccentsAndPunctuation() {
        assertThat(search("author:\"=charlotte bronte\"")).containsExactly(id("Jane Eyre"));
    }

    @Test
    void termsAreAllRequired() {
        assertThat(search("sherlock author:sir")).containsExactly(issue25Book());
    }

    @Test
    void genresAreSearchedByTheirField() {
        assertThat(search("genre:\"private investigators\"")).containsExactly(sherlockSeriesBook());
    }

    @Test
    void genresAreNotFreeWords() {
        assertThat(search("investigators")).isEmpty();
    }

    @Test
    void thePublisherOfAFileIsSearchedByItsField() {
        assertThat(search("publisher:elder")).containsExactly(id("Jane Eyre"));
    }

    @Test
    void aWholePublisherIsFoundAsTheOtherFieldsAre() {
        assertThat(search("publisher:\"=Smith, Elder & Co.\"")).containsExactly(id("Jane Eyre"));
        assertThat(search("publisher:\"=Elder\"")).isEmpty();
    }

    @ParameterizedTest(name = "{0} finds {1} books")
    @CsvSource(delimiter = '|', textBlock = """
            lang:en           | 4
            lang:"=en"        | 2
            lang:"=en-GB"     | 2
            lang:de           | 0
            format:epub       | 5
            format:pdf        | 0
            -format:epub      | 0
            """)
    void formatsAndLanguagesAreSearchedByCode(String query, int books) {
        assertThat(search(query)).hasSize(books);
    }

    @Test
    void aBlankQueryFindsEveryBook() {
        assertThat(search("  ")).hasSize(lib.books().size()).hasSize(5);
    }

    @Test
    void hasErrorFindsTheBookOfTheFileThatFailedToRead() {
        long broken = lib.books().stream().filter(b -> lib.book(b.id()).files().get(0).error() != null)
                .findFirst().orElseThrow().id();

        assertThat(search("has:error")).containsExactly(broken);
    }

    @Test
    void hasMissingFindsNothingWhileEveryFileIsOnDisk() {
        assertThat(search("has:missing")).isEmpty();
    }

    @Test
    void aMalformedQueryIsRefused() {
        assertThatThrownBy(() -> search("author:\"le guin")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aQueryOfPunctuationOnlyAsksNothing() {
        assertThat(search("-- &")).hasSize(5);
    }

    @Test
    void anotherLibrarysBooksAreNotFound() {
        long other = lib.app.libraries().create("Other", List.of()).id();

        assertThat(lib.app.libraries().search(other, "sherlock")).isEmpty();
    }
}
