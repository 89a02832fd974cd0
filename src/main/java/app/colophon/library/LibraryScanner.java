package app.colophon.library;

import app.colophon.library.LibraryWalker.DiskFile;
import app.colophon.library.LibraryWalker.Listing;
import app.colophon.model.Library;
import app.colophon.store.Database;
import app.colophon.store.FileRepository.Stamp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Scans a library (DESIGN §4): walks its roots, drops records of vanished files, reads new and changed files
 * in parallel and writes them in batches. A missing or unmounted root stops the scan before anything is
 * deleted; one bad file is recorded on that file and the scan goes on; a cancel keeps what was committed.
 */
public final class LibraryScanner {

    private final Database db;
    private final MetadataExtractor extractor;
    private final LibraryWriter writer;
    private final ScanTuning tuning;

    public LibraryScanner(Database db, MetadataExtractor extractor, ScanTuning tuning) {
        this.db = db;
        this.extractor = extractor;
        this.writer = new LibraryWriter(db);
        this.tuning = tuning;
    }

    public ScanReport scan(long libraryId, Consumer<ScanProgress> progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Library library = db.libraries().find(libraryId)
                .orElseThrow(() -> new NotFoundException("No library with id " + libraryId));
        // What the database knows is read while the folders are walked: each is about half of a rescan.
        CompletableFuture<List<Stamp>> stamps = CompletableFuture.supplyAsync(() -> db.files().stamps(libraryId));
        Listing listing = LibraryWalker.walk(library);
        Map<Path, Stamp> known = new HashMap<>();
        for (Stamp s : Futures.join(stamps)) {
            known.put(s.path(), s);
        }
        refuseEmptiedRoots(library, listing, known.keySet());

        Counts counts = new Counts();
        counts.errors.addAll(listing.skipped()); // what the walk could not take in: unreadable folders, loops, bad names
        removeVanished(listing, known, counts);

        List<Path> toRead = new ArrayList<>();
        for (DiskFile f : listing.files()) {
            Stamp s = known.get(f.path());
            if (s != null && s.sizeBytes() == f.sizeBytes() && s.modifiedMillis() == f.modifiedMillis()) {
                counts.unchanged++;
            } else {
                toRead.add(f.path());
            }
        }
        boolean wasCancelled = readAndWrite(libraryId, toRead, progress, cancelled, counts);
        counts.updatedBooks.removeAll(counts.createdBooks);
        return new ScanReport(counts.createdBooks.size(), counts.updatedBooks.size(), counts.removedBooks,
                counts.read, counts.unchanged, counts.removedFiles, counts.errors, wasCancelled,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * A root that lists no file while the database knows files under it is most likely an unmounted drive or
     * share: treating it as "everything was deleted" would throw away the user's library.
     */
    private static void refuseEmptiedRoots(Library library, Listing listing, Set<Path> knownPaths) {
        for (Path root : library.roots()) {
            boolean knownUnder = knownPaths.stream().anyMatch(p -> p.startsWith(root));
            boolean foundUnder = listing.files().stream().anyMatch(f -> f.path().startsWith(root));
            if (knownUnder && !foundUnder) {
                throw new LibraryUnavailableException("Library folder " + root + " is empty; if it is on a drive or "
                        + "share that is not mounted, mount it and scan again. Nothing was removed.");
            }
        }
    }

    private void removeVanished(Listing listing, Map<Path, Stamp> known, Counts counts) {
        Set<Path> onDisk = new HashSet<>();
        listing.files().forEach(f -> onDisk.add(f.path()));
        List<Stamp> vanished = known.values().stream()
                .filter(s -> !onDisk.contains(s.path()) && !listing.isUnderUnreadable(s.path())).toList();
        if (vanished.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            for (Stamp s : vanished) {
                db.files().find(s.id()).ifPresent(file -> {
                    counts.removedFiles++;
                    if (writer.removeFile(file)) {
                        counts.removedBooks++;
                    } else {
                        counts.updatedBooks.add(file.bookId());
                    }
                });
            }
        });
    }

    private boolean readAndWrite(long libraryId, List<Path> toRead, Consumer<ScanProgress> progress,
                                 BooleanSupplier cancelled, Counts counts) {
        List<FileReading> batch = new ArrayList<>();
        long lastCommit = System.nanoTime();
        try (ParallelReader reader = new ParallelReader(extractor, tuning)) {
            ParallelReader.Run run = reader.start(toRead, cancelled);
            int done = 0;
            while (run.hasNext()) {
                FileReading reading = run.next();
                done++;
                progress.accept(new ScanProgress(done, toRead.size(), reading.path()));
                if (!reading.missing()) {
                    batch.add(reading);
                }
                boolean due = System.nanoTime() - lastCommit > tuning.maxBatchNanos();
                if (batch.size() >= tuning.batchSize() || (due && !batch.isEmpty())) {
                    commit(libraryId, batch, counts);
                    lastCommit = System.nanoTime();
                }
            }
            commit(libraryId, batch, counts);
            return run.wasCancelled();
        }
    }

    private void commit(long libraryId, List<FileReading> batch, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            for (FileReading reading : batch) {
                LibraryWriter.Applied applied = writer.apply(libraryId, reading, false);
                counts.read++;
                if (reading.failed()) {
                    counts.errors.add(new ScanReport.FileError(reading.path(), reading.error()));
                }
                if (applied.bookCreated()) {
                    counts.createdBooks.add(applied.book().id());
                } else {
                    counts.updatedBooks.add(applied.book().id());
                }
            }
        });
        batch.clear();
    }

    private static final class Counts {
        final Set<Long> createdBooks = new HashSet<>();
        final Set<Long> updatedBooks = new HashSet<>();
        final List<ScanReport.FileError> errors = new ArrayList<>();
        int removedBooks;
        int removedFiles;
        int read;
        int unchanged;
    }
}
