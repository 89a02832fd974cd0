package app.colophon.library;

import app.colophon.model.Library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Roots never overlap (DESIGN §4): a folder that is, contains or lies inside a root of any library would bring
 * the same files in twice. Compared by real path, so a symlinked alias of a root counts as the root.
 */
final class Folders {

    private Folders() {
    }

    /** The form a root is stored in: absolute and normalised, as the user gave it (links are not resolved). */
    static Path stored(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    /**
     * Throws when {@code folder} overlaps a root of one of {@code libraries}; returns true when it is already that
     * very root of {@code libraryId} (adding it again changes nothing).
     */
    static boolean checkNoOverlap(long libraryId, Path folder, List<Library> libraries) {
        Path wanted = stored(folder);
        Path real = real(wanted);
        for (Library library : libraries) {
            for (Path root : library.roots()) {
                if (library.id() == libraryId && root.equals(wanted)) {
                    return true;
                }
                Path rootReal = real(root);
                String owner = " library \"" + library.name() + "\"";
                if (rootReal.equals(real)) {
                    throw new FolderOverlapException("Folder " + wanted + " is already in" + owner + " as " + root);
                }
                if (real.startsWith(rootReal)) {
                    throw new FolderOverlapException("Folder " + wanted + " lies inside " + root
                            + ", which is already a folder of" + owner);
                }
                if (rootReal.startsWith(real)) {
                    throw new FolderOverlapException("Folder " + wanted + " contains " + root
                            + ", which is already a folder of" + owner + "; remove that folder from the library first");
                }
            }
        }
        return false;
    }

    /** The library and root that {@code folder} names, by its stored form or else by real path. */
    static Optional<LibraryFolder> find(Path folder, List<Library> libraries) {
        Path wanted = stored(folder);
        for (Library library : libraries) {
            for (Path root : library.roots()) {
                if (root.equals(wanted)) {
                    return Optional.of(new LibraryFolder(library, root, 0));
                }
            }
        }
        Path real = real(wanted);
        for (Library library : libraries) {
            for (Path root : library.roots()) {
                if (real(root).equals(real)) {
                    return Optional.of(new LibraryFolder(library, root, 0));
                }
            }
        }
        return Optional.empty();
    }

    /** The real path where the folder exists; else (an unmounted drive) its stored form. */
    static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException | RuntimeException e) {
            return stored(folder);
        }
    }
}
