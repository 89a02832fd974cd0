package app.colophon.reliability;

import app.colophon.model.Edits;
import app.colophon.library.Colophon;
import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import app.colophon.model.Source;
import app.colophon.testsupport.Epubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A random life of a library with two folders: drives unmounted and mounted again, stray files saved on bare mount
 * points, books moved and renamed (within and across folders), deleted, added, resynced, and scans in between. After
 * every scan, every book file that exists somewhere in the mounted library still carries the manual title and tags
 * given to it, on the same book. Each run prints its seed; {@code -Dcolophon.seed=<n>} replays one.
 */
class NeverLoseAnEditTest {

    private static final int BOOKS = 24;
    private static final int STEPS = 60;

    @TempDir
    Path temp;

    private Random random;
    private long seed;
    private Colophon app;
    private Library library;
    private final List<Path> roots = new ArrayList<>();
    /** A root's files while it is unmounted, keyed by the root. */
    private final Map<Path, Path> unmounted = new HashMap<>();
    /** Each book file by its identity (the number in its content), with where it is now. */
    private final Map<Integer, Path> where = new LinkedHashMap<>();
    /** The book id and manual title each edited identity had when it was edited. */
    private final Map<Integer, Edit> edits = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private int nextIdentity;

    private record Edit(long bookId, String title) {
    }

    @BeforeEach
    void libraryWithEditedBooks() {
        seed = Long.getLong("colophon.seed", System.nanoTime());
        System.out.println("NeverLoseAnEditTest seed=" + seed + " (replay with -Dcolophon.seed=" + seed + ")");
        random = new Random(seed);
        roots.add(temp.resolve("shelf"));
        roots.add(temp.resolve("usb"));
        for (int i = 0; i < BOOKS; i++) {
            add(roots.get(i % 2));
        }
        app = Colophon.open(temp.resolve("data"), new ScanTuning(2, 10, Duration.ofMillis(100), Duration.ofSeconds(30)));
        library = app.libraries().create("Library", roots);
        scanAndCheck();
        for (Map.Entry<Integer, Path> book : where.entrySet()) {
            if (random.nextInt(3) > 0) {
                BookFile file = record(book.getValue());
                String title = "Mine " + book.getKey();
                app.editor().editBook(file.bookId(), Edits.ofBook().set(BookField.TITLE, title).set(BookField.TAGS, List.of("kept")));
                edits.put(book.getKey(), new Edit(file.bookId(), title));
            }
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    @RepeatedTest(3)
    void noSequenceOfUnmountsStrayFilesMovesDeletionsAndScansLosesAnEdit() throws IOException {
        for (int step = 0; step < STEPS; step++) {
            int dice = random.nextInt(100);
            if (dice < 30) {
                moveOne();
            } else if (dice < 38) {
                deleteOne();
            } else if (dice < 44) {
                add(mountedRoot());
            } else if (dice < 54) {
                toggleMount();
            } else if (dice < 60) {
                strayOnABareMountPoint();
            } else if (dice < 70) {
                resyncOne();
            } else {
                scanAndCheck();
            }
        }
        for (Path root : new ArrayList<>(unmounted.keySet())) {
            mount(root);
        }
        scanAndCheck();
        assertThat(edits).as("edits still on a file of the library").isNotEmpty();
    }

    // ------------------------------------------------------------------ what happens to the library

    private void add(Path root) {
        if (root == null) {
            return;
        }
        int identity = nextIdentity++;
        Path file = root.resolve("book-" + identity + ".epub");
        Epubs.write(file, "Book " + identity, "Author " + identity);
        where.put(identity, file);
        log.add("add " + file);
    }

    private void moveOne() throws IOException {
        Path root = mountedRoot();
        Integer identity = anyBookUnder(mountedRoots());
        if (root == null || identity == null) {
            return;
        }
        String name = random.nextBoolean() ? where.get(identity).getFileName().toString() : "renamed-" + identity + "-" + random.nextInt(1000) + ".epub";
        Path target = root.resolve("folder-" + random.nextInt(4)).resolve(name);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.move(where.get(identity), target);
        log.add("move " + where.get(identity) + " -> " + target);
        where.put(identity, target);
    }

    private void deleteOne() throws IOException {
        Integer identity = anyBookUnder(mountedRoots());
        if (identity != null) {
            Files.delete(where.get(identity));
            log.add("delete " + where.get(identity));
            where.remove(identity);
            edits.remove(identity); // a file deleted for good takes its edits with it; that is the user's choice
        }
    }

    private void toggleMount() throws IOException {
        Path root = roots.get(random.nextInt(roots.size()));
        if (unmounted.containsKey(root)) {
            mount(root);
        } else {
            Path away = temp.resolve(root.getFileName() + "-unmounted");
            Files.move(root, away);
            Files.createDirectory(root); // the bare mount point
            unmounted.put(root, away);
            log.add("unmount " + root);
        }
    }

    private void mount(Path root) throws IOException {
        ChildJvm.deleteQuietly(root); // with whatever was saved on the bare mount point
        Files.move(unmounted.remove(root), root);
        log.add("mount " + root);
    }

    private void strayOnABareMountPoint() {
        if (unmounted.isEmpty()) {
            return;
        }
        Path root = new ArrayList<>(unmounted.keySet()).get(random.nextInt(unmounted.size()));
        Path stray = root.resolve("stray-" + random.nextInt(1_000_000) + ".epub");
        Epubs.write(stray, "Stray " + random.nextInt(), "Nobody");
        log.add("stray " + stray);
    }

    /**
     * A resync of an edited book whose file is where the library last saw it, or whose record lies under an unmounted
     * folder. (A resync of a book whose file moved or went missing since the last scan deletes that record by design,
     * DESIGN §5: that is an explicit action on a file gone from its place, not one of the everyday events this test
     * is about.)
     */
    private void resyncOne() {
        if (edits.isEmpty()) {
            return;
        }
        List<Integer> edited = new ArrayList<>(edits.keySet());
        int identity = edited.get(random.nextInt(edited.size()));
        Edit edit = edits.get(identity);
        List<BookFile> files = app.libraries().book(edit.bookId()).orElseThrow().files();
        boolean inPlace = files.stream().anyMatch(f -> f.path().equals(where.get(identity)) && !f.missing());
        // a record the library keeps under an unmounted folder: the resync must be refused
        boolean outOfReach = files.stream().allMatch(f -> unmounted.keySet().stream().anyMatch(f.path()::startsWith));
        if (!inPlace && !outOfReach) {
            return;
        }
        try {
            app.resync().resyncBook(edit.bookId(), ResyncMode.SCAN);
            log.add("resync book " + edit.bookId() + " (book-" + identity + ")");
        } catch (LibraryUnavailableException refused) {
            log.add("resync book " + edit.bookId() + " refused: " + refused.getMessage());
        }
    }

    // ------------------------------------------------------------------ the check

    private void scanAndCheck() {
        ScanReport report = app.libraries().scan(library.id(), p -> { }, () -> false);
        log.add("scan: moved " + report.filesMoved() + ", missing " + report.filesMissing() + ", unavailable "
                + report.unavailableRoots().stream().map(ScanReport.FileError::path).toList());
        for (Map.Entry<Integer, Edit> e : edits.entrySet()) {
            Path path = where.get(e.getKey());
            Path root = roots.stream().filter(path::startsWith).findFirst().orElseThrow();
            if (unmounted.containsKey(root)) {
                // out of reach: its book must still be there, untouched
                assertThat(app.libraries().book(e.getValue().bookId())).as(context("book of unmounted " + path)).isPresent();
                continue;
            }
            BookFile file = record(path);
            assertThat(file.bookId()).as(context("book of " + path)).isEqualTo(e.getValue().bookId());
            var book = app.libraries().book(file.bookId()).orElseThrow().book();
            assertThat(book.title()).as(context("title of " + path)).isEqualTo(e.getValue().title());
            assertThat(book.fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
            assertThat(book.fields().<String>list(BookField.TAGS)).as(context("tags of " + path)).containsExactly("kept");
        }
    }

    private BookFile record(Path path) {
        return app.libraries().books(library.id()).stream()
                .flatMap(b -> app.libraries().book(b.id()).orElseThrow().files().stream())
                .filter(f -> f.path().equals(path) && !f.missing()).findFirst()
                .orElseThrow(() -> new AssertionError(context("no record on disk for " + path)));
    }

    private String context(String what) {
        return what + " — seed " + seed + "; steps:\n  " + String.join("\n  ", log);
    }

    // ------------------------------------------------------------------ choices

    private List<Path> mountedRoots() {
        return roots.stream().filter(r -> !unmounted.containsKey(r)).toList();
    }

    private Path mountedRoot() {
        List<Path> mounted = mountedRoots();
        return mounted.isEmpty() ? null : mounted.get(random.nextInt(mounted.size()));
    }

    private Integer anyBookUnder(List<Path> mounted) {
        List<Integer> candidates = where.entrySet().stream()
                .filter(e -> mounted.stream().anyMatch(e.getValue()::startsWith)).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
