package app.colophon.reliability;

import app.colophon.formats.CbzReader;
import app.colophon.formats.EpubReader;
import app.colophon.formats.FormatReader;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.M4bReader;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.formats.PdfReader;
import app.colophon.library.LibraryScanner;
import app.colophon.library.MetadataExtractor;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import app.colophon.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files that change under the scan while it reads them, and reads that never end. A reader that wraps the real one
 * (built through the public {@code FormatReaders} / {@code MetadataExtractor} / {@code LibraryScanner} constructors)
 * deletes, replaces, truncates or stalls on chosen files at the exact moment the scan reads them.
 */
class FileChangesDuringScanTest {

    private static final int GOOD = 20;

    @TempDir
    Path temp;

    private Path root;
    private Database db;
    private Library library;
    /** What the wrapping reader does to a file just before reading it, by file name; absent: nothing. */
    private final Map<String, Consumer<Path>> sabotage = new HashMap<>();
    private final AtomicBoolean releaseSpinners = new AtomicBoolean();

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectories(temp.resolve("books"));
        db = Database.open(temp.resolve("data/colophon.db"));
        library = db.libraries().addRoot(db.libraries().create("Library").id(), root);
        for (int i = 0; i < GOOD; i++) {
            SampleBooks.epub(root.resolve("good-" + i + ".epub"), "Good " + i, "A");
        }
    }

    @AfterEach
    void close() {
        releaseSpinners.set(true);
        db.close();
    }

    @Test
    void aFileDeletedJustAsItIsReadIsTreatedAsGoneAndEverythingElseIsImported() throws IOException {
        Path known = SampleBooks.epub(root.resolve("known.epub"), "Known", "A");
        scan(Duration.ofSeconds(30));
        Path fresh = SampleBooks.epub(root.resolve("fresh.epub"), "Fresh", "A");
        SampleBooks.epub(known, "Known, changed", "A"); // changed, so the next scan reads it again
        sabotage.put("fresh.epub", FileChangesDuringScanTest::delete);
        sabotage.put("known.epub", FileChangesDuringScanTest::delete);

        ScanReport report = scan(Duration.ofSeconds(30));

        assertThat(report.errors()).isEmpty();
        assertThat(titles()).contains("Good 0", "Good 19").doesNotContain("Fresh");
        // the known file's record waits for the next scan, which sees it gone and marks it missing, values kept
        ScanReport next = scan(Duration.ofSeconds(30));
        assertThat(next.filesMissing()).isEqualTo(1);
        assertThat(fileRecord(known).missing()).isTrue();
        assertThat(titles()).hasSize(GOOD + 1).contains("Known").doesNotContain("Fresh", "Known, changed");
        assertThat(Files.exists(fresh)).isFalse();
        System.out.println("RELIABILITY changes\tdeleted while read (new file, known file)\tgone: not imported / marked"
                + " missing by the next scan; no error; 20 others imported");
    }

    @Test
    void aFileReplacedJustAsItIsReadIsReadAgainByTheNextScan() throws IOException {
        Path book = SampleBooks.epub(root.resolve("replaced.epub"), "Before", "A");
        Path other = SampleBooks.epub(temp.resolve("other.epub"), "After, a different and longer title", "B");
        sabotage.put("replaced.epub", p -> move(other, p));

        ScanReport report = scan(Duration.ofSeconds(30));

        assertThat(report.errors()).isEmpty();
        assertThat(titles()).hasSize(GOOD + 1).contains("Good 0");
        // whichever version the scan saw, the next scan notices the file is not the one it stamped and rereads it
        sabotage.clear();
        scan(Duration.ofSeconds(30));
        assertThat(titles()).contains("After, a different and longer title").doesNotContain("Before");
        assertThat(fileRecord(book).error()).isNull();
        System.out.println("RELIABILITY changes\treplaced while read\tnext scan rereads it; right title; no error");
    }

    @Test
    void aFileTruncatedInPlaceJustAsItIsReadGetsAnErrorThatGoesWhenItIsWhole() throws IOException {
        Path book = SampleBooks.epub(root.resolve("cut.epub"), "Whole", "A");
        scan(Duration.ofSeconds(30));
        byte[] whole = Files.readAllBytes(book);
        SampleBooks.epub(book, "Whole Again", "A");
        sabotage.put("cut.epub", p -> write(p, java.util.Arrays.copyOf(whole, whole.length / 3)));

        ScanReport report = scan(Duration.ofSeconds(30));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(book);
            assertThat(e.message()).startsWith("Failed to parse EPUB: not a ZIP archive");
        });
        assertThat(titles()).contains("Whole").hasSize(GOOD + 1); // what the file said before is kept
        sabotage.clear();
        SampleBooks.epub(book, "Whole Again", "A");
        scan(Duration.ofSeconds(30));
        assertThat(fileRecord(book).error()).isNull();
        assertThat(titles()).contains("Whole Again");
        System.out.println("RELIABILITY changes\ttruncated in place while read\terror: "
                + report.errors().get(0).message() + "; cleared when whole");
    }

    @Test
    void aReadThatNeverEndsIsCutAtTheFileBudgetAndEverythingElseIsImported() {
        SampleBooks.epub(root.resolve("sleeps.epub"), "Sleeps", "A");
        sabotage.put("sleeps.epub", p -> sleepForever());

        ScanReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> scan(Duration.ofSeconds(1)));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.path().getFileName()).hasToString("sleeps.epub");
            assertThat(e.message()).isEqualTo("Failed to parse EPUB: reading took longer than 1 s");
        });
        assertThat(titles()).hasSize(GOOD + 1).contains("Good 0", "Good 19");
        System.out.println("RELIABILITY budget\tone read that sleeps forever, 1 s budget\terror: "
                + report.errors().get(0).message() + "; 20 others imported");
    }

    /**
     * Reads that ignore interruption (a parser spinning in a loop) keep their thread. With as many of them as the
     * scan has threads, no thread would be left for the other files.
     */
    @Test
    void asManyNeverEndingReadsAsThreadsDoNotStarveTheRestOfTheScan() {
        SampleBooks.epub(root.resolve("spin-1.epub"), "Spin 1", "A");
        SampleBooks.epub(root.resolve("spin-2.epub"), "Spin 2", "A");
        sabotage.put("spin-1.epub", p -> spin());
        sabotage.put("spin-2.epub", p -> spin());

        ScanReport report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> scan(Duration.ofSeconds(1)));

        assertThat(report.errors()).extracting(e -> e.path().getFileName().toString())
                .containsExactlyInAnyOrder("spin-1.epub", "spin-2.epub");
        assertThat(titles()).hasSize(GOOD + 2).contains("Good 0", "Good 19");
        System.out.println("RELIABILITY budget\ttwo reads spinning forever on a 2-thread scan, 1 s budget\t"
                + "both cut with an error; 20 others imported");
    }

    // ------------------------------------------------------------------ helpers

    private ScanReport scan(Duration budget) {
        List<FormatReader> readers = new ArrayList<>();
        for (FormatReader real : List.of(new EpubReader(), new CbzReader(), new M4bReader(), new PdfReader())) {
            readers.add(new FormatReader() {
                @Override
                public FileFormat format() {
                    return real.format();
                }

                @Override
                public ParsedMetadata read(Path file) throws MetadataParseException {
                    Consumer<Path> action = sabotage.get(file.getFileName().toString());
                    if (action != null) {
                        action.accept(file);
                    }
                    return real.read(file);
                }
            });
        }
        LibraryScanner scanner = new LibraryScanner(db, new MetadataExtractor(new FormatReaders(readers)),
                new ScanTuning(2, 10, Duration.ofMillis(100), budget));
        return scanner.scan(library.id(), p -> { }, () -> false);
    }

    private List<String> titles() {
        return db.books().list(library.id()).stream().map(Book::title).collect(Collectors.toList());
    }

    private BookFile fileRecord(Path path) {
        return db.files().findByPath(library.id(), path).orElseThrow();
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes); // same inode: truncated in place, as a copy over it would
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // given up by the scan: the reading that follows is discarded anyway
            Thread.currentThread().interrupt();
        }
    }

    /** Burns its thread, deaf to interruption, until the test ends. */
    private void spin() {
        while (!releaseSpinners.get()) {
            Thread.onSpinWait();
        }
    }
}
