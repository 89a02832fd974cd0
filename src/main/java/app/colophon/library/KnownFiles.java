package app.colophon.library;

import app.colophon.store.Database;
import app.colophon.store.FileRepository.Stamp;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the database knows of a library's files, by path, for a scan: read while the folders are walked, each about
 * half of a rescan. {@code colophon scan} has it read as soon as the database is open ({@link #readAhead}), while the
 * command's own start-up goes on: a no-change rescan otherwise waited for this read after everything else.
 */
final class KnownFiles {

    private record Ahead(long libraryId, CompletableFuture<Map<Path, Stamp>> known, long startedNanos) {
    }

    private final Database db;
    private Ahead ahead;

    KnownFiles(Database db) {
        this.db = db;
    }

    /** Starts reading the files of {@code libraryId} for the scan of it that is about to start; done when it is. */
    synchronized CompletableFuture<?> readAhead(long libraryId) {
        ahead = new Ahead(libraryId, start(libraryId), System.nanoTime());
        return ahead.known();
    }

    /**
     * The files of {@code libraryId}: read ahead for this scan if that read is recent (see {@link EarlyWalk#MAX_AGE}),
     * else read now. A read ahead is handed out once.
     */
    CompletableFuture<Map<Path, Stamp>> read(long libraryId) {
        Ahead a;
        synchronized (this) {
            a = ahead;
            ahead = null;
        }
        if (a != null && a.libraryId() == libraryId && System.nanoTime() - a.startedNanos() <= EarlyWalk.MAX_AGE.toNanos()) {
            return a.known();
        }
        return start(libraryId);
    }

    /**
     * In two halves at once, on two connections: making each record's path is most of the read, and a rescan waits
     * for it with a core to spare once the walk is done.
     */
    private CompletableFuture<Map<Path, Stamp>> start(long libraryId) {
        CompletableFuture<List<Stamp>> even = CompletableFuture.supplyAsync(() -> db.files().stamps(libraryId, 0, 2));
        CompletableFuture<List<Stamp>> odd = CompletableFuture.supplyAsync(() -> db.files().stamps(libraryId, 1, 2));
        return even.thenCombine(odd, KnownFiles::byPath);
    }

    private static Map<Path, Stamp> byPath(List<Stamp> even, List<Stamp> odd) {
        Map<Path, Stamp> byPath = new HashMap<>((even.size() + odd.size()) * 4 / 3 + 1);
        for (List<Stamp> half : List.of(even, odd)) {
            for (Stamp s : half) {
                byPath.put(s.path(), s);
            }
        }
        return byPath;
    }
}
