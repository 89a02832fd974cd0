package app.colophon.library;

import app.colophon.library.LibraryWalker.Listing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A walk of the folders a command line names ({@code colophon scan <folder>}), started while the database opens
 * and the command line is parsed: the three took a command's first two thirds of a second one after the other
 * (docs/DECISIONS.md, "Start-up"). The scan takes it only when its library's roots are exactly those folders, in
 * that order; any other scan walks as usual. A walk a few hundred milliseconds early lists what a scan started then
 * would have listed.
 */
public final class EarlyWalk {

    /**
     * How long after it started an early walk may still stand for the disk: a command's start-up takes well under a
     * second, and a walk left untaken by a process that goes on (a test JVM) must not stand for the disk later.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Started(List<Path> roots, CompletableFuture<Listing> listing, long startedNanos) {
    }

    private static Started started;

    private EarlyWalk() {
    }

    /** Starts walking {@code folders} (as a scan would store them) on a thread of its own; done when it is. */
    public static synchronized CompletableFuture<?> start(List<Path> folders) {
        List<Path> roots = folders.stream().map(Folders::stored).toList();
        CompletableFuture<Listing> listing = new CompletableFuture<>();
        Thread walker = new Thread(() -> {
            try {
                listing.complete(LibraryWalker.walk(roots));
            } catch (RuntimeException | Error e) {
                listing.completeExceptionally(e);
            }
        }, "colophon-early-walk");
        walker.setDaemon(true); // a command that fails before its scan does not wait for it
        walker.start();
        started = new Started(roots, listing, System.nanoTime());
        return listing;
    }

    /** The early walk if it was of exactly {@code roots}; either way it is handed out or dropped once. */
    static Optional<Listing> take(List<Path> roots) {
        Started s = takeStarted();
        if (s == null || !s.roots().equals(roots) || System.nanoTime() - s.startedNanos() > MAX_AGE.toNanos()) {
            return Optional.empty();
        }
        try {
            return Optional.of(s.listing().get());
        } catch (ExecutionException e) {
            return Optional.empty(); // the scan walks again and meets the problem itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static synchronized Started takeStarted() {
        Started s = started;
        started = null;
        return s;
    }
}
