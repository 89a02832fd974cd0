package app.colophon.api;

import app.colophon.json.JsonView;
import app.colophon.testsupport.TestLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link ApiServer} on a free port of 127.0.0.1 over a real library ({@link TestLibrary}: books in
 * {@code temp/books}, the database and the token in {@code temp/data}), and an HTTP client that sends the token.
 */
final class ApiFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final TestLibrary lib;
    final ApiServer server;
    final HttpClient http;
    final String token;

    private ApiFixture(TestLibrary lib, ApiServer server) {
        this.lib = lib;
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            this.token = Files.readString(server.tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiFixture start(Path temp) {
        TestLibrary lib = TestLibrary.create(temp);
        return new ApiFixture(lib, ApiServer.start(lib.app, 0));
    }

    URI uri(String path) {
        return server.uri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A request to {@code path} carrying the right token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> resync(String kind, long id, boolean refresh) {
        return post("/" + kind + "/" + id + "/resync", "{\"refresh\": " + refresh + "}");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the status and that the body is JSON, and returns the body. */
    static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as("status of %s; body: %s", response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return parse(response.body());
    }

    /** Asserts an error answer: the status and {@code {"error": "<message>"}}; returns the message. */
    static String error(HttpResponse<String> response, int expectedStatus) {
        JsonNode body = json(response, expectedStatus);
        assertThat(body.size()).as("only an error message: %s", body).isEqualTo(1);
        assertThat(body.get("error").isTextual()).as("error text: %s", body).isTrue();
        return body.get("error").asText();
    }

    /** The JSON the command line prints for the same value (what {@link JsonView} makes), parsed. */
    static JsonNode cliJson(Object view) {
        return parse(JsonView.write(view));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        server.close();
        lib.close();
    }
}
