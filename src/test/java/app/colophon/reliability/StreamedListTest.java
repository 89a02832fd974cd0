package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.model.BookField;
import app.colophon.model.FieldValues;
import app.colophon.model.Library;
import app.colophon.model.Source;
import app.colophon.store.Database;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code books --json} over 100,000 books prints about 40 MB of JSON; in a 24 MB heap it can only do so by writing
 * each book as it is read. (Built in memory as before, the list and its text needed several times the output.)
 */
class StreamedListTest {

    private static final int BOOKS = 100_000;

    @TempDir
    Path temp;

    @Test
    void aHundredThousandBooksAreListedAsJsonInAHeapSmallerThanTheJson() throws IOException {
        Path data = temp.resolve("data");
        Library library;
        try (Colophon app = Colophon.open(data)) {
            library = app.libraries().create("Books", List.of(temp));
        }
        String padding = " of the long and winding road".repeat(10);
        try (Database db = Database.open(data.resolve("colophon.db"))) {
            db.inTransaction(() -> {
                for (int i = 0; i < BOOKS; i++) {
                    db.books().insert(library.id(), "/books", "book " + i, BookField.none()
                            .with(BookField.TITLE, "Book " + i + padding, Source.FILE_METADATA));
                }
            });
        }

        Sandbox.Run run = Sandbox.shell(Sandbox.colophonWithHeap("24m", "--data-dir", data.toString(), "books", "--json"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        byte[] json = run.stdout().getBytes(StandardCharsets.UTF_8);
        assertThat(json.length).isGreaterThan(24 * 1024 * 1024);
        int books = 0;
        try (JsonParser parser = new ObjectMapper().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parser.skipChildren();
                books++;
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isNull();
        }
        assertThat(books).isEqualTo(BOOKS);
        System.out.printf(Locale.ROOT, "RELIABILITY streaming\tbooks --json, %,d books\t%,d bytes of JSON in a 24 MB heap%n",
                BOOKS, json.length);
    }
}
