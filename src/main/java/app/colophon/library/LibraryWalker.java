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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the book files under a library's roots: supported extensions in any case; hidden files and folders,
 * {@code __MACOSX} and unreadable entries skipped; symlinked folders followed, loops cut.
 */
final class LibraryWalker {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryWalker.class);

    record DiskFile(Path path, long sizeBytes, long modifiedMillis) {
    }

    /**
     * What is on disk, the folders that could not be read (files known under them must not be dropped), and the
     * book files that cannot be imported at all, with the reason, for the scan report.
     */
    record Listing(List<DiskFile> files, Set<Path> unreadable, List<ScanReport.FileError> skipped) {
        boolean isUnderUnreadable(Path path) {
            for (Path dir : unreadable) {
                if (path.startsWith(dir)) {
                    return true;
                }
            }
            return false;
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
        for (Path root : library.roots()) {
            checkRoot(root);
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && isSkipped(dir)) {
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
                        if (attrs.isRegularFile() && !isSkipped(file) && FileFormat.fromPath(file).isPresent()) {
                            if (!Path.of(file.toString()).equals(file)) {
                                // A name in another encoding (Latin-1 bytes on a UTF-8 system) does not survive being
                                // stored as text: the record could never find its file again, and every scan would
                                // re-import it as a new book, dropping its edits.
                                LOG.warn("Skipping {}: its name is not valid in the file name encoding", file);
                                skipped.add(new ScanReport.FileError(file, "File name is not valid "
                                        + System.getProperty("sun.jnu.encoding", "UTF-8") + "; rename the file to import it"));
                            } else {
                                files.add(new DiskFile(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                            }
                        }
                        return FileVisitResult.CONTINUE;
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
                });
            } catch (IOException e) {
                throw new LibraryUnavailableException("Cannot read library folder " + root + ": " + e.getMessage()
                        + ". Nothing was removed.");
            }
        }
        return new Listing(files, unreadable, skipped);
    }

    static void checkRoot(Path root) {
        if (!Files.isDirectory(root)) {
            throw new LibraryUnavailableException("Library folder " + root
                    + " is missing (renamed, deleted or not mounted). Nothing was removed.");
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new LibraryUnavailableException("Library folder " + root + " cannot be read (permission denied). "
                    + "Nothing was removed.");
        }
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
