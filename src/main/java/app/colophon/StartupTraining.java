package app.colophon;

import app.colophon.cli.Cli;
import app.colophon.ui.WindowTraining;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive (docs/DECISIONS.md, "Start-up"): run once at build time with
 * {@code -XX:ArchiveClassesAtExit=<archive>} and {@code -Dcolophon.training=<folder of books>}, it does in one JVM
 * what a user's first minute does — scan a folder, list books as JSON, show one, then open the window on them until
 * the grid shows — and exits, so the JVM writes every class it loaded into the archive. Later starts with
 * {@code -XX:SharedArchiveFile=<archive>} map those classes instead of loading and verifying them again. Everything
 * goes to a temporary data folder (Java preferences included) that is removed afterwards; without a display the
 * window part is skipped and the archive holds the command line's classes only.
 */
final class StartupTraining {

    static final String PROPERTY = "colophon.training";

    private StartupTraining() {
    }

    /** Whether this JVM was started as a training run. */
    static boolean requested() {
        return System.getProperty(PROPERTY) != null;
    }

    static void run() {
        Path books = Path.of(System.getProperty(PROPERTY)).toAbsolutePath();
        Path temp;
        try {
            temp = Files.createTempDirectory("colophon-training");
        } catch (IOException e) {
            System.err.println("colophon training: " + e.getMessage());
            System.exit(1);
            return;
        }
        int status = 0;
        try {
            // before anything reads them: the window's remembered state must not come from, or go to, the builder's
            System.setProperty("java.util.prefs.userRoot", temp.resolve("prefs").toString());
            Path data = temp.resolve("data");
            System.setProperty(LogConfigurator.LOG_DIR_PROPERTY, data.resolve("logs").toString());
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            String dir = data.toString();
            String[][] commands = {
                {"scan", books.toString()}, {"scan"}, {"books", "--json"}, {"books"}, {"book", "1", "--json"},
                {"resync", "book", "1"}, {"missing"}, {"folders"}};
            for (String[] command : commands) {
                String[] args = Stream.concat(Stream.of("--data-dir", dir), Stream.of(command)).toArray(String[]::new);
                int rc = Cli.run(args, quiet, err, Main::startApi);
                // a parse error (4) or an unavailable folder (5) is what a corpus of hostile files gives; not these
                if (rc >= 1 && rc <= 3) {
                    System.err.println("colophon training: '" + String.join(" ", command) + "' exited " + rc);
                    status = 1;
                }
            }
            if (!WindowTraining.showOnce(data, Duration.ofSeconds(90))) {
                System.err.println("colophon training: no window (no display?); the archive holds the command line's classes");
            }
        } catch (RuntimeException | LinkageError e) {
            System.err.println("colophon training: " + e);
            status = 1;
        } finally {
            deleteTree(temp);
        }
        System.exit(status);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("colophon training: could not remove " + root + ": " + e.getMessage());
        }
    }
}
