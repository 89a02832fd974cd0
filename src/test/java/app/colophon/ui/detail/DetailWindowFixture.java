package app.colophon.ui.detail;

import app.colophon.library.Colophon;
import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Library;
import app.colophon.ui.RecordingResync;
import app.colophon.ui.UiContext;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.UiServices;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.text.Text;
import javafx.scene.control.ScrollPane;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The real application over a temp library for the detail-window tests: real services (SQLite, readers, resync)
 * with the resync wrapped in a recorder, the real UiContext and main window, and helpers to find things on screen.
 */
final class DetailWindowFixture implements AutoCloseable {

    final Path books;
    final Colophon colophon;
    final Library library;
    final RecordingResync resync;
    final Preferences prefs;
    final List<Path> opened = Collections.synchronizedList(new ArrayList<>());
    private final Stage primary;
    private UiContext context;

    DetailWindowFixture(Path temp, Stage primary) throws Exception {
        this.primary = primary;
        this.books = Files.createDirectories(temp.resolve("books"));
        this.colophon = Colophon.open(temp.resolve("data"));
        this.library = colophon.libraries().create("Test", List.of(books));
        this.resync = new RecordingResync(colophon.resync());
        this.prefs = Preferences.userRoot().node("colophon-test-" + UUID.randomUUID());
    }

    /** Scans the library, then shows the main window as the app does (it loads the scanned books). */
    void scanAndShow() {
        colophon.libraries().scan(library.id(), p -> { }, () -> false);
        UiServices services = new UiServices(colophon.libraries(), resync, colophon.editor(), colophon.covers());
        onFx(() -> {
            context = new UiContext(services, prefs, FolderPicker.chooser(), opened::add);
            context.showMainWindow(primary);
            return null;
        });
    }

    UiContext context() {
        return context;
    }

    Book bookTitled(String title) {
        return colophon.libraries().books(library.id()).stream().filter(b -> title.equals(b.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no book titled " + title));
    }

    BookWithFiles stored(long bookId) {
        return colophon.libraries().book(bookId).orElseThrow(() -> new AssertionError("no book " + bookId));
    }

    BookFile fileNamed(long bookId, String name) {
        return stored(bookId).files().stream().filter(f -> f.path().getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name));
    }

    /** Opens the book's detail window and waits until it shows the book. */
    Stage openDetail(long bookId) {
        onFx(() -> {
            context.bookWindows().open(bookId, false);
            return null;
        });
        Stage stage = onFx(() -> context.bookWindows().window(bookId).orElseThrow());
        await("the detail window shows the book", () -> !input(stage, "title").isDisabled()
                && !fileTable(stage).getItems().isEmpty());
        return stage;
    }

    static TextInputControl input(Stage stage, String jsonName) {
        return (TextInputControl) stage.getScene().getRoot().lookup("#field-" + jsonName);
    }

    static Label badge(Stage stage, String jsonName) {
        return (Label) stage.getScene().getRoot().lookup("#badge-" + jsonName);
    }

    @SuppressWarnings("unchecked")
    static TableView<BookFile> fileTable(Stage stage) {
        return (TableView<BookFile>) stage.getScene().getRoot().lookup(".file-table");
    }

    static Optional<TableRow<BookFile>> row(Stage stage, long fileId) {
        return onFx(() -> {
            for (Node n : fileTable(stage).lookupAll(".table-row-cell")) {
                @SuppressWarnings("unchecked")
                TableRow<BookFile> row = (TableRow<BookFile>) n;
                if (row.getItem() != null && row.getItem().id() == fileId) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        });
    }

    /** The table row showing the file, once the table has laid it out. */
    static TableRow<BookFile> rowOf(Stage stage, long fileId) {
        await("a row shows file " + fileId, () -> row(stage, fileId).isPresent());
        return row(stage, fileId).orElseThrow(() -> new AssertionError("no row for file " + fileId));
    }

    static MenuButton moreButton(TableRow<BookFile> row) {
        return onFx(() -> (MenuButton) row.lookup(".more-button"));
    }

    /**
     * Clicks the row's "⋯" button. Toasts stack up at the bottom right, where the file rows' "⋯" buttons are;
     * a user waits a moment or clicks them away, so the test closes the ones still showing first.
     */
    static void clickMore(FxRobot robot, TableRow<BookFile> row) {
        dismissNotifications();
        MenuButton button = moreButton(row);
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        if (!onFx(button::isShowing)) {
            // a notification that appeared after the ones showing were closed took the click: close it, click again
            dismissNotifications();
            robot.clickOn(button);
        }
    }

    static void dismissNotifications() {
        onFx(() -> {
            // closed as a user closes them (their close button), so ControlsFX forgets them too
            new ArrayList<>(Window.getWindows()).stream().filter(w -> w instanceof Popup && w.isShowing())
                    .forEach(w -> {
                        if (w.getScene().getRoot().lookup(".close-button") instanceof javafx.scene.control.ButtonBase close) {
                            close.fire();
                        } else {
                            w.hide();
                        }
                    });
            return null;
        });
    }

    /** Scrolls the detail form so that {@code node} is on screen, as a user scrolls before clicking a field. */
    static void scrollTo(Node node) {
        onFx(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll) {
                    Node content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    if (extra > 0) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (y - 20) / extra)));
                    }
                    scroll.layout();
                    return null;
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Node spinner(TableRow<BookFile> row) {
        return onFx(() -> row.lookup(".row-spinner"));
    }

    /** Opens the row's context menu the way the desktop does on a right click (DESIGN §1: Monocle needs the event). */
    static void requestContextMenu(TableRow<BookFile> row) {
        onFx(() -> {
            Bounds b = row.localToScreen(row.getBoundsInLocal());
            Event.fireEvent(row, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 8,
                    b.getMinX() + 20, b.getMinY() + 8, false, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when a popup window (a ControlsFX notification) shows {@code text}. */
    static boolean popupShows(String text) {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(Window::getScene).filter(s -> s != null && s.getRoot() != null)
                .anyMatch(s -> contains(s.getRoot(), text)));
    }

    private static boolean contains(Node node, String text) {
        if (node instanceof Labeled l && l.getText() != null && l.getText().contains(text)) {
            return true;
        }
        if (node instanceof Text t && t.getText() != null && t.getText().contains(text)) {
            return true;
        }
        if (node instanceof Parent p) {
            return p.getChildrenUnmodifiable().stream().anyMatch(c -> contains(c, text));
        }
        return false;
    }

    /** Runs {@code work} on the FX thread (directly when already there) and returns its result. */
    static <T> T onFx(Callable<T> work) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return WaitForAsyncUtils.waitForAsyncFx(10_000, work);
    }

    /** Waits (up to 10 s) until {@code condition}, read on the FX thread, holds. */
    static void await(String what, Callable<Boolean> condition) {
        AtomicReference<Throwable> last = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    last.set(e);
                    return false;
                }
            });
        } catch (TimeoutException e) {
            AssertionError error = new AssertionError("timed out waiting until " + what);
            if (last.get() != null) {
                error.addSuppressed(last.get());
            }
            throw error;
        }
    }

    @Override
    public void close() throws BackingStoreException {
        resync.release();
        if (context != null) {
            // A resync still running would report to windows that are gone.
            await("no resync is running", () -> context.model().busyFiles().isEmpty() && context.model().busyBooks().isEmpty());
        }
        onFx(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                w.hide();
            }
            return null;
        });
        if (context != null) {
            context.close();
        }
        colophon.close();
        prefs.removeNode();
    }
}
