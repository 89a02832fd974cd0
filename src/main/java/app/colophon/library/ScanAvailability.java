package app.colophon.library;

import app.colophon.library.LibraryWalker.DiskFile;
import app.colophon.library.LibraryWalker.Listing;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import app.colophon.store.FileRepository.Stamp;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Which roots a scan must leave alone (RootAvailability's rule). A root whose known files are all gone from their
 * paths looks like an unmounted drive — unless one of the library's own files turns up under it, found by content
 * (a book moved in, or every book sorted into new sub-folders at once): then it is mounted. A stray file saved onto
 * a bare mount point is none of the library's files, so it proves nothing; nor does a file of the root found
 * elsewhere (it may have been copied off the drive before it was unmounted).
 */
final class ScanAvailability {

    private ScanAvailability() {
    }

    /** Root to the reason it is unavailable, in the library's order. */
    static Map<Path, String> unavailable(Library library, Listing listing, Map<Path, Stamp> known, Predicate<Path> onDisk,
                                         LongFunction<Optional<BookFile>> record) {
        Map<Path, String> unavailable = new LinkedHashMap<>(listing.unavailableRoots());
        Set<Path> emptied = new HashSet<>();
        for (Path root : library.roots()) {
            if (unavailable.containsKey(root)) {
                continue;
            }
            if (emptied(library, root, known.keySet(), onDisk)) {
                emptied.add(root);
            }
        }
        for (Path root : emptied) {
            if (!movedFilesShowUp(library, root, listing, known, onDisk, emptied, record)) {
                unavailable.put(root, "unmounted?");
            }
        }
        Map<Path, String> ordered = new LinkedHashMap<>();
        library.roots().stream().filter(unavailable::containsKey).forEach(r -> ordered.put(r, unavailable.get(r)));
        return ordered;
    }

    /**
     * Whether the library knows files under the root and none of them is on disk. It stops at the first known file
     * found on disk, as nearly every scan does: listing every file under the root took 40 ms of a 10,000-book rescan.
     */
    private static boolean emptied(Library library, Path root, Set<Path> known, Predicate<Path> onDisk) {
        boolean anyKnown = false;
        for (Path path : known) {
            if (under(library, root, path)) {
                if (onDisk.test(path)) {
                    return false;
                }
                anyKnown = true;
            }
        }
        return anyKnown;
    }

    private static boolean movedFilesShowUp(Library library, Path root, Listing listing, Map<Path, Stamp> known,
                                            Predicate<Path> onDisk, Set<Path> emptied, LongFunction<Optional<BookFile>> record) {
        // what is new under this root, and what is known but not on disk, under this root or an available one
        List<DiskFile> fresh = listing.files().stream().filter(f -> !known.containsKey(f.path()))
                .filter(f -> under(library, root, f.path())).toList();
        Set<Long> freshSizes = new HashSet<>();
        fresh.forEach(f -> freshSizes.add(f.sizeBytes()));
        List<BookFile> gone = known.values().stream().filter(s -> !onDisk.test(s.path()))
                .filter(s -> freshSizes.contains(s.sizeBytes()))
                .filter(s -> under(library, root, s.path()) || inScope(library, s.path(), listing, emptied))
                .map(s -> record.apply(s.id())).flatMap(Optional::stream).toList();
        MoveMatcher probe = new MoveMatcher(gone);
        probe.matchByContent(fresh);
        return !probe.contentMatches().isEmpty();
    }

    private static boolean inScope(Library library, Path path, Listing listing, Set<Path> emptied) {
        Path root = RootAvailability.rootOf(library, path).orElse(null);
        return root != null && !emptied.contains(root) && !listing.unavailableRoots().containsKey(root);
    }

    private static boolean under(Library library, Path root, Path path) {
        return root.equals(RootAvailability.rootOf(library, path).orElse(null));
    }
}
