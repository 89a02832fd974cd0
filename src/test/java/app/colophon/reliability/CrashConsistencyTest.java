package app.colophon.reliability;

import app.colophon.model.Edits;
import app.colophon.library.Colophon;
import app.colophon.library.DataDirectory;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileField;
import app.colophon.model.Library;
import app.colophon.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §8: a crash mid-scan leaves the database consistent and every manual edit intact. A scan of a library that
 * keeps changing (files rewritten, added, deleted) runs in a child JVM and is killed with SIGKILL at a random moment,
 * again and again. After each kill: {@code PRAGMA integrity_check} is "ok" (plain JDBC on the SQLite file), every
 * edit made beforehand — on books whose files never change and on books whose files change every round — is intact,
 * and the next scan completes with the counts the disk dictates.
 *
 * <p>{@code mvn verify} runs a short form, 5 kills over 300 files, to keep the suite fast. The long form, 50 kills
 * over 3,000 files, is the Maven profile {@code crash-full} ({@code mvn verify -Pcrash-full}, or with
 * {@code -Dtest=CrashConsistencyTest}); any length is {@code -Dcolophon.crash.kills=… -Dcolophon.crash.files=…}
 * (or the environment variables {@code COLOPHON_CRASH_KILLS} / {@code COLOPHON_CRASH_FILES}); see
 * docs/RELIABILITY.md. The random choices (which files change, when each kill comes) follow a seed that the test
 * prints and names in any failure; {@code -Dcolophon.crash.seed=…} replays them (the kills still land wherever the
 * child scan has got to at that moment, which depends on the machine).
 */
class CrashConsistencyTest {

    private static final int KILLS = setting("colophon.crash.kills", "COLOPHON_CRASH_KILLS", 5);
    private static final int FILES = setting("colophon.crash.files", "COLOPHON_CRASH_FILES", 300);
    private static final int EDITED = 20;

    @TempDir
    Path temp;

    private Path root;
    private Path data;
    private final long seed = Long.getLong("colophon.crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    /** Edited books whose files never change, and edited books whose files change every round, by a file of each. */
    private final List<Path> stillEdited = new ArrayList<>();
    private final List<Path> changingEdited = new ArrayList<>();
    private final Map<Path, Expected> expected = new LinkedHashMap<>();
    private int serial;

    private record Expected(String title, List<String> tags, String publisher) {
    }

    @Test
    void killedScansNeverCorruptTheDatabaseNorLoseAnEdit() throws Exception {
        System.out.printf(Locale.ROOT, "CrashConsistencyTest: seed %d (replay: -Dcolophon.crash.seed=%d), %d kills over %d files%n",
                seed, seed, KILLS, FILES);
        try {
            killScansAndCheck();
        } catch (AssertionError e) {
            throw new AssertionError("with seed " + seed + " (replay: -Dcolophon.crash.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
    }

    private void killScansAndCheck() throws Exception {
        root = Files.createDirectories(temp.resolve("books"));
        data = temp.resolve("data");
        createLibrary();
        editBooks();

        int kills = 0;
        int finishedFirst = 0;
        int attempts = 0;
        long windowMillis = 60_000; // the first scan runs to its end: its length is the window the kills aim at
        List<String> interrupted = new ArrayList<>();
        long started = System.nanoTime();
        while (kills < KILLS) {
            assertThat(++attempts).as("scans that finished before their kill: %d", finishedFirst).isLessThan(KILLS * 2);
            changeTheLibrary();
            Kill kill = scanAndKill(1 + random.nextInt((int) windowMillis));
            if (kill.finished()) {
                finishedFirst++;
                windowMillis = Math.max(100, kill.scanMillis() * 4 / 5);
            } else {
                kills++;
                interrupted.add(kill.phase());
            }
            checkIntegrity();
            checkEditsAndRescan();
        }
        System.out.printf(Locale.ROOT, "RELIABILITY crash\t%d SIGKILLs over %d files (+%d finished before the kill) "
                        + "in %d s, seed %d\tintegrity ok %d/%d; edits intact %d/%d; rescans right %d/%d; killed while: %s%n",
                kills, FILES, finishedFirst, (System.nanoTime() - started) / 1_000_000_000, seed, attempts, attempts,
                attempts, attempts, attempts, attempts, summary(interrupted));
    }

    // ------------------------------------------------------------------ the library and the edits

    private void createLibrary() {
        for (int i = 0; i < FILES; i++) {
            newFile();
        }
        try (Colophon app = open()) {
            Library library = app.libraries().create("Library", List.of(root));
            ScanReport first = app.libraries().scan(library.id(), p -> { }, () -> false);
            assertThat(first.errors()).isEmpty();
        }
    }

    /** One new book file: mostly EPUBs; every tenth stem also gets a PDF, so some books have two files. */
    private void newFile() {
        int n = serial++;
        Path dir = root.resolve("shelf-" + (n % 10));
        SampleBooks.epub(dir.resolve("book-" + n + ".epub"), "Book " + n, "Author " + n);
        if (n % 10 == 0) {
            SampleBooks.pdf(dir.resolve("book-" + n + ".pdf"), "Book " + n, "Author " + n);
        }
    }

    private void editBooks() {
        List<Path> epubs = bookFiles().stream().filter(p -> p.toString().endsWith(".epub")).sorted().toList();
        try (Colophon app = open()) {
            long libraryId = app.libraries().libraries().get(0).id();
            Map<Path, BookFile> files = files(app, libraryId);
            for (int i = 0; i < 2 * EDITED; i++) {
                Path file = epubs.get(i * (epubs.size() / (2 * EDITED)));
                (i % 2 == 0 ? stillEdited : changingEdited).add(file);
                BookFile record = files.get(file);
                Expected e = new Expected("Manual title " + i, List.of("mine", "edit " + i), "Manual publisher " + i);
                // the title and tags are set, the authors cleared (a manual clear must stick), the publisher set
                app.editor().editBook(record.bookId(), Edits.ofBook().set(BookField.TITLE, e.title()).set(BookField.TAGS, e.tags()).set(BookField.AUTHORS, List.of()));
                app.editor().editFile(record.id(), Edits.ofFile().set(FileField.PUBLISHER, e.publisher()));
                expected.put(file, e);
            }
        }
    }

    /** A round of changes: edited books' files rewritten, a fifth of the others rewritten, new files, deletions. */
    private void changeTheLibrary() {
        for (Path file : changingEdited) {
            SampleBooks.epub(file, "Revised " + random.nextInt(1_000_000), "Someone Else");
        }
        List<Path> others = bookFiles().stream().filter(p -> !expected.containsKey(p))
                .filter(p -> !expected.containsKey(twin(p))).collect(Collectors.toList());
        for (Path file : others) {
            int dice = random.nextInt(100);
            if (dice < 20) {
                if (file.toString().endsWith(".epub")) {
                    SampleBooks.epub(file, "Rewritten " + random.nextInt(1_000_000), "Author");
                } else {
                    SampleBooks.pdf(file, "Rewritten " + random.nextInt(1_000_000), "Author");
                }
            } else if (dice < 22) {
                delete(file);
            }
        }
        for (int i = 0; i < FILES / 20; i++) {
            newFile();
        }
    }

    // ------------------------------------------------------------------ one killed scan

    private record Kill(boolean finished, long scanMillis, String phase) {
    }

    private Kill scanAndKill(long afterMillis) throws Exception {
        List<String> cmd = ChildJvm.command(List.of("-Xmx256m", "-Dcolophon.batch=25", "-Dcolophon.batchMillis=50",
                "-Dcolophon.progressEvery=10"), ScanChild.class, List.of(data.toString(), root.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        ChildJvm.pump(p, lines::add);
        String line;
        do {
            line = lines.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("the child scan never started").isNotNull();
        } while (!line.startsWith("STARTED"));
        long scanStart = System.nanoTime();
        boolean exited = p.waitFor(afterMillis, TimeUnit.MILLISECONDS);
        if (!exited) {
            p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no finally, no close
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - scanStart) / 1_000_000;
        Thread.sleep(20); // let the pump drain what the child printed before it died
        List<String> seen = new ArrayList<>();
        lines.drainTo(seen);
        boolean done = seen.contains("DONE\n");
        if (exited) {
            assertThat(p.exitValue()).as(String.join("", seen)).isZero();
            assertThat(done).as(String.join("", seen)).isTrue();
        }
        long progress = seen.stream().filter(l -> l.startsWith("PROGRESS")).count();
        String phase = done ? "finished" : progress == 0 ? "walking or reading the first files" : "reading and writing";
        return new Kill(done, millis, phase);
    }

    // ------------------------------------------------------------------ the checks

    private void checkIntegrity() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(DataDirectory.DATABASE_FILE));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("rows violating a foreign key").isFalse();
            }
        }
    }

    private void checkEditsAndRescan() {
        try (Colophon app = open()) {
            long libraryId = app.libraries().libraries().get(0).id();
            checkEdits(app, files(app, libraryId));

            ScanReport next = app.libraries().scan(libraryId, p -> { }, () -> false);
            assertThat(next.cancelled()).isFalse();
            assertThat(next.errors()).isEmpty();
            Map<Path, BookFile> files = files(app, libraryId);
            checkEdits(app, files);

            // the counts the disk dictates: one book per folder and stem, one record per file; files deleted from
            // disk are kept as missing records, with their books while no file of theirs is left on disk
            Set<Path> onDisk = new HashSet<>(bookFiles());
            Set<String> groups = onDisk.stream().map(p -> p.getParent() + "/" + stem(p)).collect(Collectors.toSet());
            long booksOnDisk = app.libraries().books(libraryId).stream().filter(b -> app.libraries().book(b.id())
                    .orElseThrow().files().stream().anyMatch(f -> !f.missing())).count();
            assertThat(booksOnDisk).isEqualTo(groups.size());
            assertThat(files.entrySet().stream().filter(f -> !f.getValue().missing()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet())).isEqualTo(onDisk);
            assertThat(files.values().stream().filter(BookFile::missing).map(BookFile::path)).noneMatch(onDisk::contains);
        }
    }

    private void checkEdits(Colophon app, Map<Path, BookFile> files) {
        for (Map.Entry<Path, Expected> e : expected.entrySet()) {
            BookFile file = files.get(e.getKey());
            assertThat(file).as("record of %s", e.getKey()).isNotNull();
            BookWithFiles book = app.libraries().book(file.bookId()).orElseThrow();
            Expected want = e.getValue();
            assertThat(book.book().title()).as("title of %s", e.getKey().getFileName()).isEqualTo(want.title());
            assertThat(book.book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
            assertThat(book.book().fields().<String>list(BookField.TAGS)).isEqualTo(want.tags());
            assertThat(book.book().authors()).as("cleared authors of %s", e.getKey().getFileName()).isEmpty();
            assertThat(book.book().fields().source(BookField.AUTHORS)).isEqualTo(Source.MANUAL);
            assertThat(file.fields().text(FileField.PUBLISHER)).isEqualTo(want.publisher());
            assertThat(file.fields().source(FileField.PUBLISHER)).isEqualTo(Source.MANUAL);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Colophon open() {
        return Colophon.open(data, new ScanTuning(2, 100, Duration.ofMillis(200), Duration.ofSeconds(60)));
    }

    /** Every file record of the library by path; fails on two records of one path. */
    private static Map<Path, BookFile> files(Colophon app, long libraryId) {
        Map<Path, BookFile> files = new java.util.HashMap<>();
        for (Book b : app.libraries().books(libraryId)) {
            for (BookFile f : app.libraries().book(b.id()).orElseThrow().files()) {
                assertThat(files.put(f.path(), f)).as("two records of %s", f.path()).isNull();
            }
        }
        return files;
    }

    private List<Path> bookFiles() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".epub")
                    || p.toString().endsWith(".pdf")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path twin(Path file) {
        String name = file.getFileName().toString();
        String other = name.endsWith(".pdf") ? stem(file) + ".epub" : stem(file) + ".pdf";
        return file.resolveSibling(other);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(List<String> phases) {
        return phases.stream().collect(Collectors.groupingBy(p -> p, LinkedHashMap::new, Collectors.counting()))
                .toString();
    }

    private static int setting(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
