package app.colophon.ui.common;

import app.colophon.model.BookFile;
import app.colophon.model.FileOrder;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hands files and folders to the desktop: a book's file to the system's default application ("Open"), its folder
 * to the file manager ("Show in folder"). Whether a file is on disk is asked off the FX thread, as a drive that went
 * to sleep can take seconds to answer.
 */
public final class FileLauncher {

    private final Consumer<Path> showDocument;
    private final FxTasks tasks;
    private final Notifier notifier;

    /** @param showDocument opens a file or a folder the way the desktop does (the app: HostServices) */
    public FileLauncher(Consumer<Path> showDocument, FxTasks tasks, Notifier notifier) {
        this.showDocument = showDocument;
        this.tasks = tasks;
        this.notifier = notifier;
    }

    public void showFolderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            showDocument.accept(parent);
        }
    }

    /** "Open" on a book: its first file, in the fixed file order, that is on disk. */
    public void openBook(Window owner, List<BookFile> files) {
        open(owner, files.stream().sorted(FileOrder.FILES).map(BookFile::path).toList());
    }

    /** "Show in folder" on a book: the folder of its first file in the fixed file order. */
    public void showFolderOfBook(List<BookFile> files) {
        files.stream().min(FileOrder.FILES).ifPresent(f -> showFolderOf(f.path()));
    }

    /**
     * Opens the first of {@code files} (given in the book's file order) that is on disk; when none is, says so over
     * {@code owner} and opens nothing.
     */
    public void open(Window owner, List<Path> files) {
        if (files.isEmpty()) {
            notifier.error(owner, "This book has no file to open.");
            return;
        }
        tasks.run(() -> files.stream().filter(Files::isRegularFile).findFirst(), (Optional<Path> found) ->
                found.ifPresentOrElse(showDocument, () -> notifier.error(owner, "Cannot open "
                        + Texts.visible(String.valueOf(files.get(0).getFileName()))
                        + ": the file is not on disk (moved, deleted, or on a drive that is not connected).")),
                e -> notifier.unexpected(owner, "Could not open the file", e));
    }
}
