package app.colophon.api;

import app.colophon.model.Edits;
import app.colophon.model.BookField;
import app.colophon.testsupport.Epubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resync request body: {@code {"mode": "scan"|"refresh"|"reset"}} or {@code {"refresh": <boolean>}}, neither or
 * both meaning a scan, and nothing else (400 otherwise); at most 64 KiB (413 otherwise, answered before a larger
 * body is read, whether its length is declared or it is chunked).
 */
class ApiServerBodyTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path temp;

    private ApiFixture api;
    private long bookId;

    @BeforeEach
    void start() {
        api = ApiFixture.start(temp);
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        api.lib.scan();
        bookId = api.lib.bookTitled("Dune").id();
        api.lib.app.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "Mine"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long fileId() {
        return api.lib.book(bookId).files().get(0).id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"refresh\": tru}", "[]", "true", "null", "\"refresh\"",
            "{\"refresh\": \"true\"}", "{\"refresh\": 1}", "{\"refresh\": null}", "{\"Refresh\": true}",
            "{\"refresh\": true, \"force\": true}", "{\"refresh\": false} {}", "{\"refresh\": true, \"refresh\": true}",
            "{\"mode\": \"purge\"}", "{\"mode\": \"RESET\"}", "{\"mode\": 1}", "{\"mode\": null}", "{\"Mode\": \"scan\"}"})
    void anythingButAModeOrARefreshBooleanIs400NamingTheAllowedValuesAndChangesNothing(String body) {
        for (String path : new String[] {"/books/" + bookId + "/resync", "/files/" + fileId() + "/resync"}) {
            String message = ApiFixture.error(api.post(path, body), 400);

            assertThat(message).as("body %s", body).contains("\"scan\"").contains("\"refresh\"").contains("\"reset\"");
        }
        assertThat(api.lib.book(bookId).book().title()).isEqualTo("Mine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{}", "{\"mode\": \"scan\"}", "{\"refresh\": false}",
            "{\"mode\": \"reset\", \"refresh\": true}"})
    void noModeAModeOfScanOrBothAreAScanThatKeepsTheManualTitle(String body) {
        JsonNode book = ApiFixture.json(api.post("/books/" + bookId + "/resync", body), 200);

        assertThat(book.get("title").asText()).as("body %s", body).isEqualTo("Mine");
        assertThat(book.get("sources").get("title").asText()).isEqualTo("manual");
    }

    @Test
    void missingBodyIsAScan() {
        HttpResponse<String> response = api.send(api.request("/books/" + bookId + "/resync")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(ApiFixture.json(response, 200).get("title").asText()).isEqualTo("Mine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"mode\": \"refresh\"}", "{\"refresh\": true}", "{\"mode\": \"reset\"}"})
    void aRefreshOrAResetTakesTheFilesTitle(String body) {
        JsonNode book = ApiFixture.json(api.post("/books/" + bookId + "/resync", body), 200);

        assertThat(book.get("title").asText()).isEqualTo("Dune");
        assertThat(book.get("sources").get("title").asText()).isEqualTo("file_metadata");
    }

    @Test
    void contentTypeIsNotRequired() {
        // curl -d sends application/x-www-form-urlencoded unless told otherwise; the body is read as JSON anyway.
        HttpResponse<String> form = api.send(api.request("/books/" + bookId + "/resync")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\":true}")).build());
        HttpResponse<String> none = api.send(api.request("/files/" + fileId() + "/resync")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\":false}")).build());

        assertThat(ApiFixture.json(form, 200).get("title").asText()).isEqualTo("Dune");
        assertThat(ApiFixture.json(none, 200).get("id").asLong()).isEqualTo(fileId());
    }

    @Test
    void bodyUpToTheLimitIsRead() {
        String padded = "{\"refresh\": true" + " ".repeat(ApiServer.MAX_BODY_BYTES - 18) + "}";
        assertThat(padded.length()).isEqualTo(ApiServer.MAX_BODY_BYTES - 1);

        assertThat(ApiFixture.json(api.post("/books/" + bookId + "/resync", padded), 200).get("title").asText())
                .isEqualTo("Dune");
    }

    @Test
    void tenMegabyteBodyIsRejectedWithoutBeingRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + api.token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + TEN_MB + "\r\n\r\n{\"refresh\": true, \"pad\": \"").getBytes(StandardCharsets.US_ASCII));
            out.write(spaces(1024));
            out.flush();

            // Answered while all but 1 KiB of the 10 MB are still unsent.
            String response = readResponse(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 413 ").contains("Request body too large: at most 65536 bytes");

            // The server reads at most a little more to finish the exchange, then hangs up instead of taking the rest.
            out.write(spaces(128 * 1024));
            out.flush();
            assertThat(readsToTheEnd(socket.getInputStream())).isTrue();
        }
        assertThat(api.lib.book(bookId).book().title()).isEqualTo("Mine");
    }

    @Test
    void chunkedBodyIsCutOffPastTheLimit() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /files/" + fileId() + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + api.token + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = spaces(8 * 1024);
            for (int i = 0; i < 9; i++) { // 72 KiB, no last chunk: the body has no end in sight
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();

            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
        }
        assertThat(api.lib.book(bookId).book().title()).isEqualTo("Mine");
    }

    @Test
    void declaredLengthOverTheLimitIsRejectedEvenWithoutAToken() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: " + TEN_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 401 ");
        }
    }

    private static byte[] spaces(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }

    /** Reads one HTTP response (status line, headers, then Content-Length bytes of body) and returns it as text. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** True once the server has closed the connection (end of stream, or a reset). */
    private static boolean readsToTheEnd(InputStream in) throws IOException {
        try {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // nothing more is expected, but read whatever comes
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }
}
