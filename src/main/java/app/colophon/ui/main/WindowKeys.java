package app.colophon.ui.main;

import app.colophon.ui.books.BookOpener;
import javafx.event.EventHandler;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The main window's keys: Ctrl+F search (Esc clears it), Enter opens the book last clicked, Ctrl+A chooses every
 * book shown, Ctrl+Q closes the window; the keys its menus show go to {@link BookActions}.
 */
final class WindowKeys implements EventHandler<KeyEvent> {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final TextField search;
    private final BookShelf shelf;
    private final BookActions books;
    private final BookOpener opener;
    private final Supplier<Window> window;

    WindowKeys(TextField search, BookShelf shelf, BookActions books, BookOpener opener, Supplier<Window> window) {
        this.search = search;
        this.shelf = shelf;
        this.books = books;
        this.opener = opener;
        this.window = window;
    }

    @Override
    public void handle(KeyEvent e) {
        long lead = shelf.selection().lead().get();
        boolean typing = e.getTarget() instanceof TextField;
        if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
        } else if (e.getCode() == KeyCode.ESCAPE && search.isFocused()) {
            search.clear();
        } else if (e.getCode() == KeyCode.ENTER && !typing && lead >= 0) {
            opener.open(lead, false);
        } else if (books.onKey(e, lead)) {
            // Ctrl+O, F5, Ctrl+E, Delete: done by the book's actions
        } else if (QUIT.match(e) && window.get() != null) {
            window.get().hide(); // as the window's close button: the detail windows close with it, and the app quits
        } else if (ALL.match(e) && !typing) {
            shelf.selectAll();
        } else {
            return;
        }
        e.consume();
    }
}
