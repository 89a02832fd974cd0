package app.colophon.library;

import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the book files under a library's roots: supported extensions in any case; hidden files and folders,
 * {@code __MACOSX} and unreadable entries skipped; symbolic links followed while they stay inside the library's
 * roots, loops cut, and a file reached by several paths listed once. A root that is missing or cannot be read is reported, never thrown: the other roots are
 * listed as usual.
 */
final class LibraryWalker {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryWalker.class);

    record DiskFile(Path path, long sizeBytes, long modifiedMillis) {
    }

    /**
     * What is on disk; the folders that could not be read in full (files known under them must not be marked
     * missing); the book files that cannot be imported at all, with the reason, for the scan report; and the roots
     * that could not be listed at all, with the reason.
     */
    record Listing(List<DiskFile> files, Set<Path> unreadable, List<ScanReport.FileError> skipped,
                   Map<Path, String> unavailableRoots) {
        boolean isUnderUnreadable(Path path) {
            for (Path dir : unreadable) {
                if (path.startsWith(dir)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The same listing without the files at {@code excluded} (removed by the user): a scan never sees them, so
         * they become neither new books nor the new place of a moved record.
         */
        Listing without(Set<Path> excluded) {
            if (excluded.isEmpty()) {
                return this;
            }
            List<DiskFile> kept = files.stream().filter(f -> !excluded.contains(f.path())).toList();
            return kept.size() == files.size() ? this : new Listing(kept, unreadable, skipped, unavailableRoots);
        }
    }

    private static final String KEPT = "; the books known under it are kept";
    private static final String UNREADABLE_FOLDER = "Cannot read (permission denied)" + KEPT;

    private LibraryWalker() {
    }

    static Listing walk(Library library) {
        List<DiskFile> files = new ArrayList<>();
        Set<Path> unreadable = new HashSet<>();
        List<ScanReport.FileError> skipped = new ArrayList<>();
        Map<Path, String> unavailable = new LinkedHashMap<>();
        List<Path> realRoots = realPaths(library.roots());
        Map<Object, Integer> seen = new HashMap<>(); // across roots too: a link in one root may lead into another
        for (Path root : library.roots()) {
            String problem = RootAvailability.folderProblem(root);
            if (problem != null) {
                unavailable.put(root, problem);
                continue;
            }
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Visitor(root, realRoots, files, unreadable, skipped, seen));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot list library folder {}", root, e);
                unavailable.put(root, "cannot be listed: " + e.getMessage());
            }
        }
        return new Listing(files, unreadable, skipped, unavailable);
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> realRoots;
        private final List<DiskFile> files;
        private final Set<Path> unreadable;
        private final List<ScanReport.FileError> skipped;
        /** Each file's identity (device and inode, else its real path) → its place in {@link #files}. */
        private final Map<Object, Integer> seen;

        Visitor(Path root, List<Path> realRoots, List<DiskFile> files, Set<Path> unreadable,
                List<ScanReport.FileError> skipped, Map<Object, Integer> seen) {
            this.root = root;
            this.realRoots = realRoots;
            this.files = files;
            this.unreadable = unreadable;
            this.skipped = skipped;
            this.seen = seen;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            if (isSkipped(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (leadsOutside(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                unreadable.add(dir);
                skipped.add(new ScanReport.FileError(dir, UNREADABLE_FOLDER));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || isSkipped(file) || FileFormat.fromPath(file).isEmpty() || leadsOutside(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (!Path.of(file.toString()).equals(file)) {
                // A name in another encoding (Latin-1 bytes on a UTF-8 system) does not survive being stored as
                // text: the record could never find its file again, and every scan would re-import it as a new
                // book, dropping its edits.
                LOG.warn("Skipping {}: its name is not valid in the file name encoding", file);
                skipped.add(new ScanReport.FileError(file, "File name is not valid "
                        + System.getProperty("sun.jnu.encoding", "UTF-8") + "; rename the file to import it"));
            } else {
                add(file, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * One file reached twice — through two links, or through a link to a folder that is also walked directly — is
         * one file: without this it became two books. Which path stands for it must not depend on the order of a
         * listing: the one without a link in it (its real path) when there is one, else the smallest.
         */
        private void add(Path file, BasicFileAttributes attrs) {
            DiskFile found = new DiskFile(file, attrs.size(), attrs.lastModifiedTime().toMillis());
            Object key = attrs.fileKey() != null ? attrs.fileKey() : realPath(file);
            Integer earlier = seen.putIfAbsent(key, files.size());
            if (earlier == null) {
                files.add(found);
                return;
            }
            Path kept = files.get(earlier).path();
            boolean replace = preferred(file, kept);
            if (replace) {
                files.set(earlier, found);
            }
            LOG.info("{} and {} are one file; it is read once, as {}", kept, file, replace ? file : kept);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // A symlink loop, a folder we may not open, a file gone meanwhile: skip it, keep walking.
            LOG.warn("Skipping {}: {}", file, e.toString());
            unreadable.add(file);
            if (e instanceof FileSystemLoopException) {
                skipped.add(new ScanReport.FileError(file, "Symbolic link loop: not followed"));
            } else if (!(e instanceof NoSuchFileException)) { // gone meanwhile: nothing to report
                skipped.add(new ScanReport.FileError(file, e instanceof AccessDeniedException
                        ? UNREADABLE_FOLDER : "Cannot read: " + e.getMessage() + KEPT));
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * A folder whose listing failed part way (an I/O error, an entry of /proc vanishing) ends here with the
         * error: what was listed stays, the folder's known books are kept, and the walk goes on.
         */
        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                LOG.warn("Could not list all of {}: {}", dir, e.toString());
                unreadable.add(dir);
                skipped.add(new ScanReport.FileError(dir, "Cannot list the folder: " + e.getMessage() + KEPT));
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * A symbolic link whose target lies outside every root of the library is not followed: it could lead
         * anywhere (a link into /proc or to / walks the whole machine), and what it leads to is not the library.
         */
        private boolean leadsOutside(Path path) {
            if (!Files.isSymbolicLink(path)) {
                return false;
            }
            try {
                Path target = path.toRealPath();
                for (Path r : realRoots) {
                    if (target.startsWith(r)) {
                        return false;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a dangling link: nothing to follow
            }
            skipped.add(new ScanReport.FileError(path, "Symbolic link to outside the library's folders: not followed"));
            return true;
        }
    }

    /** Whether {@code candidate} rather than {@code kept} should stand for a file reached by both. */
    private static boolean preferred(Path candidate, Path kept) {
        boolean candidateReal = candidate.equals(realPath(candidate));
        boolean keptReal = kept.equals(realPath(kept));
        if (candidateReal != keptReal) {
            return candidateReal;
        }
        return candidate.toString().compareTo(kept.toString()) < 0;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | RuntimeException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static List<Path> realPaths(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException | RuntimeException e) {
                real.add(root.toAbsolutePath().normalize());
            }
        }
        return real;
    }

    private static boolean isSkipped(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        return n.startsWith(".") || n.equals("__MACOSX");
    }
}
