package colophon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the raw measurements of {@code bench/run.sh} ({@code size<TAB>run<TAB>key<TAB>value} lines) into the
 * markdown table: the median over the runs of every figure, next to its target.
 *
 * <pre>Report &lt;raw.tsv&gt; &lt;header.md&gt;</pre>
 */
public final class Report {

    private final Map<Integer, Map<String, List<Double>>> values = new LinkedHashMap<>();

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        Report r = new Report();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            if (f.length < 4 || line.startsWith("#")) {
                continue;
            }
            try {
                double v = Double.parseDouble(f[3]);
                r.values.computeIfAbsent(Integer.parseInt(f[0]), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f[2], k -> new ArrayList<>()).add(v);
            } catch (NumberFormatException e) {
                // not a number (e.g. an error marker): skipped
            }
        }
        StringBuilder out = new StringBuilder();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            out.append(Files.readString(Path.of(args[1]))).append('\n');
        }
        r.table(out);
        System.out.print(out);
    }

    private record Row(String figure, String target, int targetSize, Function<Integer, String> cell,
                       Function<Integer, Boolean> met) {
    }

    private void table(StringBuilder out) {
        List<Integer> sizes = new ArrayList<>(new TreeSet<>(values.keySet()));
        List<Row> rows = List.of(
                new Row("first scan, books/s (wall of `colophon scan`)", "≥ 2,500", 10_000,
                        s -> num(median(s, "scan.first.books_per_s"), 0),
                        s -> ge(median(s, "scan.first.books_per_s"), 2500)),
                new Row("  … the same, judged on 100,000 books", "≥ 3,000", 100_000,
                        s -> num(median(s, "scan.first.books_per_s"), 0),
                        s -> ge(median(s, "scan.first.books_per_s"), 3000)),
                new Row("  … the same with plain `java` defaults, books/s", "", 10_000,
                        s -> num(median(s, "scan.first_plain.books_per_s"), 0), s -> null),
                new Row("first scan, seconds: wall (scan's own)", "", 10_000,
                        s -> pair(median(s, "scan.first.wall_s"), median(s, "scan.first.internal_s"), 1),
                        s -> null),
                new Row("first scan, CPU s (user + sys)", "", 10_000,
                        s -> num(median(s, "scan.first.cpu_s"), 1), s -> null),
                new Row("first scan, peak RSS MB", "≤ 512", 10_000,
                        s -> num(median(s, "scan.first.rss_mb"), 0),
                        s -> le(median(s, "scan.first.rss_mb"), 512)),
                new Row("rescan, nothing changed, s: wall (scan's own)", "≤ 0.5", 10_000,
                        s -> pair(median(s, "scan.rescan.wall_s"), median(s, "scan.rescan.internal_s"), 2),
                        s -> le(median(s, "scan.rescan.wall_s"), 0.5)),
                new Row("  … the same with plain `java` defaults, s: wall (scan's own)", "", 10_000,
                        s -> pair(median(s, "scan.rescan_plain.wall_s"), median(s, "scan.rescan_plain.internal_s"), 2),
                        s -> null),
                new Row("rescan, nothing changed, peak RSS MB", "", 10_000,
                        s -> num(median(s, "scan.rescan.rss_mb"), 0), s -> null),
                new Row("rescan after 1% of files changed, s: wall (scan's own)", "", 10_000,
                        s -> pair(median(s, "scan.changed.wall_s"), median(s, "scan.changed.internal_s"), 2),
                        s -> null),
                new Row("move and rename 10% of the files (1,000 of 10,000), rescan, s: wall (scan's own)", "", 10_000,
                        s -> pair(median(s, "scan.moved.wall_s"), median(s, "scan.moved.internal_s"), 2),
                        s -> null),
                new Row("  … files found moved / edits kept on their books", "all", 10_000,
                        s -> movesKept(s),
                        s -> both(eq(median(s, "scan.moved.files_moved"), median(s, "moves.total")),
                                eq(median(s, "moves.kept"), median(s, "moves.total")))),
                new Row("resync one book, *Scan for new metadata*, p50 / p95 ms", "≤ 20 / ≤ 50", 10_000,
                        s -> pair2(median(s, "resync.scan.p50_ms"), median(s, "resync.scan.p95_ms"), 1),
                        s -> both(le(median(s, "resync.scan.p50_ms"), 20), le(median(s, "resync.scan.p95_ms"), 50))),
                new Row("resync one book, *Refresh all metadata*, p50 / p95 ms", "≤ 20 / ≤ 50", 10_000,
                        s -> pair2(median(s, "resync.refresh.p50_ms"), median(s, "resync.refresh.p95_ms"), 1),
                        s -> both(le(median(s, "resync.refresh.p50_ms"), 20), le(median(s, "resync.refresh.p95_ms"), 50))),
                new Row("window: grid shown and responsive, s from JVM start (the launcher's JVM options)", "≤ 2", 100_000,
                        s -> num(median(s, "window.shown_s"), 2),
                        s -> le(median(s, "window.shown_s"), 2)),
                new Row("  … the same, judged on 250,000 books", "≤ 3", 250_000,
                        s -> num(median(s, "window.shown_s"), 2),
                        s -> le(median(s, "window.shown_s"), 3)),
                new Row("  … the same with plain `java` defaults (no launcher options), s", "", 100_000,
                        s -> num(median(s, "window_plain.shown_s"), 2), s -> null),
                new Row("  … window on screen (stage shown), s", "", 100_000,
                        s -> num(median(s, "window.stage_shown_s"), 2), s -> null),
                new Row("window: heap after GC, MB", "≤ 600", 100_000,
                        s -> num(median(s, "window.heap_mb"), 0),
                        s -> le(median(s, "window.heap_mb"), 600)),
                new Row("  … the same, judged on 250,000 books", "≤ 400", 250_000,
                        s -> num(median(s, "window.heap_mb"), 0),
                        s -> le(median(s, "window.heap_mb"), 400)),
                new Row("window: process RSS with the grid shown, MB", "", 100_000,
                        s -> num(median(s, "window.rss_mb"), 0), s -> null),
                new Row("window: scrolling the grid top → bottom, max frame gap ms / stalls > 100 ms", "no stalls", 100_000,
                        s -> pairSlash(median(s, "window.scroll.max_gap_ms"), median(s, "window.scroll.stalls")),
                        s -> le(median(s, "window.scroll.stalls"), 0)),
                new Row("  … the same, judged on 250,000 books", "≤ 100 ms", 250_000,
                        s -> pairSlash(median(s, "window.scroll.max_gap_ms"), median(s, "window.scroll.stalls")),
                        s -> le(median(s, "window.scroll.max_gap_ms"), 100)),
                new Row("window: switching to the list, ms until it shows every book", "", 250_000,
                        s -> num(median(s, "window.list_switch_ms"), 0), s -> null),
                new Row("window: scrolling the list top → bottom, max frame gap ms / stalls > 100 ms", "≤ 100 ms", 250_000,
                        s -> pairSlash(median(s, "window.list_scroll.max_gap_ms"), median(s, "window.list_scroll.stalls")),
                        s -> le(median(s, "window.list_scroll.max_gap_ms"), 100)),
                new Row("  … wheel (scrollPixels) : mean / p95 frame gap ms", "", 100_000,
                        s -> pair2(median(s, "window.wheel.mean_gap_ms"), median(s, "window.wheel.p95_gap_ms"), 0),
                        s -> null),
                new Row("  … scroll-bar drag (setPosition): mean / p95 frame gap ms", "", 100_000,
                        s -> pair2(median(s, "window.drag.mean_gap_ms"), median(s, "window.drag.p95_gap_ms"), 0),
                        s -> null),
                new Row("noise: CPU s other processes used during the first scan / window", "", 10_000,
                        s -> pairOpt(median(s, "scan.first.others_cpu_s"), median(s, "window.others_cpu_s")),
                        s -> null),
                new Row("Calibre `calibredb add -r`, books/s", "", 1_000,
                        s -> num(median(s, "calibre.books_per_s"), 1), s -> null),
                new Row("Colophon first scan ÷ Calibre (books/s ratio, same library)", "", 1_000,
                        s -> ratio(median(s, "scan.first.books_per_s"), median(s, "calibre.books_per_s")),
                        s -> null),
                new Row("  … with plain `java` defaults", "", 1_000,
                        s -> ratio(median(s, "scan.first_plain.books_per_s"), median(s, "calibre.books_per_s")),
                        s -> null));
        out.append("| figure | target | ");
        for (int s : sizes) {
            out.append(String.format(Locale.ROOT, "%,d books | ", s));
        }
        out.append("met? |\n|---|---|");
        out.append("---|".repeat(sizes.size())).append("---|\n");
        for (Row row : rows) {
            boolean any = sizes.stream().anyMatch(s -> !row.cell().apply(s).isEmpty());
            if (!any) {
                continue;
            }
            out.append("| ").append(row.figure()).append(" | ")
                    .append(row.target().isEmpty() ? "" : row.target() + String.format(Locale.ROOT, " (%,d)", row.targetSize()))
                    .append(" | ");
            for (int s : sizes) {
                String c = row.cell().apply(s);
                out.append(c.isEmpty() ? "–" : c).append(" | ");
            }
            Boolean met = row.target().isEmpty() ? null : row.met().apply(row.targetSize());
            out.append(met == null ? (row.target().isEmpty() ? "" : "not measured") : met ? "yes" : "**no**").append(" |\n");
        }
        out.append('\n');
        out.append("Each figure is the median of the runs (runs per size: ");
        List<String> counts = new ArrayList<>();
        for (int s : sizes) {
            counts.add(String.format(Locale.ROOT, "%,d: %d", s, (int) values.get(s).getOrDefault("scan.first.wall_s",
                    List.of()).size()));
        }
        out.append(String.join(", ", counts)).append("). The *met?* column judges the size in brackets after the target. "
                + "Wall times include the JVM start of each `colophon` command; \"scan's own\" is the `Seconds:` the scan "
                + "reports. Every Colophon process runs with the JVM options of the installed launcher "
                + "(`packaging/app.conf`) unless a row says *plain `java` defaults*. Calibre books/s counts the books "
                + "it added (it skips `.m4b`).\n");
        out.append("\n<details><summary>Every run</summary>\n\n| size | key | values |\n|---|---|---|\n");
        for (int s : sizes) {
            for (Map.Entry<String, List<Double>> e : values.get(s).entrySet()) {
                out.append(String.format(Locale.ROOT, "| %,d | %s | %s |%n", s, e.getKey(),
                        String.join(", ", e.getValue().stream().map(v -> num(v, 2)).toList())));
            }
        }
        out.append("\n</details>\n");
    }

    private Double median(int size, String key) {
        List<Double> v = values.getOrDefault(size, Map.of()).get(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static String num(Double v, int decimals) {
        if (v == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String pair(Double a, Double b, int decimals) {
        if (a == null) {
            return "";
        }
        return num(a, decimals) + (b == null ? "" : " (" + num(b, decimals) + ")");
    }

    private static String pair2(Double a, Double b, int decimals) {
        if (a == null) {
            return "";
        }
        return num(a, decimals) + " / " + num(b, decimals);
    }

    private static String pairOpt(Double a, Double b) {
        if (a == null) {
            return "";
        }
        return num(a, 1) + " / " + (b == null ? "–" : num(b, 1));
    }

    private static String pairSlash(Double a, Double b) {
        if (a == null) {
            return "";
        }
        return num(a, 0) + " / " + num(b, 0);
    }

    private static String ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f×", a / b);
    }

    private static Boolean ge(Double v, double target) {
        return v == null ? null : v >= target;
    }

    private static Boolean le(Double v, double target) {
        return v == null ? null : v <= target;
    }

    private static Boolean eq(Double a, Double b) {
        return a == null || b == null ? null : a.doubleValue() == b.doubleValue();
    }

    /** "moved / total, kept / total" for the moves benchmark. */
    private String movesKept(int size) {
        Double total = median(size, "moves.total");
        if (total == null) {
            return "";
        }
        return num(median(size, "scan.moved.files_moved"), 0) + " / " + num(total, 0) + " found; "
                + num(median(size, "moves.kept"), 0) + " / " + num(total, 0) + " edits kept";
    }

    private static Boolean both(Boolean a, Boolean b) {
        return a == null || b == null ? null : a && b;
    }
}
