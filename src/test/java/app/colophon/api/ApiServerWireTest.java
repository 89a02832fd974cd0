package app.colophon.api;

import app.colophon.testsupport.Epubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes over the wire, read from a raw socket: status lines with their reason phrases, JSON errors, stalls. */
class ApiServerWireTest {

    @TempDir
    Path temp;

    private ApiFixture api;
    private long bookId;
    private long brokenId;

    @BeforeEach
    void start() throws IOException {
        api = ApiFixture.start(temp);
        Epubs.write(api.lib.root.resolve("Dune.epub"), "Dune", null);
        Files.write(api.lib.root.resolve("Broken.epub"), new byte[] {'P', 'K', 3, 4, 0, 0});
        api.lib.scan();
        bookId = api.lib.bookTitled("Dune").id();
        brokenId = api.lib.bookTitled("Broken").id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /books                    | 200 | OK
            GET    | /nowhere                  | 404 | Not Found
            PUT    | /books                    | 405 | Method Not Allowed
            POST   | /books/BOOK/resync        | 200 | OK
            POST   | /books/BROKEN/resync      | 422 | Unprocessable Entity
            """)
    void everyStatusGoesOutWithItsReasonPhrase(String method, String path, int status, String reason) throws IOException {
        String target = path.replace("BROKEN", Long.toString(brokenId)).replace("BOOK", Long.toString(bookId));

        String response = exchange(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.token + "\r\nContent-Length: 0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 " + status + " " + reason + "\r\n");
        assertThat(response).contains("Content-Type: application/json; charset=utf-8");
    }

    @Test
    void anUnavailableFolderIs409Conflict() throws IOException {
        Files.move(api.lib.root, temp.resolve("away"));

        String response = exchange("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.token + "\r\nContent-Length: 0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 409 Conflict\r\n").contains("is not available (unmounted?)");
    }

    @Test
    void aMissingTokenIs401UnauthorizedAsJson() throws IOException {
        String response = exchange("GET /books HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 401 Unauthorized\r\n").contains("{\n  \"error\" : \"Missing token");
    }

    @Test
    void aTooLargeBodyIs413ContentTooLarge() throws IOException {
        String response = exchange("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.token + "\r\nContent-Length: 999999999\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413 Content Too Large\r\n");
    }

    @Test
    void aGarbageRequestLineIs400AsJsonNotHtml() throws IOException {
        String response = exchange("HELLO\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\"error\" : \"Malformed request line");
    }

    @Test
    void aBadContentLengthIs400AsJson() throws IOException {
        String response = exchange("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + api.token + "\r\nContent-Length: twelve\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Invalid Content-Length");
    }

    /** Three ways to hold a connection open: half a request line; headers without a token and a body never sent; the same with the token. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            half a request line                       | GET /bo
            headers without a token, no body          | POST /books/1/resync HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Length: 100\\r\\n\\r\\n
            headers with the token, the body never    | POST /books/1/resync HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nAuthorization: Bearer TOKEN\\r\\nContent-Length: 100\\r\\n\\r\\n
            """)
    void sixtyFourStalledConnectionsDoNotKeepANormalRequestWaiting(String kind, String stall) throws IOException {
        byte[] start = stall.replace("\\r\\n", "\r\n").replace("TOKEN", api.token).getBytes(StandardCharsets.US_ASCII);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Socket s = new Socket("127.0.0.1", api.server.port());
                s.getOutputStream().write(start); // then nothing more
                stalled.add(s);
            }

            long begin = System.nanoTime();
            String response = exchange("GET /books HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + api.token + "\r\n\r\n");
            long millis = (System.nanoTime() - begin) / 1_000_000;

            assertThat(response).startsWith("HTTP/1.1 200 OK");
            assertThat(millis).as("not a timing test: far below the 10 s a stalled request may take").isLessThan(10_000);
            System.out.printf("RELIABILITY api\t64 stalled connections (%s)\ta normal request answered in %d ms%n", kind, millis);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no token      | ''                                   | 401 Unauthorized
            too large     | 'Authorization: Bearer TOKEN\\r\\n' | 413 Content Too Large
            """)
    void anAnswerThatNeedsNoBodyDoesNotWaitForIt(String kind, String auth, String status) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(5_000); // the server waits 10 s for a body; the answer must come before that
            socket.getOutputStream().write(("POST /books/" + bookId + "/resync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + auth.replace("\\r\\n", "\r\n").replace("TOKEN", api.token)
                    + "Content-Length: " + (ApiServer.MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            String head = new String(socket.getInputStream().readNBytes(9 + status.length() + 2), StandardCharsets.US_ASCII);

            assertThat(head).isEqualTo("HTTP/1.1 " + status + "\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:PORT", "localhost", "LocalHost:PORT", "[::1]", "[::1]:PORT"})
    void requestsForTheLoopbackAreAnswered(String host) throws IOException {
        String response = exchange("GET /books HTTP/1.1\r\nHost: " + host.replace("PORT", Integer.toString(api.server.port()))
                + "\r\nAuthorization: Bearer " + api.token + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host: evil.example\r\n", "Host: evil.example:PORT\r\n", "Host: 127.0.0.1.evil.example\r\n",
            "Host: localhost.\r\n", "Host: 127.0.0.2:PORT\r\n", "Host: 0.0.0.0:PORT\r\n", "Host: \r\n", "",
            "Host: 127.0.0.1\r\nHost: evil.example\r\n"})
    void requestsForAnyOtherHostAre421EvenWithTheToken(String hostHeaders) throws IOException {
        String response = exchange("GET /books HTTP/1.1\r\n" + hostHeaders.replace("PORT", Integer.toString(api.server.port()))
                + "Authorization: Bearer " + api.token + "\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 421 Misdirected Request\r\n").contains("\"error\" : \"");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server hung up after its answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
