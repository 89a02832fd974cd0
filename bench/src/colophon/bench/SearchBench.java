package colophon.bench;

import app.colophon.library.Colophon;
import app.colophon.library.Facets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search and the browser's counts from the service, as the window calls them: opens {@code Colophon.open(dataDir)}
 * (a database made before migration V5 is indexed then: {@code search.open_ms} shows what that costs once), takes a
 * prolific author, a series and a tag from the facets, then runs ~20 representative queries {@code runs} times each
 * after one warm-up round and times {@code facets()} {@code runs} times.
 *
 * <pre>SearchBench &lt;dataDir&gt; [runs=20]</pre>
 *
 * Prints {@code search.p50_ms}, {@code search.p95_ms}, {@code search.max_ms} over every query run, each query's
 * median and hit count, and {@code facets.p50_ms} / {@code facets.p95_ms}.
 */
public final class SearchBench {

    private SearchBench() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long openStart = System.nanoTime();
        try (Colophon app = Colophon.open(dataDir)) {
            long library = app.libraries().defaultLibrary().id();
            System.out.printf(Locale.ROOT, "search.open_ms=%.1f%n", (System.nanoTime() - openStart) / 1e6);
            Facets facets = app.libraries().facets(library);
            String author = facets.authors().stream().max((a, b) -> Long.compare(a.count(), b.count())).orElseThrow().query();
            String series = facets.series().isEmpty() ? "series:\"=none\"" : facets.series().get(facets.series().size() / 2).query();
            String tag = facets.tags().isEmpty() ? "tag:x" : facets.tags().get(0).query();
            List<String> queries = List.of("the", "spring", "sp", "\"the loud\"", "author:park", "author:wolfe",
                    author, "-" + author, series, "series:\"sherlock\"", tag, "format:epub", "format:m4b",
                    "lang:en", "has:error", "has:missing", "source:manual", "spring -format:pdf",
                    "author:park format:epub", "the -the", "bronte", "\"of the\" author:a");
            List<Double> all = new ArrayList<>();
            for (String q : queries) {
                app.libraries().search(library, q); // warm-up
            }
            for (String q : queries) {
                double[] ms = new double[runs];
                int hits = 0;
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    hits = app.libraries().search(library, q).size();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                    all.add(ms[i]);
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "search.query p50_ms=%.2f hits=%d  %s%n", ResyncBench.percentile(ms, 50),
                        hits, q);
            }
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "search.p50_ms=%.2f%n", ResyncBench.percentile(sorted, 50));
            System.out.printf(Locale.ROOT, "search.p95_ms=%.2f%n", ResyncBench.percentile(sorted, 95));
            System.out.printf(Locale.ROOT, "search.max_ms=%.2f%n", sorted[sorted.length - 1]);
            double[] fm = new double[runs];
            app.libraries().facets(library);
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                facets = app.libraries().facets(library);
                fm[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(fm);
            System.out.printf(Locale.ROOT, "facets.p50_ms=%.2f%n", ResyncBench.percentile(fm, 50));
            System.out.printf(Locale.ROOT, "facets.p95_ms=%.2f%n", ResyncBench.percentile(fm, 95));
            System.out.printf(Locale.ROOT, "facets.entries authors=%d series=%d genres=%d tags=%d formats=%d languages=%d%n",
                    facets.authors().size(), facets.series().size(), facets.genres().size(), facets.tags().size(),
                    facets.formats().size(), facets.languages().size());
        }
    }
}
