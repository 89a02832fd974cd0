package app.colophon.api;

import app.colophon.model.Edits;
import app.colophon.json.JsonView;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import app.colophon.store.Database;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §5's table over HTTP, for books and for files: {@code POST /books/:id/resync} and
 * {@code POST /files/:id/resync} answer the updated object itself (200), a removal (200), an unknown id (404) or a
 * file that cannot be read (422, nothing changed); {@code refresh: false} keeps a manual title,
 * {@code refresh: true} replaces it.
 */
class ApiServerResyncTest {

    @TempDir
    Path temp;

    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start(temp);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Dune by Frank Herbert, scanned, retitled "My Dune" by hand, and the file since rewritten with a new author. */
    private long duneWithManualTitle() {
        Path file = Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        api.lib.scan();
        long id = api.lib.bookTitled("Dune").id();
        api.lib.app.editor().editBook(id, Edits.ofBook().set(BookField.TITLE, "My Dune"));
        Epubs.write(file, "Dune", "Frank Patrick Herbert");
        return id;
    }

    private BookFile onlyFile(long bookId) {
        assertThat(api.lib.book(bookId).files()).hasSize(1);
        return api.lib.book(bookId).files().get(0);
    }

    @Test
    void bookScanKeepsTheManualTitleAndAnswersTheUpdatedBook() {
        long id = duneWithManualTitle();

        JsonNode book = ApiFixture.json(api.resync("books", id, false), 200);

        assertThat(book).isEqualTo(ApiFixture.cliJson(JsonView.book(api.lib.book(id))));
        assertThat(book.get("id").asLong()).isEqualTo(id);
        assertThat(book.get("title").asText()).isEqualTo("My Dune");
        assertThat(book.get("sources").get("title").asText()).isEqualTo("manual");
        assertThat(book.get("authors").get(0).get("name").asText()).isEqualTo("Frank Patrick Herbert");
        assertThat(book.has("status")).as("the book itself, not wrapped").isFalse();
    }

    @Test
    void bookRefreshReplacesTheManualTitle() {
        long id = duneWithManualTitle();

        JsonNode book = ApiFixture.json(api.resync("books", id, true), 200);

        assertThat(book).isEqualTo(ApiFixture.cliJson(JsonView.book(api.lib.book(id))));
        assertThat(book.get("title").asText()).isEqualTo("Dune");
        assertThat(book.get("sources").get("title").asText()).isEqualTo("file_metadata");
        assertThat(book.get("authors").get(0).get("name").asText()).isEqualTo("Frank Patrick Herbert");
    }

    @Test
    void fileScanKeepsManualValuesAndAnswersTheUpdatedFile() {
        long bookId = duneWithManualTitle();
        long fileId = onlyFile(bookId).id();
        api.lib.app.editor().editFile(fileId, Edits.ofFile().set(FileField.LANGUAGE, "fr"));

        JsonNode file = ApiFixture.json(api.resync("files", fileId, false), 200);

        assertThat(file).isEqualTo(ApiFixture.cliJson(JsonView.file(onlyFile(bookId))));
        assertThat(file.get("id").asLong()).isEqualTo(fileId);
        assertThat(file.get("language").asText()).isEqualTo("fr");
        assertThat(file.get("sources").get("language").asText()).isEqualTo("manual");
        JsonNode book = ApiFixture.json(api.get("/books/" + bookId), 200);
        assertThat(book.get("title").asText()).isEqualTo("My Dune");
        assertThat(book.get("authors").get(0).get("name").asText()).isEqualTo("Frank Patrick Herbert");
    }

    @Test
    void fileRefreshReplacesManualValuesOfTheFileAndItsBook() {
        long bookId = duneWithManualTitle();
        long fileId = onlyFile(bookId).id();
        api.lib.app.editor().editFile(fileId, Edits.ofFile().set(FileField.LANGUAGE, "fr"));

        JsonNode file = ApiFixture.json(api.resync("files", fileId, true), 200);

        assertThat(file).isEqualTo(ApiFixture.cliJson(JsonView.file(onlyFile(bookId))));
        assertThat(file.get("language").asText()).isEqualTo("en");
        assertThat(file.get("sources").get("language").asText()).isEqualTo("file_metadata");
        JsonNode book = ApiFixture.json(api.get("/books/" + bookId), 200);
        assertThat(book.get("title").asText()).isEqualTo("Dune");
        assertThat(book.get("sources").get("title").asText()).isEqualTo("file_metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"books", "files"})
    void unknownIdIs404(String kind) {
        String message = ApiFixture.error(api.resync(kind, 424242, false), 404);

        assertThat(message).isEqualTo("No " + kind.substring(0, 4) + " with id 424242");
        assertThat(ApiFixture.error(api.post("/" + kind + "/x1/resync", "{\"refresh\": true}"), 404)).contains("x1");
    }

    @Test
    void fileGoneFromDiskIsRemovedWithItsBook() throws IOException {
        Epubs.write(api.lib.root.resolve("Emma.epub"), "Emma", null); // keeps the folder available
        Path path = Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long bookId = api.lib.bookTitled("Dune").id();
        long fileId = onlyFile(bookId).id();
        Files.delete(path);

        JsonNode removed = ApiFixture.json(api.resync("files", fileId, false), 200);

        assertThat(removed).isEqualTo(ApiFixture.parse("{\"status\":\"removed\",\"fileDeleted\":true,\"bookDeleted\":true}"));
        assertThat(api.lib.findBook(bookId)).isEmpty();
        ApiFixture.error(api.get("/files/" + fileId), 404);
    }

    @Test
    void bookWhoseOnlyFileIsGoneIsRemoved() throws IOException {
        Epubs.write(api.lib.root.resolve("Emma.epub"), "Emma", null); // keeps the folder available
        Path path = Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long bookId = api.lib.bookTitled("Dune").id();
        Files.delete(path);

        JsonNode removed = ApiFixture.json(api.resync("books", bookId, true), 200);

        assertThat(removed).isEqualTo(ApiFixture.parse("{\"status\":\"removed\",\"fileDeleted\":true,\"bookDeleted\":true}"));
        ApiFixture.error(api.get("/books/" + bookId), 404);
        ApiFixture.error(api.resync("books", bookId, true), 404);
    }

    @Test
    void resyncOfABookUnderAnUnmountedFolderIsAConflictAndChangesNothing() throws IOException {
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long bookId = api.lib.bookTitled("Dune").id();
        api.lib.app.editor().editBook(bookId, app.colophon.model.Edits.ofBook().set(app.colophon.model.BookField.TITLE, "PRECIOUS"));
        Files.move(api.lib.root, api.lib.root.resolveSibling("unmounted"));

        for (boolean refresh : new boolean[] {false, true}) {
            assertThat(ApiFixture.error(api.resync("books", bookId, refresh), 409))
                    .isEqualTo("Library folder " + api.lib.root + " is not available (unmounted?); nothing was changed");
            long fileId = onlyFile(bookId).id();
            ApiFixture.error(api.resync("files", fileId, refresh), 409);
        }
        assertThat(api.lib.book(bookId).book().title()).isEqualTo("PRECIOUS");
    }

    @Test
    void goneAudiobookOfABookWithTwoFilesIsRemovedAndTheBookStays() throws IOException {
        Corpus.copy("epub/stump-book.epub", api.lib.root, "Alice.epub");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", api.lib.root, "Alice.m4b");
        api.lib.scan();
        BookFile audioFile = api.lib.fileAt(audio);
        Files.delete(audio);

        JsonNode removed = ApiFixture.json(api.resync("files", audioFile.id(), false), 200);

        assertThat(removed).isEqualTo(ApiFixture.parse("{\"status\":\"removed\",\"fileDeleted\":true,\"bookDeleted\":false}"));
        assertThat(api.lib.book(audioFile.bookId()).files()).hasSize(1);
    }

    @Test
    void bookWithAGoneAndAnUnreadableFileIsUpdatedFromTheOthersAndNamesThem() throws IOException {
        Path epub = Corpus.copy("epub/stump-book.epub", api.lib.root, "Alice.epub");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", api.lib.root, "Alice.m4b");
        Path pdf = Corpus.copy("pdf/komga-komga.pdf", api.lib.root, "Alice.pdf");
        api.lib.scan();
        long bookId = api.lib.fileAt(epub).bookId();
        Files.delete(audio);
        Files.write(pdf, new byte[] {1, 2, 3});

        JsonNode book = ApiFixture.json(api.resync("books", bookId, false), 200);

        assertThat(book.get("id").asLong()).isEqualTo(bookId);
        assertThat(book.get("files")).hasSize(2);
        assertThat(book.get("failures")).singleElement().extracting(JsonNode::asText).asString().startsWith("Alice.pdf: Failed to parse PDF");
        assertThat(book.get("removedFiles")).singleElement().extracting(JsonNode::asText).isEqualTo(audio.toAbsolutePath().toString());
    }

    @Test
    void bookWithoutFilesIsRemovedAsAnOrphan() {
        long orphanId;
        try (Database db = Database.open(temp.resolve("data").resolve("colophon.db"))) {
            orphanId = db.inTransaction(() -> db.books().insert(api.lib.library.id(), api.lib.root.toString(), "orphan",
                    BookField.none().with(BookField.TITLE, "Orphan", Source.FILEPATH))).id();
        }

        JsonNode removed = ApiFixture.json(api.resync("books", orphanId, false), 200);

        assertThat(removed).isEqualTo(ApiFixture.parse("{\"status\":\"removed\",\"fileDeleted\":false,\"bookDeleted\":true}"));
        assertThat(api.lib.findBook(orphanId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unreadableFileIs422WithTheParseMessageAndTheDatabaseUnchanged(boolean refresh) {
        long bookId = duneWithManualTitle();
        long fileId = onlyFile(bookId).id();
        Epubs.writeOpf(api.lib.root.resolve("Dune.epub"), "<dc:title>Dune</dc:title><dc:creator>Frank Herbert");
        JsonNode before = ApiFixture.json(api.get("/books/" + bookId), 200);

        String bookError = ApiFixture.error(api.resync("books", bookId, refresh), 422);
        String fileError = ApiFixture.error(api.resync("files", fileId, refresh), 422);

        assertThat(bookError).startsWith("Failed to parse EPUB: invalid OPF structure");
        assertThat(fileError).isEqualTo(bookError);
        assertThat(ApiFixture.json(api.get("/books/" + bookId), 200)).isEqualTo(before);
        assertThat(before.get("title").asText()).isEqualTo("My Dune");
    }
}
