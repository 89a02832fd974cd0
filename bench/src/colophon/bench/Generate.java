package colophon.bench;

import app.colophon.formats.FormatReaders;
import app.colophon.formats.ParsedMetadata;
import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;
import colophon.bench.LibraryPlan.BookPlan;
import colophon.bench.LibraryPlan.FilePlan;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The synthetic library generator.
 *
 * <pre>
 * generate &lt;outDir&gt; &lt;count&gt; [seed]          builds outDir/library (the folder to scan) and outDir/manifest.tsv
 * mutate   &lt;outDir&gt; &lt;fraction&gt; &lt;round&gt;      rewrites that fraction of the files with a changed title (same paths)
 * verify   &lt;outDir&gt; [every]                  reads every n-th file back with Colophon's own readers
 * </pre>
 *
 * Corpus: {@code -Dcolophon.corpus=…} (default {@code src/test/resources/corpus} relative to the working directory, the repository's test corpus).
 * Output is deterministic: the same count and seed give the same books, paths and file bytes.
 */
public final class Generate {

    static final String VERSION = "3";

    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        switch (args[0]) {
            case "generate" -> {
                if (args.length < 3) {
                    usage();
                }
                generate(out, Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 42L);
            }
            case "mutate" -> mutate(out, Double.parseDouble(args[2]), Integer.parseInt(args[3]));
            case "verify" -> System.exit(verify(out, args.length > 2 ? Integer.parseInt(args[2]) : 1) ? 0 : 1);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: generate <outDir> <count> [seed] | mutate <outDir> <fraction> <round> | verify <outDir> [every]");
        System.exit(2);
    }

    static Templates templates() throws Exception {
        return new Templates(Path.of(System.getProperty("colophon.corpus", "src/test/resources/corpus")));
    }

    static void generate(Path out, int count, long seed) throws Exception {
        long started = System.nanoTime();
        Path library = out.resolve("library");
        Path ready = out.resolve("READY");
        Files.deleteIfExists(ready);
        if (Files.exists(library)) {
            throw new IllegalStateException(library + " exists but is incomplete; delete " + out + " first");
        }
        Templates templates = templates();
        List<BookPlan> books = LibraryPlan.plan(count, seed, templates);
        AtomicLong bytes = new AtomicLong();
        int files = forEachFile(books, (book, file) -> {
            byte[] data = templates.render(book, file, book.title());
            Path target = library.resolve(file.relPath());
            Files.createDirectories(target.getParent());
            Files.write(target, data);
            bytes.addAndGet(data.length);
        });
        writeManifest(out.resolve("manifest.tsv"), books);
        Properties p = new Properties();
        p.setProperty("count", String.valueOf(count));
        p.setProperty("seed", String.valueOf(seed));
        p.setProperty("files", String.valueOf(files));
        p.setProperty("bytes", String.valueOf(bytes.get()));
        p.setProperty("generator", VERSION);
        try (var w = Files.newBufferedWriter(ready)) {
            p.store(w, "colophon bench library");
        }
        System.out.printf(Locale.ROOT, "Generated %d books (%d files, %.1f MB) in %s in %.1f s%n", count, files,
                bytes.get() / 1e6, library, (System.nanoTime() - started) / 1e9);
    }

    /** Rewrites {@code fraction} of the files (chosen from the seed and the round) with " (rev N)" in the title. */
    static void mutate(Path out, double fraction, int round) throws Exception {
        Properties p = ready(out);
        int count = Integer.parseInt(p.getProperty("count"));
        long seed = Long.parseLong(p.getProperty("seed"));
        Templates templates = templates();
        List<BookPlan> books = LibraryPlan.plan(count, seed, templates);
        List<Object[]> all = new ArrayList<>();
        for (BookPlan b : books) {
            for (FilePlan f : b.files()) {
                all.add(new Object[] {b, f});
            }
        }
        Collections.shuffle(all, new Random(seed * 7919 + round));
        int n = Math.max(1, (int) Math.round(all.size() * fraction));
        for (Object[] pair : all.subList(0, n)) {
            BookPlan b = (BookPlan) pair[0];
            FilePlan f = (FilePlan) pair[1];
            Path target = out.resolve("library").resolve(f.relPath());
            Files.write(target, templates.render(b, f, b.title() + " (rev " + round + ")"));
        }
        System.out.printf(Locale.ROOT, "Changed %d of %d files (round %d)%n", n, all.size(), round);
    }

    /** Reads files back with Colophon's own readers and checks title, first author and series. */
    static boolean verify(Path out, int every) throws Exception {
        Properties p = ready(out);
        int count = Integer.parseInt(p.getProperty("count"));
        long seed = Long.parseLong(p.getProperty("seed"));
        List<BookPlan> books = LibraryPlan.plan(count, seed, templates());
        FormatReaders readers = FormatReaders.standard();
        int checked = 0;
        int bad = 0;
        int i = 0;
        for (BookPlan b : books) {
            for (FilePlan f : b.files()) {
                if (i++ % every != 0) {
                    continue;
                }
                Path file = out.resolve("library").resolve(f.relPath());
                FileFormat format = FileFormat.valueOf(f.format().name());
                ParsedMetadata m = readers.forFormat(format).read(file);
                List<String> problems = new ArrayList<>();
                if (m.title() == null || !(m.title().equals(b.title()) || m.title().startsWith(b.title() + " (rev "))) {
                    problems.add("title " + m.title() + " != " + b.title());
                }
                List<String> names = m.authors().stream().map(Contributor::name).toList();
                if (!names.containsAll(b.authors())) {
                    problems.add("authors " + names + " lack " + b.authors());
                }
                if (b.series() != null && f.format() != LibraryPlan.Format.PDF) {
                    SeriesEntry s = m.series().isEmpty() ? null : m.series().get(0);
                    if (s == null || !s.name().equals(b.series()) || s.number() == null
                            || s.number().doubleValue() != b.seriesNumber()) {
                        problems.add("series " + m.series() + " != " + b.series() + " #" + b.seriesNumber());
                    }
                }
                if (m.series().size() > 1 || (b.series() == null && !m.series().isEmpty())) {
                    problems.add("unexpected series " + m.series());
                }
                checked++;
                if (!problems.isEmpty()) {
                    bad++;
                    if (bad <= 20) {
                        System.out.println("MISMATCH " + f.relPath() + ": " + String.join("; ", problems));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Verified %d files: %d mismatches%n", checked, bad);
        return bad == 0;
    }

    static Properties ready(Path out) throws Exception {
        Path ready = out.resolve("READY");
        if (!Files.exists(ready)) {
            throw new IllegalStateException("no complete library in " + out);
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(ready)) {
            p.load(r);
        }
        return p;
    }

    interface FileTask {
        void run(BookPlan book, FilePlan file) throws Exception;
    }

    /** Runs the task for every file, on all cores; returns the number of files. */
    static int forEachFile(List<BookPlan> books, FileTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> futures = new ArrayList<>();
            int files = 0;
            int chunk = 200;
            for (int from = 0; from < books.size(); from += chunk) {
                List<BookPlan> part = books.subList(from, Math.min(books.size(), from + chunk));
                for (BookPlan b : part) {
                    files += b.files().size();
                }
                futures.add(pool.submit(() -> {
                    for (BookPlan b : part) {
                        for (FilePlan f : b.files()) {
                            task.run(b, f);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return files;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeManifest(Path manifest, List<BookPlan> books) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            w.write("book\tpath\tformat\ttitle\tauthors\tseries\tnumber\n");
            for (BookPlan b : books) {
                for (FilePlan f : b.files()) {
                    w.write(b.index() + "\t" + f.relPath() + "\t" + f.format() + "\t" + b.title() + "\t"
                            + String.join("; ", b.authors()) + "\t" + Objects.toString(b.series(), "") + "\t"
                            + Objects.toString(b.seriesNumber(), "") + "\n");
                }
            }
        }
    }
}
