package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file named to attack a terminal — {@code x<LF>FAKE: injected line<ESC>[31mRED.epub}, and one with a C1 CSI
 * (U+009B) — is shown escaped by every text command, and as JSON escapes in JSON: no output forges a line or carries a
 * raw ESC or C1 control.
 */
class CliEscapedOutputTest extends CliTest {

    private static final String HOSTILE = "x\nFAKE: injected line\u001b[31mRED.epub";
    private static final String ESCAPED = "x\\nFAKE: injected line\\x1b[31mRED.epub";
    private static final String C1 = "csi\u009b2Jtab\there.epub";

    private Path hostile;
    private long bookId;

    @BeforeEach
    void scanTheHostileNames() throws IOException {
        hostile = Files.createDirectories(booksFolder()).resolve(HOSTILE);
        Files.write(hostile, new byte[] {'P', 'K', 3, 4}); // a broken EPUB: the scan names it in its errors
        Files.write(booksFolder().resolve(C1), new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void theScanSummaryShowsTheNamesEscaped() {
        Run scan = colophon("scan", booksFolder().toString());

        assertThat(scan.out()).contains("  " + booksFolder().toAbsolutePath() + "/" + ESCAPED + ": Failed to parse EPUB")
                .contains("csi\\u009b2Jtab\\there.epub: Failed to parse EPUB");
        assertSafe(scan.out());
    }

    @Test
    void theBookAndBooksTextShowThePathEscaped() {
        colophon("scan", booksFolder().toString());
        bookId = idOfTheBookOf(hostile);

        Run book = colophon("book", Long.toString(bookId));
        Run books = colophon("books");

        assertThat(book.out()).contains(": " + booksFolder().toAbsolutePath() + "/" + ESCAPED + " (epub, 4 bytes)");
        assertSafe(book.out());
        assertSafe(books.out());
        assertThat(books.out().lines()).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(4));
    }

    @Test
    void jsonEscapesTheControlCharactersAndKeepsThePath() {
        colophon("scan", booksFolder().toString());
        bookId = idOfTheBookOf(hostile);

        Run json = colophon("book", Long.toString(bookId), "--json");

        assertThat(json.out()).contains("x\\nFAKE: injected line\\u001B[31mRED.epub");
        assertSafe(json.out().replace("\n", ""));
        JsonNode file = parseJson(json.out()).get("files").get(0);
        assertThat(file.get("path").asText()).isEqualTo(hostile.toAbsolutePath().toString());
    }

    @Test
    void anErrorMessageNamingTheFileIsEscapedToo() {
        Run run = colophon("scan", hostile.toString()).failsWith(Cli.USAGE);

        assertThat(run.err()).isEqualTo("colophon: not a folder: " + booksFolder() + "/" + ESCAPED + "\n");
    }

    private long idOfTheBookOf(Path file) {
        for (JsonNode book : elements(colophon("books", "--json").json())) {
            JsonNode files = bookJson(book.get("id").asLong()).get("files");
            if (files.get(0).get("path").asText().equals(file.toAbsolutePath().toString())) {
                return book.get("id").asLong();
            }
        }
        throw new AssertionError("no book of " + file);
    }

    /** No control character but the line ends, and no line that starts as if printed by someone else. */
    private static void assertSafe(String output) {
        assertThat(output.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f))
                .as("control characters in %s", output).isEmpty();
        assertThat(output.lines()).noneMatch(line -> line.startsWith("FAKE"));
    }
}
