package app.colophon.ui.library;

import app.colophon.library.ColophonException;
import app.colophon.library.Removal;
import app.colophon.model.Library;
import app.colophon.ui.common.Confirmation;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import app.colophon.ui.remove.ExcludedFiles;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * What a library's menu in the sidebar offers: scan it, add a folder, remove a folder, the missing books or the
 * whole library. Every removal names what goes and asks first; it forgets records only, never a file on disk.
 */
public final class LibraryActions {

    public static final String SCAN = "Scan library";
    public static final String ADD_FOLDER = "Add folder…";
    public static final String REMOVE_FOLDER = "Remove folder…";
    public static final String REMOVE_MISSING = "Remove missing books…";
    public static final String REMOVE_LIBRARY = "Remove library…";
    public static final String EXCLUDED = "Excluded files…";

    /**
     * What the window does for the menu: the window its dialogs belong to; after a change, read the libraries again
     * or one library's books; scan one.
     */
    public record Host(Supplier<Window> owner, Runnable librariesChanged, LongConsumer booksChanged, LongConsumer scan) {
    }

    private final UiServices services;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final FolderPicker folderPicker;
    private final Host window;
    private final ExcludedFiles excluded;

    public LibraryActions(UiServices services, FxTasks tasks, Notifier notifier, FolderPicker folderPicker, Host window) {
        this.services = services;
        this.tasks = tasks;
        this.notifier = notifier;
        this.folderPicker = folderPicker;
        this.window = window;
        this.excluded = new ExcludedFiles(services, tasks, notifier);
    }

    /** The menu of one library (a reused cell builds it again for each library it shows). */
    public ContextMenu contextMenu(Library library) {
        return new ContextMenu(items(library).toArray(MenuItem[]::new));
    }

    List<MenuItem> items(Library library) {
        MenuItem scan = item(SCAN, () -> window.scan().accept(library.id()));
        MenuItem add = item(ADD_FOLDER, () -> addFolder(library));
        MenuItem removeFolder;
        if (library.roots().size() <= 1) {
            removeFolder = item(REMOVE_FOLDER, () -> library.roots().forEach(root -> removeFolder(library, root)));
            removeFolder.setDisable(library.roots().isEmpty());
        } else {
            Menu each = new Menu(REMOVE_FOLDER);
            library.roots().forEach(root -> each.getItems().add(item(root.toString(), () -> removeFolder(library, root))));
            removeFolder = each;
        }
        return List.of(scan, add, removeFolder, new SeparatorMenuItem(),
                item(EXCLUDED, () -> excluded.show(window.owner().get(), library, window.scan())),
                item(REMOVE_MISSING, () -> removeMissing(library)), item(REMOVE_LIBRARY, () -> removeLibrary(library)));
    }

    public void addFolder(Library library) {
        folderPicker.pick(window.owner().get()).ifPresent(folder -> tasks.run(
                () -> services.libraries().addRoots(library.id(), List.of(folder)),
                added -> {
                    window.librariesChanged().run();
                    window.scan().accept(library.id());
                },
                e -> failed("Could not add the folder", e)));
    }

    public void removeFolder(Library library, Path root) {
        tasks.run(() -> services.libraries().folders().stream().filter(f -> f.path().equals(root)
                        && f.library().id() == library.id()).mapToLong(f -> f.books()).sum(),
                books -> {
                    if (Confirmation.ask(window.owner().get(), "Remove Folder", "Remove the folder " + root + " from \""
                            + library.name() + "\"? " + books(books) + " leave the library. Your files stay where they "
                            + "are; add the folder again to bring them back.", "Remove")) {
                        tasks.run(() -> services.libraries().removeFolder(root), removal -> {
                            notifier.info("Folder removed: " + books(removal.books()) + " left the library");
                            window.librariesChanged().run();
                        }, e -> failed("Could not remove the folder", e));
                    }
                }, e -> failed("Could not count the folder's books", e));
    }

    public void removeLibrary(Library library) {
        tasks.run(() -> services.libraries().summaries(library.id()).size(),
                books -> {
                    if (Confirmation.ask(window.owner().get(), "Remove Library", "Remove the library \"" + library.name()
                            + "\"? Its " + books(books) + " leave Colophon. Your files stay where they are.", "Remove")) {
                        tasks.run(() -> services.libraries().removeLibrary(library.id()), removal -> {
                            notifier.info("Library removed: " + books(removal.books()));
                            window.librariesChanged().run();
                        }, e -> failed("Could not remove the library", e));
                    }
                }, e -> failed("Could not count the library's books", e));
    }

    /** Books whose every file is gone from disk go; so do the missing files of books that keep others. */
    public void removeMissing(Library library) {
        tasks.run(() -> new long[] {services.libraries().missingBooks(library.id()),
                        services.libraries().missing(library.id()).size()},
                counts -> {
                    long books = counts[0];
                    long files = counts[1];
                    if (files == 0) {
                        notifier.info("No missing books in \"" + library.name() + "\"");
                        return;
                    }
                    String others = files > books ? " (and the missing files of other books)" : "";
                    if (Confirmation.ask(window.owner().get(), "Remove Missing Books", "Remove " + books(books)
                            + " whose files are no longer on disk from \"" + library.name() + "\"" + others + "? Their "
                            + "edits go with them; a file that turns up again comes back as a new book.", "Remove")) {
                        tasks.run(() -> services.libraries().removeMissing(library.id()), (Removal removal) -> {
                            notifier.info("Removed " + books(removal.books()) + " with missing files");
                            window.booksChanged().accept(library.id());
                        }, e -> failed("Could not remove the missing books", e));
                    }
                }, e -> failed("Could not count the missing books", e));
    }

    static String books(long n) {
        return n + (n == 1 ? " book" : " books");
    }

    private void failed(String what, Throwable e) {
        if (e instanceof ColophonException) {
            notifier.error(e.getMessage());
        } else {
            notifier.unexpected(what + ": " + e.getMessage(), e);
        }
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
