package app.colophon.api;

import app.colophon.model.Edits;
import app.colophon.json.JsonView;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
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
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The API's reads, its routing and its token, by real HTTP calls to a server on a free port: {@code GET} answers
 * with the command line's JSON, unknown ids and paths are 404, other methods 405, and nothing works without the
 * token (401).
 */
class ApiServerTest {

    private static final String SHERLOCK = "epub/se-the-adventures-of-sherlock-holmes.epub";

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

    @Test
    void getBooksListsTheLibraryInTheCommandLinesJson() {
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(api.lib.root.resolve("Emma.epub"), "Emma", "Jane Austen");
        api.lib.scan();

        JsonNode books = ApiFixture.json(api.get("/books"), 200);

        assertThat(books).hasSize(2);
        assertThat(books).isEqualTo(ApiFixture.cliJson(api.lib.app.libraries().summaries(api.lib.library.id()).stream().map(JsonView::summary).toList()));
    }

    @Test
    void getBooksOfAnEmptyLibraryIsAnEmptyList() {
        assertThat(ApiFixture.json(api.get("/books"), 200).isArray()).isTrue();
        assertThat(ApiFixture.json(api.get("/books/"), 200)).isEmpty();
    }

    @Test
    void getBookIsTheCommandLinesBookJson() {
        Corpus.copy(SHERLOCK, api.lib.root);
        api.lib.scan();
        Book book = api.lib.bookTitled("The Adventures of Sherlock Holmes");

        JsonNode json = ApiFixture.json(api.get("/books/" + book.id()), 200);

        assertThat(json).isEqualTo(ApiFixture.cliJson(JsonView.book(api.lib.book(book.id()))));
        assertThat(json.get("sources").get("title").asText()).isEqualTo("file_metadata");
        assertThat(json.get("files")).hasSize(1);
    }

    @Test
    void getFileIsTheCommandLinesFileJson() {
        Corpus.copy(SHERLOCK, api.lib.root);
        api.lib.scan();
        BookFile file = api.lib.book(api.lib.bookTitled("The Adventures of Sherlock Holmes").id()).files().get(0);

        JsonNode json = ApiFixture.json(api.get("/files/" + file.id()), 200);

        assertThat(json).isEqualTo(ApiFixture.cliJson(JsonView.file(file)));
        assertThat(json.get("format").asText()).isEqualTo("epub");
    }

    @Test
    void unknownBookOrFileIdIs404WithAJsonError() {
        assertThat(ApiFixture.error(api.get("/books/987654"), 404)).isEqualTo("No book with id 987654");
        assertThat(ApiFixture.error(api.get("/files/987654"), 404)).isEqualTo("No file with id 987654");
        assertThat(ApiFixture.error(api.get("/books/dune"), 404)).isEqualTo("No book with id dune");
        assertThat(ApiFixture.error(api.get("/files/99999999999999999999999"), 404)).startsWith("No file with id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/book/1", "/files", "/books/1/files", "/books/1/resync/now", "/api/books"})
    void unknownPathIs404WithAJsonError(String path) {
        assertThat(ApiFixture.error(api.get(path), 404)).startsWith("No such endpoint: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsOnTheResyncEndpointsAre405(String method) {
        for (String path : List.of("/books/1/resync", "/files/1/resync")) {
            HttpResponse<String> response = api.send(api.request(path)
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"refresh\": false}")).build());

            assertThat(ApiFixture.error(response, 405)).contains(method).contains("use POST");
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void otherMethodsOnTheReadEndpointsAre405(String method) {
        for (String path : List.of("/books", "/books/1", "/files/1")) {
            HttpResponse<String> response = api.send(api.request(path)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

            assertThat(ApiFixture.error(response, 405)).contains("use GET");
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void getOnAResyncEndpointIs405() {
        assertThat(ApiFixture.error(api.get("/books/1/resync"), 405)).contains("use POST");
    }

    @Test
    void headOnTheReadEndpointsAnswersAsGetWithoutABody() {
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long id = api.lib.bookTitled("Dune").id();
        long fileId = api.lib.book(id).files().get(0).id();

        for (String path : List.of("/books", "/books/" + id, "/files/" + fileId)) {
            HttpResponse<String> head = api.send(api.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).as(path).hasValue("application/json; charset=utf-8");
            assertThat(head.body()).isEmpty();
        }
        HttpResponse<String> unknown = api.send(api.request("/books/999").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void missingTokenIs401() {
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long id = api.lib.bookTitled("Dune").id();

        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(api.uri("/books")).GET().build(),
                HttpRequest.newBuilder(api.uri("/books/" + id)).GET().build(),
                HttpRequest.newBuilder(api.uri("/books/" + id + "/resync"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": true}")).build(),
                HttpRequest.newBuilder(api.uri("/nowhere")).DELETE().build())) {
            HttpResponse<String> response = api.send(request);

            // Where the token is, but not the data folder's path (which names the user) to whoever asks.
            assertThat(ApiFixture.error(response, 401)).startsWith("Missing token").contains("api-token")
                    .doesNotContain(temp.toString());
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"colophon\"");
        }
        assertThat(api.lib.bookTitled("Dune").id()).isEqualTo(id);
    }

    @Test
    void wrongTokenIs401AndChangesNothing() {
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        long id = api.lib.bookTitled("Dune").id();
        api.lib.app.editor().editBook(id, Edits.ofBook().set(BookField.TITLE, "Mine"));
        String wrong = api.token.substring(0, api.token.length() - 1) + (api.token.endsWith("A") ? "B" : "A");

        for (String authorization : List.of("Bearer " + wrong, "Bearer", "Bearer " + api.token + "x",
                "Basic " + api.token, api.token, "Bearer " + api.token.substring(1))) {
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/books/" + id + "/resync"))
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": true}")).build());

            assertThat(ApiFixture.error(response, 401)).as(authorization).startsWith("Wrong token");
        }
        HttpResponse<String> inQuery = api.send(HttpRequest.newBuilder(api.uri("/books?token=" + api.token)).GET().build());
        assertThat(inQuery.statusCode()).isEqualTo(401);
        assertThat(api.lib.bookTitled("Mine").id()).isEqualTo(id);
    }

    @Test
    void tokenSchemeIsCaseInsensitive() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/books"))
                .header("Authorization", "bearer " + api.token).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenIsGeneratedOnceIntoAnOwnerOnlyFileAndKept() throws IOException {
        Path file = temp.resolve("data").resolve("api-token");

        assertThat(api.server.tokenFile()).isEqualTo(file.toAbsolutePath());
        assertThat(api.token).matches("[A-Za-z0-9_-]{43}");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (ApiServer second = ApiServer.start(api.lib.app, 0)) {
            assertThat(second.port()).isNotEqualTo(api.server.port());
            assertThat(Files.readString(second.tokenFile()).strip()).isEqualTo(api.token);
        }
        assertThat(ApiToken.loadOrCreate(temp.resolve("other")).matches(api.token)).isFalse();
    }

    @Test
    void loosenedTokenFileIsMadeOwnerOnlyAgain() throws IOException {
        Path file = api.server.tokenFile();
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ApiToken token = ApiToken.loadOrCreate(temp.resolve("data"));

        assertThat(token.matches(api.token)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void tokenFileWithoutAValidTokenIsAClearError() throws IOException {
        Path data = Files.createDirectories(temp.resolve("weak"));
        Files.writeString(data.resolve("api-token"), "secret\n");

        assertThatThrownBy(() -> ApiToken.loadOrCreate(data))
                .hasMessageContaining("does not hold a valid token").hasMessageContaining("delete it");
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws IOException {
        assertThat(api.server.uri().toString()).isEqualTo("http://127.0.0.1:" + api.server.port() + "/");
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "no non-loopback IPv4 address on this machine");

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), api.server.port()), 5000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void closedServerRefusesConnections() {
        int port = api.server.port();
        api.server.close();
        api.server.close();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            // Linux may hand the client the very port just freed, and a socket then connects to itself: that is
            // no server answering
            assertThat(socket.getLocalPort()).as("connected to a server after close").isEqualTo(port);
        } catch (ConnectException refused) {
            assertThat(refused).hasMessageContaining("refused");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
