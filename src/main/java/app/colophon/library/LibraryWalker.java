package app.colophon.library;

import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
        return walk(library.roots());
    }

    /** The listing of a library whose roots are {@code roots}, in that order. */
    static Listing walk(List<Path> roots) {
        List<DiskFile> files = new ArrayList<>();
        Set<Path> unreadable = new HashSet<>();
        List<ScanReport.FileError> skipped = new ArrayList<>();
        Map<Path, String> unavailable = new LinkedHashMap<>();
        List<Path> realRoots = realPaths(roots);
        Map<Object, Integer> seen = new HashMap<>(); // across roots too: a link in one root may lead into another
        for (Path root : roots) {
            String problem = RootAvailability.folderProblem(root);
            if (problem != null) {
                unavailable.put(root, problem);
                continue;
            }
            try {
                // Links are not followed by the walk but by the visitor, which knows them from the attributes the
                // walk read anyway: asking each entry whether it is a link cost a syscall per file on every scan.
                Files.walkFileTree(root, new Visitor(root, realRoots, files, unreadable, skipped, seen));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot list library folder {}", root, e);
                unavailable.put(root, "cannot be listed: " + e.getMessage());
            }
        }
        return new Listing(files, unreadable, skipped, unavailable);
    }

    /**
     * A folder being walked; {@code faithfulPath}: its whole path is text that names it ({@link FileNameText}), so the
     * path of a file in it is too when the file's own name is.
     */
    private record Ancestor(Path dir, Object key, boolean faithfulPath) {
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> realRoots;
        private final List<DiskFile> files;
        private final Set<Path> unreadable;
        private final List<ScanReport.FileError> skipped;
        /** Each file's identity (device and inode, else its real path) → its place in {@link #files}. */
        private final Map<Object, Integer> seen;
        /** The folders being walked, down to the current one, through links too: what a link may not lead back to. */
        private final Deque<Ancestor> ancestors = new ArrayDeque<>();

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
            if (wouldLoop(dir, attrs.fileKey())) { // a folder mounted (or a junction) inside itself
                loop(dir);
                return FileVisitResult.SKIP_SUBTREE;
            }
            return enter(dir, attrs, false);
        }

        /** A folder the walk has opened, directly or through the {@code link} that leads to it. */
        private FileVisitResult enter(Path dir, BasicFileAttributes attrs, boolean link) {
            if (!dir.equals(root)) {
                if (isSkipped(dir) || link && leadsOutside(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // no need to ask whether it is readable: it could not have been opened otherwise
                if (!Files.isExecutable(dir)) {
                    unreadable.add(dir);
                    skipped.add(new ScanReport.FileError(dir, UNREADABLE_FOLDER));
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            Ancestor parent = ancestors.peek();
            boolean faithfulPath = parent != null && parent.dir().equals(dir.getParent())
                    ? parent.faithfulPath() && FileNameText.isFaithfulName(fileName(dir))
                    : FileNameText.isFaithfulName(dir.toString());
            ancestors.push(new Ancestor(dir, attrs.fileKey(), faithfulPath));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (attrs.isSymbolicLink()) {
                follow(file);
            } else {
                list(file, attrs, false);
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * What walking with {@code FOLLOW_LINKS} did, for the rare entry that is a link: its target's attributes
         * under the link's path, a folder walked through the link, and no loop back to a folder being walked. A
         * dangling link is passed over in silence, as that walk did. What lies behind a link to a folder is walked
         * as the rest of the library, entry by entry without following links, so it costs no more per file.
         */
        private void follow(Path link) throws IOException {
            BasicFileAttributes target;
            try {
                target = Files.readAttributes(link, BasicFileAttributes.class);
            } catch (IOException e) {
                return;
            }
            if (!target.isDirectory()) {
                list(link, target, true);
                return;
            }
            if (wouldLoop(link, target.fileKey())) {
                loop(link);
                return;
            }
            DirectoryStream<Path> entries;
            try {
                entries = Files.newDirectoryStream(link);
            } catch (IOException e) {
                visitFileFailed(link, e);
                return;
            }
            try {
                if (enter(link, target, true) != FileVisitResult.CONTINUE) {
                    return;
                }
                IOException failed = null;
                try {
                    for (Path entry : entries) {
                        Files.walkFileTree(entry, this);
                    }
                } catch (DirectoryIteratorException e) {
                    failed = e.getCause();
                }
                postVisitDirectory(link, failed);
            } finally {
                try {
                    entries.close();
                } catch (IOException e) {
                    // as the walk itself: what was listed stands
                }
            }
        }

        private void list(Path file, BasicFileAttributes attrs, boolean link) {
            if (!attrs.isRegularFile()) {
                return;
            }
            String name = fileName(file);
            if (isSkipped(name) || FileFormat.fromFileName(name).isEmpty() || link && leadsOutside(file)) {
                return;
            }
            Ancestor folder = ancestors.peek();
            boolean faithfulPath = folder != null && folder.faithfulPath() && folder.dir().equals(file.getParent())
                    && FileNameText.isFaithfulName(name);
            if (!faithfulPath && !FileNameText.survivesAsText(file)) {
                LOG.warn("Skipping {}: its name is not valid in the file name encoding", file);
                skipped.add(new ScanReport.FileError(file, "File name is not valid "
                        + System.getProperty("sun.jnu.encoding", "UTF-8") + "; rename the file to import it"));
            } else {
                add(file, attrs);
            }
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
            ancestors.pop();
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
        private boolean leadsOutside(Path link) {
            try {
                Path target = link.toRealPath();
                for (Path r : realRoots) {
                    if (target.startsWith(r)) {
                        return false;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a dangling link: nothing to follow
            }
            skipped.add(new ScanReport.FileError(link, "Symbolic link to outside the library's folders: not followed"));
            return true;
        }

        /** As the JDK's walk: by file key where there is one (not on Windows), else by asking the file system. */
        private boolean wouldLoop(Path dir, Object key) {
            for (Ancestor a : ancestors) {
                if (key != null && a.key() != null) {
                    if (key.equals(a.key())) {
                        return true;
                    }
                } else {
                    try {
                        if (Files.isSameFile(dir, a.dir())) {
                            return true;
                        }
                    } catch (IOException | RuntimeException e) {
                        // cannot tell: not a loop
                    }
                }
            }
            return false;
        }

        private void loop(Path dir) {
            visitFileFailed(dir, new FileSystemLoopException(dir.toString()));
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
        return isSkipped(fileName(path));
    }

    private static boolean isSkipped(String name) {
        return name.startsWith(".") || name.equals("__MACOSX");
    }

    /** The last part of {@code path}, or "" for a path without one (a root). */
    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }
}
