package app.colophon.reliability;

import app.colophon.formats.ValueLimits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values bombs: an EPUB of a few KB whose OPF inflates to megabytes of one value. Before the limits, 60 EPUBs of
 * 16 KB with a 15 MB title made a 2.7 GB database; now every value is cut at read time and the file says so.
 */
class BoundedValuesTest {

    private static final int FIFTEEN_MB = 15 * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void aFifteenMegabyteTitleIsCutToItsLimitAndTheFileSaysSo() {
        try (TestLibrary lib = TestLibrary.create(temp)) {
            Epubs.writeOpf(lib.root.resolve("bomb.epub"), "<dc:title>" + "A".repeat(FIFTEEN_MB) + "</dc:title>");

            lib.scan();

            Book book = lib.books().get(0);
            assertThat(book.title()).hasSize(ValueLimits.LINE).startsWith("AAAA").endsWith("\u2026");
            BookFile file = lib.book(book.id()).files().get(0);
            assertThat(file.error()).isEqualTo(
                    "Values too long for the library were cut: title (15,728,640 characters, cut to 4,096)");
        }
    }

    @Test
    void sixtyTitleBombsLeaveADatabaseUnderFiftyMegabytes() throws IOException {
        Path bomb = Epubs.writeOpf(temp.resolve("bomb.epub"), "<dc:title>" + "A".repeat(FIFTEEN_MB) + "</dc:title>");
        long bombBytes = Files.size(bomb);
        long seconds;
        try (TestLibrary lib = TestLibrary.create(temp)) {
            for (int i = 0; i < 60; i++) {
                Files.copy(bomb, lib.root.resolve("bomb-" + i + ".epub"));
            }
            long start = System.nanoTime();
            lib.scan();
            seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertThat(lib.books()).hasSize(60).allSatisfy(b -> assertThat(b.title()).hasSize(ValueLimits.LINE));
        }
        long databaseBytes;
        try (Stream<Path> files = Files.list(temp.resolve("data"))) {
            databaseBytes = files.filter(f -> f.getFileName().toString().startsWith("colophon.db"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }

        assertThat(databaseBytes).isLessThan(50L * 1024 * 1024);
        System.out.printf(Locale.ROOT, "RELIABILITY bounded\t60 EPUBs of %,d bytes with a 15 MB title\tdatabase %,d bytes, "
                + "scan %d s%n", bombBytes, databaseBytes, seconds);
    }

    @Test
    void aHugeDescriptionIsCutToItsLimit() {
        try (TestLibrary lib = TestLibrary.create(temp)) {
            Epubs.writeOpf(lib.root.resolve("long.epub"), "<dc:title>Long</dc:title><dc:description>"
                    + "word ".repeat(400_000) + "</dc:description>");

            lib.scan();

            String description = lib.bookTitled("Long").fields().text(BookField.DESCRIPTION);
            assertThat(description).hasSize(ValueLimits.DESCRIPTION).endsWith("\u2026");
        }
    }

    @Test
    void aThousandSubjectsKeepTheFirstHundredGenres() {
        StringBuilder subjects = new StringBuilder("<dc:title>Many</dc:title>");
        for (int i = 0; i < 1_000; i++) {
            subjects.append("<dc:subject>Genre ").append(i).append("</dc:subject>");
        }
        try (TestLibrary lib = TestLibrary.create(temp)) {
            Epubs.writeOpf(lib.root.resolve("many.epub"), subjects.toString());

            lib.scan();

            BookWithFiles book = lib.book(lib.bookTitled("Many").id());
            List<String> genres = book.book().fields().list(BookField.GENRES);
            assertThat(genres).hasSize(ValueLimits.ENTRIES).startsWith("Genre 0").endsWith("Genre 99");
            assertThat(book.files().get(0).error()).contains("genres (1,000 entries, kept the first 100)");
        }
    }
}
