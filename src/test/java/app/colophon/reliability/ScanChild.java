package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Library;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A library scan in its own JVM, for the tests that must kill it ({@link CrashConsistencyTest}), bound its heap or
 * run it as another user ({@link HostileLibraryScanTest}). Usage: {@code ScanChild <data dir> <root>...}; the
 * library named "Library" is created with those roots on first use. It prints, one per line:
 * {@code STARTED user=<name>}, {@code PROGRESS <done> <total>} (every {@code colophon.progressEvery} files), one
 * {@code ERROR\t<path>\t<message>} per failed file, {@code REPORT key=value …} (the scan report, then the books
 * and files the library holds afterwards) and {@code DONE}; or
 * also {@code UNAVAILABLE\t<message>} per root that is missing, unreadable or emptied, and exit code 3.
 *
 * <p>System properties: {@code colophon.threads} (2), {@code colophon.batch} (50), {@code colophon.batchMillis}
 * (200), {@code colophon.budgetSeconds} (60), {@code colophon.progressEvery} (25).
 */
public final class ScanChild {

    private ScanChild() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        List<Path> roots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            roots.add(Path.of(args[i]).toAbsolutePath().normalize());
        }
        ScanTuning tuning = new ScanTuning(Integer.getInteger("colophon.threads", 2),
                Integer.getInteger("colophon.batch", 50), Duration.ofMillis(Integer.getInteger("colophon.batchMillis", 200)),
                Duration.ofSeconds(Integer.getInteger("colophon.budgetSeconds", 60)));
        int every = Integer.getInteger("colophon.progressEvery", 25);
        try (Colophon app = Colophon.open(dataDir, tuning)) {
            Library library = app.libraries().libraries().stream().filter(l -> l.name().equals("Library")).findFirst()
                    .orElseGet(() -> app.libraries().create("Library", roots));
            System.out.println("STARTED user=" + System.getProperty("user.name"));
            System.out.flush();
            ScanReport r = app.libraries().scan(library.id(), p -> {
                if (p.done() % every == 0) {
                    System.out.println("PROGRESS " + p.done() + " " + p.total());
                    System.out.flush();
                }
            }, () -> false);
            for (ScanReport.FileError e : r.errors()) {
                System.out.println("ERROR\t" + e.path() + "\t" + e.message());
            }
            int books = app.libraries().books(library.id()).size();
            int files = 0;
            for (var b : app.libraries().books(library.id())) {
                files += app.libraries().book(b.id()).map(w -> w.files().size()).orElse(0);
            }
            System.out.printf(Locale.ROOT, "REPORT added=%d updated=%d missing=%d read=%d unchanged=%d "
                            + "missingFiles=%d failed=%d cancelled=%b books=%d files=%d%n", r.booksAdded(),
                    r.booksUpdated(), r.booksMissing(), r.filesRead(), r.filesUnchanged(), r.filesMissing(),
                    r.filesFailed(), r.cancelled(), books, files);
            System.out.println("DONE");
            if (!r.unavailableRoots().isEmpty()) {
                r.unavailableRoots().forEach(u -> System.out.println("UNAVAILABLE\t" + u.message()));
                System.out.flush();
                System.exit(3);
            }
        }
        System.out.flush();
        // reader threads stuck past their budget are daemons; nothing else keeps the JVM alive
        System.exit(0);
    }
}
