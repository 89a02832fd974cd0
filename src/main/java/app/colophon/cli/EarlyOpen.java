package app.colophon.cli;

import app.colophon.library.Colophon;
import app.colophon.library.EarlyWalk;
import app.colophon.library.Futures;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the data folder while picocli is still building its command model: each takes a good part of a command's
 * start-up and they need not wait for each other. Only for the commands that open it anyway, so that
 * {@code colophon --help} and {@code colophon scan --help} create nothing. For {@code scan}, the open goes on to read
 * what the database knows of the default library's files, which the scan compares with the disk.
 */
public final class EarlyOpen {

    /** Every command but help (a literal, not read from {@link Cli}: that would build its map before the open starts). */
    static final Set<String> OPENING_COMMANDS = Set.of("scan", "books", "book", "edit", "resync", "remove", "excluded",
            "missing", "folders", "facets", "serve");

    private static Path folder;
    private static CompletableFuture<Colophon> opening;
    /** The last early walk started, done when it is (for tests that must know). */
    private static CompletableFuture<?> walking = CompletableFuture.completedFuture(null);

    private EarlyOpen() {
    }

    /**
     * Starts opening {@code dataDir} if the arguments name a command that will open it (not only for its help), and
     * for {@code scan <folder>…} walking the folders too ({@link EarlyWalk}).
     */
    public static synchronized void startFor(LaunchArguments args, Path dataDir) {
        if (OPENING_COMMANDS.contains(args.command()) && !args.helpOnly()) {
            folder = dataDir;
            boolean scan = args.command().equals("scan");
            opening = CompletableFuture.supplyAsync(() -> {
                Colophon app = Colophon.open(dataDir);
                if (scan) {
                    app.libraries().readAheadForDefaultScan();
                }
                return app;
            });
            if (scan && !args.options() && !args.operands().isEmpty()) {
                walkEarly(args.operands());
            }
        }
    }

    /** Folders that are not paths at all are left to the command, which says so. */
    private static void walkEarly(List<String> operands) {
        try {
            walking = EarlyWalk.start(operands.stream().map(Path::of).toList());
        } catch (InvalidPathException e) {
            // no early walk: the scan reports the bad folder
        }
    }

    static synchronized CompletableFuture<?> walking() {
        return walking;
    }

    /** The folder opened early if it is {@code dataDir}, else a fresh open. Each early open is handed out once. */
    static synchronized Colophon open(Path dataDir) {
        CompletableFuture<Colophon> started = opening;
        opening = null;
        if (started == null || !dataDir.equals(folder)) {
            if (started != null) {
                started.thenAccept(Colophon::close);
            }
            return Colophon.open(dataDir);
        }
        return Futures.join(started);
    }
}
