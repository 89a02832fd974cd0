package app.colophon.library;

import app.colophon.library.LibraryWalker.DiskFile;
import app.colophon.library.LibraryWalker.Listing;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import app.colophon.store.BookRepository;
import app.colophon.store.Database;
import app.colophon.store.FileRepository.Stamp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Scans a library (DESIGN §4): walks its roots; leaves every unavailable root as it is; marks files gone from the
 * others as missing (never deletes them); lets moved and renamed files take their records back; reads new and
 * changed files in parallel and writes them in batches. One bad file is recorded on that file and the scan goes
 * on; a cancel keeps what was committed.
 */
public final class LibraryScanner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LibraryScanner.class);

    private final Database db;
    private final MetadataExtractor extractor;
    private final LibraryWriter writer;
    private final ScanTuning tuning;
    private final KnownFiles knownFiles;

    public LibraryScanner(Database db, MetadataExtractor extractor, ScanTuning tuning) {
        this.db = db;
        this.extractor = extractor;
        this.writer = new LibraryWriter(db);
        this.tuning = tuning;
        this.knownFiles = new KnownFiles(db);
    }

    /** Starts reading what the database knows of the library's files, for a scan of it that is about to start. */
    public void readAhead(long libraryId) {
        knownFiles.readAhead(libraryId);
    }

    public ScanReport scan(long libraryId, Consumer<ScanProgress> progress, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Library library = db.libraries().find(libraryId)
                .orElseThrow(() -> new NotFoundException("No library with id " + libraryId));
        CompletableFuture<Map<Path, Stamp>> stamps = knownFiles.read(libraryId);
        Listing listing = EarlyWalk.take(library.roots()).orElseGet(() -> LibraryWalker.walk(library))
                .without(db.excluded().paths(libraryId));
        Map<Path, Stamp> known = Futures.join(stamps);
        Counts counts = new Counts();
        counts.errors.addAll(listing.skipped()); // what the walk could not take in: unreadable folders, loops, bad names
        // each file on disk with its record, found once: a rescan of an unchanged library is mostly this
        List<DiskFile> files = listing.files();
        Stamp[] records = new Stamp[files.size()];
        Set<Stamp> onDisk = Collections.newSetFromMap(new IdentityHashMap<>(files.size() * 4 / 3 + 1));
        for (int i = 0; i < records.length; i++) {
            records[i] = known.get(files.get(i).path());
            if (records[i] != null) {
                onDisk.add(records[i]);
            }
        }
        Predicate<Path> isOnDisk = path -> {
            Stamp s = known.get(path);
            return s != null && onDisk.contains(s);
        };
        Set<Path> unavailable = unavailableRoots(library, listing, known, isOnDisk, counts);
        Scope scope = new Scope(library, unavailable, listing);

        List<Stamp> vanished = known.values().stream()
                .filter(s -> !s.missing() && !onDisk.contains(s) && scope.decides(s.path())).toList();
        markMissing(vanished);

        List<DiskFile> newFiles = new ArrayList<>();
        List<Path> toRead = new ArrayList<>();
        boolean decidesAll = scope.decidesEveryListedFile();
        for (int i = 0; i < records.length; i++) {
            DiskFile f = files.get(i);
            if (!decidesAll && !scope.decides(f.path())) {
                continue;
            }
            Stamp s = records[i];
            if (s == null) {
                newFiles.add(f);
                toRead.add(f.path());
            } else if (s.missing() || s.sizeBytes() != f.sizeBytes() || s.modifiedMillis() != f.modifiedMillis()) {
                toRead.add(f.path());
            } else {
                counts.unchanged++;
            }
        }
        MoveMatcher moves = newFiles.isEmpty() ? new MoveMatcher(List.of()) : new MoveMatcher(
                db.files().missing(libraryId).stream().filter(m -> scope.decides(m.path())).toList(),
                outOfReach(known, unavailable, newFiles, library));
        moves.matchByContent(newFiles);

        boolean wasCancelled = readAndWrite(libraryId, toRead, known.keySet(), moves, progress, cancelled, counts);
        counts.updatedBooks.removeAll(counts.createdBooks);
        StillMissing still = stillMissing(vanished, counts.movedIds);
        return new ScanReport(counts.createdBooks.size(), counts.updatedBooks.size(), still.books(), counts.read,
                counts.unchanged, still.files(), counts.movedIds.size(), counts.errors, counts.unavailable,
                wasCancelled, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The roots whose files this scan must not touch, each reported once. */
    private Set<Path> unavailableRoots(Library library, Listing listing, Map<Path, Stamp> known, Predicate<Path> onDisk,
                                       Counts counts) {
        Map<Path, String> unavailable = ScanAvailability.unavailable(library, listing, known, onDisk, db.files()::find);
        unavailable.forEach((root, problem) ->
                counts.unavailable.add(new ScanReport.FileError(root, RootAvailability.message(root, problem))));
        return unavailable.keySet();
    }

    /** The records under unavailable roots with the size of a new file: a move out of such a root can take them. */
    private List<BookFile> outOfReach(Map<Path, Stamp> known, Set<Path> unavailable, List<DiskFile> newFiles,
                                      Library library) {
        if (unavailable.isEmpty()) {
            return List.of();
        }
        Set<Long> sizes = new HashSet<>();
        newFiles.forEach(f -> sizes.add(f.sizeBytes()));
        return known.values().stream().filter(s -> sizes.contains(s.sizeBytes()))
                .filter(s -> unavailable.contains(RootAvailability.rootOf(library, s.path()).orElse(null)))
                .map(s -> db.files().find(s.id())).flatMap(java.util.Optional::stream).toList();
    }

    /** Which paths this scan may change: under an available root, and not in a folder that could not be listed. */
    private record Scope(Library library, Set<Path> unavailableRoots, Listing listing) {
        /** Every file the walk listed lies under a root, so with every root available and read in full: yes. */
        boolean decidesEveryListedFile() {
            return unavailableRoots.isEmpty() && listing.unreadable().isEmpty();
        }

        boolean decides(Path path) {
            Path root = RootAvailability.rootOf(library, path).orElse(null);
            return root != null && !unavailableRoots.contains(root) && !listing.isUnderUnreadable(path);
        }
    }

    private void markMissing(List<Stamp> vanished) {
        if (!vanished.isEmpty()) {
            long now = System.currentTimeMillis();
            db.inTransaction(() -> db.files().markMissing(vanished.stream().map(Stamp::id).toList(), now));
        }
    }

    private record StillMissing(int files, int books) {
    }

    /** Of the files this scan found gone, those no new file took over, and the books left with no file on disk. */
    private StillMissing stillMissing(List<Stamp> vanished, Set<Long> moved) {
        int files = 0;
        Set<Long> books = new HashSet<>();
        for (Stamp s : vanished) {
            if (!moved.contains(s.id())) {
                files++;
                books.add(s.bookId());
            }
        }
        books.removeIf(book -> !db.files().ofBook(book).stream().allMatch(BookFile::missing));
        return new StillMissing(files, books.size());
    }

    private boolean readAndWrite(long libraryId, List<Path> toRead, Set<Path> known, MoveMatcher moves,
                                 Consumer<ScanProgress> progress, BooleanSupplier cancelled, Counts counts) {
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
                    commit(libraryId, batch, known, moves, counts);
                    lastCommit = System.nanoTime();
                }
            }
            commit(libraryId, batch, known, moves, counts);
            placeWaiting(libraryId, known, moves, counts);
            return run.wasCancelled();
        }
    }

    /**
     * The MP3 and M4A files that waited for company: those of one folder and album become one book (two or more,
     * or joining a book made meanwhile); a lone file whose tags do not say audiobook is music and stays out.
     */
    private void placeWaiting(long libraryId, Set<Path> known, MoveMatcher moves, Counts counts) {
        Map<List<String>, List<FileReading>> groups = new java.util.LinkedHashMap<>();
        for (FileReading r : counts.waiting) {
            groups.computeIfAbsent(List.of(LibraryWriter.folderOf(r.path()), LibraryWriter.groupKey(r)),
                    k -> new ArrayList<>()).add(r);
        }
        counts.waiting.clear();
        List<FileReading> accepted = new ArrayList<>();
        int lone = 0;
        for (List<FileReading> group : groups.values()) {
            if (group.size() > 1 || writer.hasBookFor(libraryId, group.get(0))) {
                accepted.addAll(group);
            } else {
                lone++;
            }
        }
        if (lone > 0) {
            LOG.info("Left out {} audio files that look like music (no audiobook tags, no other file of their album)", lone);
        }
        counts.placingWaiting = true;
        commit(libraryId, accepted, known, moves, counts);
    }

    private void commit(long libraryId, List<FileReading> batch, Set<Path> known, MoveMatcher moves, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            NewGroups groups = moves.isEmpty() ? new NewGroups(libraryId, batch, known) : null;
            for (FileReading reading : batch) {
                LibraryWriter.Applied applied = null;
                if (!moves.isEmpty() && !known.contains(reading.path())) {
                    BookFile was = moves.claim(reading, id -> db.files().countWithIdentifier(libraryId, id)).orElse(null);
                    if (was != null) {
                        applied = writer.takeOver(libraryId, was, reading);
                        counts.movedIds.add(was.id());
                    }
                }
                if (applied == null && !counts.placingWaiting && !known.contains(reading.path())
                        && LibraryWriter.needsCompany(reading) && !writer.hasBookFor(libraryId, reading)) {
                    counts.waiting.add(reading); // a song, or the first chapter of a book: told at the end
                    continue;
                }
                if (applied == null) {
                    boolean isKnown = known.contains(reading.path());
                    applied = writer.apply(libraryId, reading, false, isKnown,
                            groups == null || isKnown || groups.mayHaveBook(reading));
                    if (groups != null && applied.bookCreated()) {
                        groups.created(reading);
                    }
                }
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

    /**
     * Which new files of a batch may join a book already there: asked once for the batch (inside its transaction, so
     * no other writer can add one meanwhile) instead of once per file, a query per book of a first scan. Moves relocate
     * books as they go, so a batch with moves in play lets each file ask for itself.
     */
    private final class NewGroups {
        private final Set<BookRepository.Group> withBooks;
        private final Set<BookRepository.Group> created = new HashSet<>();

        NewGroups(long libraryId, List<FileReading> batch, Set<Path> known) {
            withBooks = writer.withBooks(libraryId, batch.stream().filter(r -> !known.contains(r.path())).toList());
        }

        boolean mayHaveBook(FileReading reading) {
            BookRepository.Group group = LibraryWriter.groupOf(reading);
            return withBooks.contains(group) || created.contains(group);
        }

        void created(FileReading reading) {
            created.add(LibraryWriter.groupOf(reading));
        }
    }

    private static final class Counts {
        final Set<Long> createdBooks = new HashSet<>();
        final Set<Long> updatedBooks = new HashSet<>();
        final Set<Long> movedIds = new HashSet<>();
        final List<ScanReport.FileError> errors = new ArrayList<>();
        final List<ScanReport.FileError> unavailable = new ArrayList<>();
        final List<FileReading> waiting = new ArrayList<>();
        boolean placingWaiting;
        int read;
        int unchanged;
    }
}
