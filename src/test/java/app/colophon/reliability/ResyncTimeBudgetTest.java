package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.library.ParseFailedException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A damaged 200 MB PDF takes PDFBox about 10 s to give up on (a 2 GB one took 247 s). A scan gave up after its
 * budget; a resync waited for the end. Now both give up after the same budget (here 1 s) with the same error.
 */
class ResyncTimeBudgetTest {

    private static final String GIVEN_UP = "Failed to parse PDF: reading took longer than 1 s";

    @TempDir
    Path temp;

    private Colophon app;
    private Library library;
    private Path broken;

    @BeforeEach
    void aLibraryWithAGoodPdfThatIsThenDamaged() throws IOException {
        Path root = Files.createDirectories(temp.resolve("books"));
        broken = SampleBooks.pdf(root.resolve("Big.pdf"), "Big", "Someone");
        app = Colophon.open(temp.resolve("data"), new ScanTuning(2, 10, Duration.ofMillis(100), Duration.ofSeconds(1)));
        library = app.libraries().create("Test", List.of(root));
        app.libraries().scan(library.id(), p -> { }, () -> false);
        writeDamagedPdf(broken, 200L * 1024 * 1024);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aScanGivesUpAfterItsBudget() {
        ScanReport report = app.libraries().scan(library.id(), p -> { }, () -> false);

        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo(GIVEN_UP));
    }

    @Test
    void aFileResyncGivesUpAfterTheSameBudgetWithTheSameError() {
        BookFile file = onlyFile();
        long start = System.nanoTime();

        assertThatThrownBy(() -> app.resync().resyncFile(file.id(), ResyncMode.SCAN))
                .isInstanceOf(ParseFailedException.class).hasMessage(GIVEN_UP);
        System.out.printf(Locale.ROOT, "RELIABILITY budget\tresync of a damaged 200 MB PDF, 1 s budget\tgiven up after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(onlyFile()).isEqualTo(file);
    }

    @Test
    void aBookResyncGivesUpAfterTheSameBudgetWithTheSameError() {
        long bookId = onlyFile().bookId();

        assertThatThrownBy(() -> app.resync().resyncBook(bookId, ResyncMode.REFRESH))
                .isInstanceOf(ParseFailedException.class).hasMessage(GIVEN_UP);
    }

    private BookFile onlyFile() {
        long bookId = app.libraries().books(library.id()).get(0).id();
        return app.libraries().book(bookId).orElseThrow().files().get(0);
    }

    /** A PDF header, then objects without an xref or a trailer: PDFBox searches the whole file for them. */
    private static void writeDamagedPdf(Path file, long size) throws IOException {
        byte[] object = "1 0 obj\n<< /Type /Page >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += object.length) {
                out.write(object);
            }
        }
    }
}
