package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole library of hostile files next to good ones, scanned as the application scans: every hostile file gets a
 * clear error naming it and its problem (or is imported when its attack is defused), everything else is imported,
 * nothing outside the library is read, the scan finishes — and it does so in a small fixed heap.
 */
class HostileLibraryScanTest {

    private static final int GOOD_PER_FORMAT = 10;

    @TempDir
    static Path temp;

    private static Path root;
    private static final Map<Path, HostileFiles.Case> hostile = new HashMap<>();
    private static final List<Path> good = new ArrayList<>();
    private static Path longName;
    private static Path latin1Name;
    private static final List<Path> trickyNames = new ArrayList<>();
    private static Colophon app;
    private static Library library;

    @BeforeAll
    static void buildTheLibrary() throws IOException {
        root = Files.createDirectories(temp.resolve("books"));
        for (HostileFiles.Case c : HostileFiles.all()) {
            String format = c.fileName().substring(c.fileName().lastIndexOf('.') + 1);
            hostile.put(c.write(Files.createDirectories(root.resolve("hostile-" + format)), temp), c);
        }
        Path goodDir = root.resolve("good");
        for (int i = 0; i < GOOD_PER_FORMAT; i++) {
            good.add(SampleBooks.epub(goodDir.resolve("good-epub-" + i + ".epub"), "Good EPUB " + i, "Author " + i));
            good.add(SampleBooks.cbz(goodDir.resolve("good-cbz-" + i + ".cbz"), "Good CBZ " + i));
            good.add(SampleBooks.m4b(goodDir.resolve("good-m4b-" + i + ".m4b"), "Good M4B " + i, "Author " + i));
            good.add(SampleBooks.pdf(goodDir.resolve("good-pdf-" + i + ".pdf"), "Good PDF " + i, "Author " + i));
        }
        latin1Name = OddFiles.nonUtf8Name(root.resolve("names"), "Latin-1 Name");
        longName = SampleBooks.epub(root.resolve("names").resolve("L".repeat(250) + ".epub"), "Long Name", "A");
        // names that crashed the name parser before fuzzing found them: an empty series, a 240-digit number
        trickyNames.add(SampleBooks.epub(root.resolve("names").resolve("Odd ( Book 1).epub"), "Odd", "A"));
        trickyNames.add(SampleBooks.cbz(root.resolve("names").resolve("Saga v" + "9".repeat(240) + ".cbz"), "Saga"));
        OddFiles.symlinkLoops(root.resolve("loops"));
        OddFiles.fifo(root.resolve("loops").resolve("fifo.epub"));

        app = Colophon.open(temp.resolve("data"), new ScanTuning(2, 50, Duration.ofMillis(200), Duration.ofSeconds(30)));
        library = app.libraries().create("Hostile", List.of(root));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void everyHostileFileGetsItsOwnClearErrorAndEverythingElseIsImported() {
        ScanReport report = app.libraries().scan(library.id(), p -> { }, () -> false);

        assertThat(report.cancelled()).isFalse();
        Map<Path, List<String>> errors = report.errors().stream().collect(Collectors.groupingBy(
                ScanReport.FileError::path, Collectors.mapping(ScanReport.FileError::message, Collectors.toList())));
        Map<Path, BookFile> recorded = recordedFiles();
        for (Map.Entry<Path, HostileFiles.Case> e : hostile.entrySet()) {
            HostileFiles.Case c = e.getValue();
            Path file = e.getKey();
            assertThat(recorded).as("%s is recorded", c).containsKey(file);
            if (c.mustFail()) {
                assertThat(errors.get(file)).as("%s: its error", c).singleElement().asString()
                        .startsWith("Failed to parse ").contains(c.problem());
                assertThat(recorded.get(file).error()).as("%s: the error on its file record", c).contains(c.problem());
            } else {
                assertThat(errors).as("%s: imported without error", c).doesNotContainKey(file);
            }
            System.out.printf("RELIABILITY scan\t%s\t%s%n", c.name(),
                    c.mustFail() ? "error: " + errors.get(file).get(0) : "imported");
        }
        for (Path file : good) {
            assertThat(recorded).as("good file %s", file.getFileName()).containsKey(file);
            assertThat(recorded.get(file).error()).as("good file %s", file.getFileName()).isNull();
        }
        assertThat(app.libraries().books(library.id())).extracting(Book::title)
                .contains("Good EPUB 0", "Good CBZ 9", "Good M4B 5", "Good PDF 3", "Long Name");
        for (Path file : trickyNames) {
            assertThat(recorded.get(file)).as("tricky name %s", file.getFileName()).isNotNull();
            assertThat(recorded.get(file).error()).isNull();
        }
        System.out.printf("RELIABILITY scan\t%s\t%s%n", "names the path parser once crashed on", "imported");
        assertThat(longName.getFileName().toString()).hasSize(255);
        assertThat(recorded.get(longName).error()).isNull();
        // a name that is not UTF-8 could not be stored and found again: it is named in the report, not imported
        assertThat(errors.get(latin1Name)).singleElement().asString().contains("File name is not valid UTF-8");
        assertThat(recorded).doesNotContainKey(latin1Name);
        System.out.printf("RELIABILITY scan	%s	%s%n", "255-byte file name", "imported");
        System.out.printf("RELIABILITY scan	%s	%s%n", "non-UTF-8 file name", "error: " + errors.get(latin1Name).get(0));
        assertThat(report.filesFailed()).isEqualTo(expectedErrors());
        assertThat(everythingStored()).doesNotContain(HostileFiles.CANARY);

        // a second scan finds everything as it left it: no file is read again, none removed, none duplicated
        ScanReport again = app.libraries().scan(library.id(), p -> { }, () -> false);
        assertThat(again.filesRead()).isZero();
        assertThat(again.filesMissing()).isZero();
        assertThat(again.filesUnchanged()).isEqualTo(recorded.size());
        System.out.printf("RELIABILITY scan-summary\tfiles=%d failed=%d seconds=%.1f%n", recorded.size(),
                report.filesFailed(), report.elapsed().toMillis() / 1000.0);
    }

    /** The same library, scanned by a child JVM whose heap is 128 MB: the bombs must be refused, not inflated. */
    @Test
    void theSameScanFinishesInA128MegabyteHeap() {
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"),
                ScanChild.class, List.of(temp.resolve("small-heap-data").toString(), root.toString())), 300);

        assertThat(r.output()).doesNotContain("OutOfMemoryError");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.lines("ERROR\t")).hasSize(expectedErrors());
        assertThat(r.lines("REPORT ")).singleElement().asString().contains("cancelled=false");
    }

    /** The hostile files that must fail, the file whose name is not UTF-8 and the two symbolic link loops. */
    private static int expectedErrors() {
        return (int) hostile.values().stream().filter(HostileFiles.Case::mustFail).count() + 3;
    }

    private static Map<Path, BookFile> recordedFiles() {
        Map<Path, BookFile> files = new HashMap<>();
        for (Book b : app.libraries().books(library.id())) {
            for (BookFile f : app.libraries().book(b.id()).orElseThrow().files()) {
                assertThat(files.put(f.path(), f)).as("one record per file: %s", f.path()).isNull();
            }
        }
        return files;
    }

    private static String everythingStored() {
        StringBuilder sb = new StringBuilder();
        for (Book b : app.libraries().books(library.id())) {
            sb.append(app.libraries().book(b.id()).orElseThrow()).append('\n');
        }
        return sb.toString();
    }
}
