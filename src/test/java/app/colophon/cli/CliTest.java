package app.colophon.cli;

import app.colophon.testsupport.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared ground of the command-line tests: each test runs {@link Cli#run} in-process, as a user would from a
 * shell, against its own data folder ({@code temp/data}) and its own book folder ({@code temp/books}) holding
 * copies of corpus files.
 */
abstract class CliTest {

    static final String SHERLOCK = "epub/se-the-adventures-of-sherlock-holmes.epub";
    static final String SHERLOCK_TITLE = "The Adventures of Sherlock Holmes";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** What one command printed and returned. */
    record Run(int exitCode, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        /** Asserts the command succeeded and parses what it printed. */
        JsonNode json() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            return parseJson(out);
        }

        /** Asserts DESIGN §7's failure shape: the exit code, and one line on stderr starting "colophon: ". */
        Run failsWith(int expectedExitCode) {
            assertThat(exitCode).as("exit code; stdout: %s; stderr: %s", out, err).isEqualTo(expectedExitCode);
            assertThat(errLines()).as("stderr").singleElement().asString().startsWith("colophon: ");
            return this;
        }
    }

    /** Runs the command line exactly as given (no data folder added). */
    static Run runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Cli.run(args, o, e, app.colophon.Main::startApi);
        }
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs {@code colophon --data-dir <temp/data> args…}. */
    Run colophon(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir().toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    Path dataDir() {
        return temp.resolve("data");
    }

    Path booksFolder() {
        return temp.resolve("books");
    }

    Path copy(String corpusName) {
        return Corpus.copy(corpusName, booksFolder());
    }

    Run scanBooksFolder() {
        Run scan = colophon("scan", booksFolder().toString());
        assertThat(scan.exitCode()).as("scan exit code; stderr: %s", scan.err()).isZero();
        return scan;
    }

    JsonNode bookJson(long bookId) {
        return colophon("book", Long.toString(bookId), "--json").json();
    }

    /** The id of the one book with that title, from {@code books --json}. */
    long bookIdTitled(String title) {
        List<JsonNode> matches = elements(colophon("books", "--json").json()).stream()
                .filter(b -> title.equals(b.path("title").asText(null))).toList();
        assertThat(matches).as("books titled %s", title).hasSize(1);
        return matches.get(0).get("id").asLong();
    }

    /** The id of the book's only file. */
    long onlyFileId(long bookId) {
        JsonNode files = bookJson(bookId).get("files");
        assertThat(files).as("files of book %d", bookId).hasSize(1);
        return files.get(0).get("id").asLong();
    }

    /** Copies the Sherlock Holmes EPUB, scans it and returns its book id. */
    long scannedSherlock() {
        copy(SHERLOCK);
        scanBooksFolder();
        return bookIdTitled(SHERLOCK_TITLE);
    }

    static JsonNode parseJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        assertThat(array.isArray()).as("is an array: %s", array).isTrue();
        List<JsonNode> out = new ArrayList<>();
        array.elements().forEachRemaining(out::add);
        return out;
    }

    static List<String> fieldNames(JsonNode object) {
        Iterator<String> names = object.fieldNames();
        return StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false).toList();
    }

    /** The values of an array or an object, as text. */
    static List<String> texts(JsonNode container) {
        assertThat(container.isContainerNode()).as("is an array or object: %s", container).isTrue();
        List<String> out = new ArrayList<>();
        container.elements().forEachRemaining(v -> out.add(v.asText()));
        return out;
    }

    /** "name (role)" for each contributor, in order. */
    static List<String> contributors(JsonNode array) {
        return elements(array).stream().map(c -> c.get("name").asText() + " (" + c.get("role").asText() + ")").toList();
    }

    /** "name #number" for each series entry, in order. */
    static List<String> series(JsonNode array) {
        return elements(array).stream()
                .map(s -> s.get("name").asText() + (s.get("number").isNull() ? "" : " #" + s.get("number").asDouble()))
                .toList();
    }
}
