package app.colophon.api;

import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /books?q=…}: the window's search language over HTTP, a malformed query a 400 saying why. */
class ApiServerSearchTest {

    @TempDir
    Path temp;

    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start(temp);
        // series "Sherlock Holmes"; the second has the same title and no series
        Corpus.copy("epub/se-the-adventures-of-sherlock-holmes.epub", api.lib.root, "sherlock.epub");
        Corpus.copy("epub/epubcheck-Issue25.epub", api.lib.root, "issue25.epub");
        Epubs.write(api.lib.root.resolve("eyre.epub"), "Jane Eyre", "Charlotte Brontë");
        api.lib.scan();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<String> titles(String query) {
        JsonNode books = ApiFixture.json(api.get("/books?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), 200);
        return StreamSupport.stream(books.spliterator(), false).map(b -> b.get("title").asText()).toList();
    }

    @Test
    void seriesSherlockListsOnlyTheBookOfThatSeries() {
        List<String> found = titles("series:\"Sherlock\"");

        assertThat(found).containsExactly("The Adventures of Sherlock Holmes");
        assertThat(ApiFixture.json(api.get("/books?q=series%3A%22Sherlock%22"), 200).get(0).get("series").get(0)
                .get("name").asText()).isEqualTo("Sherlock Holmes");
    }

    @Test
    void aPlusInTheQueryStringIsASpace() {
        assertThat(ApiFixture.json(api.get("/books?q=sherlock+-series:sherlock"), 200)).hasSize(1);
    }

    @Test
    void anAccentlessAuthorFindsTheBook() {
        assertThat(titles("author:bronte")).containsExactly("Jane Eyre");
    }

    @Test
    void anEmptyQueryListsEveryBook() {
        assertThat(ApiFixture.json(api.get("/books?q="), 200)).hasSize(3);
    }

    @Test
    void aMalformedQueryIsA400SayingWhy() {
        String error = ApiFixture.error(api.get("/books?q=" + URLEncoder.encode("author:\"le guin", StandardCharsets.UTF_8)), 400);

        assertThat(error).contains("the quote at 8 is not closed");
    }

    @Test
    void anUnknownHasValueIsA400() {
        assertThat(ApiFixture.error(api.get("/books?q=has:covers"), 400)).contains("has:error or has:missing");
    }

    @Test
    void aBrokenPercentEscapeIsA400() throws IOException {
        // sent by hand: Java's HTTP client refuses to build such a URI
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /books?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + api.token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"error\" : \"Malformed query string");
        }
    }
}
