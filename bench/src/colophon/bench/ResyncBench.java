package colophon.bench;

import app.colophon.library.Colophon;
import app.colophon.library.ResyncMode;
import app.colophon.model.BookSummary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-book resyncs in one JVM, as the window runs them: opens {@code Colophon.open(dataDir)}, warms up, then
 * times {@code resyncBook(id, mode)} on random books for each mode.
 *
 * <pre>ResyncBench &lt;dataDir&gt; [count=100] [warmup=20] [seed=7]</pre>
 *
 * Prints one line per mode: {@code resync.<mode>.p50_ms=…}, {@code p95_ms}, {@code mean_ms}, {@code max_ms}.
 */
public final class ResyncBench {

    private ResyncBench() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        long openStart = System.nanoTime();
        try (Colophon app = Colophon.open(dataDir)) {
            long libraryId = app.libraries().defaultLibrary().id();
            List<BookSummary> books = app.libraries().summaries(libraryId);
            System.out.printf(Locale.ROOT, "resync.open_ms=%.1f books=%d%n", (System.nanoTime() - openStart) / 1e6,
                    books.size());
            if (books.isEmpty()) {
                throw new IllegalStateException("no books in " + dataDir);
            }
            Random r = new Random(seed);
            for (int i = 0; i < warmup; i++) {
                ResyncMode mode = i % 2 == 0 ? ResyncMode.SCAN : ResyncMode.REFRESH;
                app.resync().resyncBook(books.get(r.nextInt(books.size())).id(), mode);
            }
            for (ResyncMode mode : ResyncMode.values()) {
                double[] ms = new double[count];
                for (int i = 0; i < count; i++) {
                    long id = books.get(r.nextInt(books.size())).id();
                    long t = System.nanoTime();
                    app.resync().resyncBook(id, mode);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                String m = mode.name().toLowerCase(Locale.ROOT);
                System.out.printf(Locale.ROOT, "resync.%s.p50_ms=%.2f%n", m, percentile(ms, 50));
                System.out.printf(Locale.ROOT, "resync.%s.p95_ms=%.2f%n", m, percentile(ms, 95));
                System.out.printf(Locale.ROOT, "resync.%s.mean_ms=%.2f%n", m, Arrays.stream(ms).average().orElse(0));
                System.out.printf(Locale.ROOT, "resync.%s.max_ms=%.2f%n", m, ms[ms.length - 1]);
            }
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
