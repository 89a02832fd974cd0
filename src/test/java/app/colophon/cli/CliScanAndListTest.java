package app.colophon.cli;

import app.colophon.testsupport.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scan}, {@code books}, {@code book}, the JSON names of DESIGN §7, usage errors, help and --data-dir. */
class CliScanAndListTest extends CliTest {

    private static final String BROKEN = "epub/epubcheck-ocf-zip-unreadable-empty-fatal.epub";

    private static final List<String> BOOK_KEYS = List.of("id", "title", "sortTitle", "subtitle", "description",
            "authors", "series", "genres", "tags", "sources", "durationSeconds", "files");
    private static final List<String> FILE_KEYS = List.of("id", "path", "format", "sizeBytes", "publisher",
            "releaseDate", "language", "identifiers", "narrators", "pageCount", "durationSeconds", "sources", "error", "bookId",
            "missing");
    private static final List<String> BOOK_FIELDS = List.of("title", "sortTitle", "subtitle", "description",
            "authors", "series", "genres", "tags");
    private static final List<String> FILE_FIELDS = List.of("publisher", "releaseDate", "language", "identifiers",
            "narrators");
    private static final List<String> SOURCE_NAMES = List.of("manual", "file_metadata", "filepath");

    /** One file of each format and a 0-byte EPUB; returns the broken file's copy. */
    private Path copyMixedFolder() {
        copy(SHERLOCK);
        copy("epub/idpf-childrens-literature.epub");
        copy("comics/comicbox-Captain Science #001-cix.cbz");
        copy("generated/gen-audiobook-chapters.m4b");
        copy("pdf/pysf-GeoTopo-komprimiert.pdf");
        return copy(BROKEN);
    }

    @Test
    void scanOfAFolderPrintsTheSummaryWithEachFailedFileAndItsParseError() {
        Path broken = copyMixedFolder();

        Run scan = scanBooksFolder();

        assertThat(scan.err()).isEmpty();
        assertThat(scan.out()).contains("Books added: 6,").contains("failed: 1");
        assertThat(scan.out().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("  " + broken.toAbsolutePath() + ": Failed to parse EPUB: "));
        assertThat(scan.out().lines()).anySatisfy(line -> assertThat(line).matches("Seconds: \\d+\\.\\d\\d"));
    }

    @Test
    void secondScanReportsEveryFileUnchanged() {
        copyMixedFolder();
        scanBooksFolder();

        Run again = scanBooksFolder();

        assertThat(again.out()).contains("Books added: 0, updated: 0, missing: 0")
                .contains("Files read: 0, unchanged: 6, moved: 0, missing: 0, failed: 0");
    }

    @Test
    void scanStoresTheParseErrorOnTheBrokenFile() {
        copy(BROKEN);
        scanBooksFolder();

        JsonNode file = bookJson(bookIdTitled("epubcheck-ocf-zip-unreadable-empty-fatal")).get("files").get(0);

        assertThat(file.get("error").asText()).startsWith("Failed to parse EPUB: ");
    }

    @Test
    void bookJsonHasExactlyTheBookNamesOfTheDesign() {
        JsonNode book = bookJson(scannedSherlock());

        assertThat(fieldNames(book)).containsExactlyInAnyOrderElementsOf(BOOK_KEYS);
        assertThat(elements(book.get("authors"))).isNotEmpty()
                .allSatisfy(a -> assertThat(fieldNames(a)).containsExactlyInAnyOrder("name", "role", "sortName"));
        // the EPUB's file-as (MANIFEST.tsv: {fa:Doyle, Arthur Conan})
        assertThat(book.get("authors").get(0).get("sortName").asText()).isEqualTo("Doyle, Arthur Conan");
        assertThat(elements(book.get("series"))).isNotEmpty()
                .allSatisfy(s -> assertThat(fieldNames(s)).containsExactlyInAnyOrder("name", "number"));
    }

    @Test
    void fileJsonHasExactlyTheFileNamesOfTheDesign() {
        JsonNode file = bookJson(scannedSherlock()).get("files").get(0);

        assertThat(fieldNames(file)).containsExactlyInAnyOrderElementsOf(FILE_KEYS);
        assertThat(elements(file.get("identifiers"))).isNotEmpty()
                .allSatisfy(i -> assertThat(fieldNames(i)).containsExactlyInAnyOrder("type", "value"));
    }

    @Test
    void bookSourcesMapTheBookFieldsToTheThreeSourceNames() {
        JsonNode sources = bookJson(scannedSherlock()).get("sources");

        assertThat(fieldNames(sources)).contains("title", "authors", "series").isSubsetOf(BOOK_FIELDS);
        assertThat(texts(sources)).isSubsetOf(SOURCE_NAMES);
        assertThat(sources.get("title").asText()).isEqualTo("file_metadata");
    }

    @Test
    void fileSourcesMapTheFileFieldsShownInTheJsonToTheThreeSourceNames() {
        JsonNode sources = bookJson(scannedSherlock()).get("files").get(0).get("sources");

        assertThat(fieldNames(sources)).contains("publisher", "language").isSubsetOf(FILE_FIELDS);
        assertThat(texts(sources)).isSubsetOf(SOURCE_NAMES);
    }

    @Test
    void filepathSourceIsNamedFilepath() {
        copy(BROKEN);
        scanBooksFolder();

        JsonNode book = bookJson(bookIdTitled("epubcheck-ocf-zip-unreadable-empty-fatal"));

        assertThat(book.get("sources").get("title").asText()).isEqualTo("filepath");
    }

    /** A source says where a value came from; an empty value has none, unless the user cleared it (manual). */
    @Test
    void sourcesNameNoSourceForAFieldTheFileLeftEmpty() {
        copy("comics/comicbox-Captain Science #001-cix.cbz");
        scanBooksFolder();

        JsonNode file = bookJson(bookIdTitled("The Beginning; The End")).get("files").get(0);

        assertThat(elements(file.get("narrators"))).isEmpty();
        assertThat(fieldNames(file.get("sources"))).doesNotContain("narrators");
    }

    @Test
    void booksJsonListsIdTitleAuthorsAndSeriesOfEachBook() {
        scannedSherlock();

        List<JsonNode> books = elements(colophon("books", "--json").json());

        assertThat(books).singleElement().satisfies(book -> {
            assertThat(fieldNames(book)).containsExactlyInAnyOrder("id", "title", "authors", "series");
            assertThat(book.get("title").asText()).isEqualTo(SHERLOCK_TITLE);
            assertThat(contributors(book.get("authors"))).containsExactly("Arthur Conan Doyle (author)");
            assertThat(series(book.get("series"))).containsExactly("Sherlock Holmes #3.0");
        });
    }

    @Test
    void booksWithoutJsonPrintsOneTabSeparatedLinePerBook() {
        long id = scannedSherlock();

        Run books = colophon("books");

        assertThat(books.out().lines())
                .containsExactly(id + "\t" + SHERLOCK_TITLE + "\tArthur Conan Doyle\tSherlock Holmes #3");
    }

    @Test
    void bookWithoutJsonShowsEachFieldWithItsSource() {
        long id = scannedSherlock();

        Run book = colophon("book", Long.toString(id));

        assertThat(book.out().lines()).contains("  title: " + SHERLOCK_TITLE + " [file_metadata]",
                "    publisher: Standard Ebooks [file_metadata]");
    }

    @Test
    void unknownCommandIsAUsageError() {
        colophon("frobnicate").failsWith(Cli.USAGE);
    }

    @Test
    void bookWithoutAnIdIsAUsageError() {
        colophon("book").failsWith(Cli.USAGE);
    }

    @Test
    void bookWithAnIdThatIsNotANumberIsAUsageError() {
        colophon("book", "abc").failsWith(Cli.USAGE);
    }

    @Test
    void editWithoutBookOrFileIsAUsageError() {
        colophon("edit").failsWith(Cli.USAGE);
    }

    @Test
    void scanOfAFolderThatDoesNotExistIsAUsageErrorAndAddsNothing() {
        Path missing = temp.resolve("no").resolve("such").resolve("folder");

        colophon("scan", missing.toString()).failsWith(Cli.USAGE);

        assertThat(elements(colophon("books", "--json").json())).isEmpty();
    }

    @Test
    void scanWithoutAFolderBeforeAnyFolderWasAddedIsAUsageError() {
        colophon("scan").failsWith(Cli.USAGE);
    }

    @Test
    void scanOfALibraryWhoseFolderIsGoneExitsWith5AndRemovesNothing() throws IOException {
        Path book = copy(SHERLOCK);
        scanBooksFolder();
        Files.delete(book);
        Files.delete(booksFolder());

        Run rescan = colophon("scan").failsWith(Cli.UNAVAILABLE);

        assertThat(rescan.err().strip()).isEqualTo("colophon: Library folder " + booksFolder().toAbsolutePath().normalize()
                + " is not available (unmounted?); nothing was changed");
        assertThat(elements(colophon("books", "--json").json())).extracting(b -> b.get("title").asText())
                .containsExactly(SHERLOCK_TITLE);
    }

    @Test
    void unknownBookIdIsNotFound() {
        scannedSherlock();

        Run run = colophon("book", "999").failsWith(Cli.NOT_FOUND);

        assertThat(run.err()).contains("999");
    }

    @Test
    void helpExitsZeroAndListsTheCommands() {
        Run help = runRaw("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().lines().map(String::strip))
                .anySatisfy(l -> assertThat(l).startsWith("scan "))
                .anySatisfy(l -> assertThat(l).startsWith("books "))
                .anySatisfy(l -> assertThat(l).startsWith("book "))
                .anySatisfy(l -> assertThat(l).startsWith("edit "))
                .anySatisfy(l -> assertThat(l).startsWith("resync "));
    }

    @Test
    void versionExitsZeroAndNamesColophon() {
        Run version = runRaw("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Colophon ");
    }

    @Test
    void dataDirBeforeTheCommandHoldsTheDatabase() {
        copy(SHERLOCK);
        Path data = temp.resolve("before");

        runRaw("--data-dir", data.toString(), "scan", booksFolder().toString());
        Run books = runRaw("--data-dir", data.toString(), "books", "--json");

        assertThat(Files.isRegularFile(data.resolve("colophon.db"))).isTrue();
        assertThat(elements(books.json())).extracting(b -> b.get("title").asText()).containsExactly(SHERLOCK_TITLE);
    }

    @Test
    void dataDirAfterTheCommandIsInherited() {
        copy(SHERLOCK);
        Path data = temp.resolve("after");

        runRaw("scan", booksFolder().toString(), "--data-dir", data.toString());
        Run books = runRaw("books", "--json", "--data-dir=" + data);

        assertThat(Files.isRegularFile(data.resolve("colophon.db"))).isTrue();
        assertThat(elements(books.json())).extracting(b -> b.get("title").asText()).containsExactly(SHERLOCK_TITLE);
    }

    /** The whole corpus, scanned once where it lies: it is read-only to Colophon. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WholeCorpusInPlace {

        private Map<Path, String> before;
        private Run scan;
        private List<JsonNode> books;

        @BeforeAll
        void scanTheCorpus(@TempDir Path data) {
            before = snapshot(Corpus.root());
            List<String> args = new ArrayList<>(List.of("--data-dir", data.toString(), "scan"));
            Corpus.thirdPartyFolders().forEach(folder -> args.add(folder.toString()));
            scan = runRaw(args.toArray(String[]::new));
            books = elements(runRaw("--data-dir", data.toString(), "books", "--json").json());
        }

        @Test
        void scanExitsZero() {
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            assertThat(scan.out()).contains("Books added: ");
        }

        @Test
        void scanNeverWritesToTheCorpus() {
            assertThat(snapshot(Corpus.root())).isEqualTo(before);
        }

        @Test
        void listsSherlockHolmesByArthurConanDoyleAsSherlockHolmesNumberThree() {
            assertThat(titled(SHERLOCK_TITLE)).anySatisfy(b -> {
                assertThat(contributors(b.get("authors"))).containsExactly("Arthur Conan Doyle (author)");
                assertThat(series(b.get("series"))).containsExactly("Sherlock Holmes #3.0");
            });
        }

        @Test
        void listsTheGeneratedAudiobookByJaneRoeAndJohnDoe() {
            assertThat(titled("The Generated Audiobook: Part Two")).singleElement().satisfies(b -> {
                assertThat(contributors(b.get("authors"))).containsExactly("Jane Roe (author)", "John Doe (author)");
                assertThat(series(b.get("series"))).containsExactly("Generated Saga #2.0");
            });
        }

        @Test
        void listsGeometrieUndTopologieByMartinThoma() {
            assertThat(titled("Geometrie und Topologie")).singleElement().satisfies(b -> {
                assertThat(contributors(b.get("authors"))).containsExactly("Martin Thoma (author)");
                assertThat(elements(b.get("series"))).isEmpty();
            });
        }

        @Test
        void listsCaptainScienceNumberOneWithItsCreatorsAndRoles() {
            assertThat(books).filteredOn(b -> series(b.get("series")).contains("Captain Science #1.0"))
                    .isNotEmpty()
                    .allSatisfy(b -> assertThat(contributors(b.get("authors")))
                            .containsExactly("Joe Orlando (writer)", "Wally Wood (penciller)", "Wally Wood (inker)"));
        }

        @Test
        void listsAccelWorldVolumeOneAsAccelWorldNumberOne() {
            assertThat(titled("Accel World, Vol 1")).anySatisfy(b -> {
                assertThat(contributors(b.get("authors"))).contains("Roger Starbuck (author)");
                assertThat(series(b.get("series"))).containsExactly("Accel World #1.0");
            });
        }

        private List<JsonNode> titled(String title) {
            return books.stream().filter(b -> title.equals(b.get("title").asText())).toList();
        }
    }

    /** Every file and folder under {@code root} with its size and modified time. */
    private static Map<Path, String> snapshot(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<Path, String> out = new TreeMap<>();
            for (Path p : paths.toList()) {
                out.put(root.relativize(p), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
