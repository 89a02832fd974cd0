package app.colophon.library;

import app.colophon.model.Library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one availability rule of scans and resyncs (DESIGN §4): a library root is unavailable when it is missing,
 * cannot be read, or none of the files the library knows under it is present — whatever else it holds, since the
 * bare mount point of an unmounted drive may hold a stray file saved there meanwhile. Nothing under an
 * unavailable root is marked missing, imported or resynced.
 */
final class RootAvailability {

    private RootAvailability() {
    }

    /** What the user reads, in the scan report and as the error of a refused resync. */
    static String message(Path root, String problem) {
        return "Library folder " + root + " is not available (" + problem + "); nothing was changed";
    }

    /** Why the root folder itself cannot be used, or null when it is a readable folder. */
    static String folderProblem(Path root) {
        if (!Files.isDirectory(root)) {
            return "unmounted?";
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            return "cannot be read: permission denied";
        }
        return null;
    }

    /** The root a file of the library lies under (the deepest, should roots of an old database overlap). */
    static Optional<Path> rootOf(Library library, Path file) {
        // a loop, not a stream: a rescan asks this twice for each of the library's files
        Path deepest = null;
        for (Path root : library.roots()) {
            if (file.startsWith(root) && (deepest == null || root.getNameCount() > deepest.getNameCount())) {
                deepest = root;
            }
        }
        return Optional.ofNullable(deepest);
    }

    /**
     * For a resync: throws when the root holding {@code file} is unavailable. A file that is on disk proves its
     * root is there, so only a missing file costs a look at the root and at the other files known under it.
     */
    static void requireAvailable(Library library, Path file, Function<Path, Collection<Path>> knownUnder) {
        if (Files.exists(file)) {
            return;
        }
        Optional<Path> root = rootOf(library, file);
        if (root.isEmpty()) {
            return;
        }
        String problem = folderProblem(root.get());
        if (problem == null && knownUnder.apply(root.get()).stream().noneMatch(Files::exists)) {
            problem = "unmounted?"; // the file itself is known under the root, so the list is never empty
        }
        if (problem != null) {
            throw new LibraryUnavailableException(message(root.get(), problem));
        }
    }
}
