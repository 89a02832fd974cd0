package app.colophon.ui.books;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ObservableSet;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The "⋯" cell and the context-menu row of a table whose items can be resynced — the book list and a book's file
 * table. Both are reused cells: their menus act on the item shown at the moment of the click, and while that
 * item's id is in {@code busy} the "⋯" gives way to a spinner and the two resync actions are disabled.
 */
public final class ActionCells {

    private ActionCells() {
    }

    /** The "⋯" button, replaced by a spinner while the row's item resyncs. */
    public static final class MoreCell<T> extends TableCell<T, T> {
        private final LongProperty itemId = new SimpleLongProperty(-1);
        private final ToLongFunction<T> idOf;
        private final StackPane box;

        public MoreCell(ObservableSet<Long> busy, ToLongFunction<T> idOf, Function<T, BookMenus.Actions> actions,
                        boolean withEdit) {
            this.idOf = idOf;
            BooleanBinding itemBusy = busyBinding(busy, itemId);
            MenuButton button = BookMenus.moreButton(BookMenus.forCurrent(this::getItem, actions, withEdit), itemBusy);
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("row-spinner");
            spinner.setMaxSize(18, 18);
            spinner.visibleProperty().bind(itemBusy);
            button.visibleProperty().bind(itemBusy.not());
            box = new StackPane(button, spinner);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            itemId.set(empty || item == null ? -1 : idOf.applyAsLong(item));
            setGraphic(empty || item == null ? null : box);
        }
    }

    /**
     * A row with the same actions in its context menu; a double click opens the item when {@code open} is given. A
     * row whose item is {@code missing} (its files gone from disk) carries the {@code :missing} pseudo-class.
     */
    public static final class ActionRow<T> extends TableRow<T> {
        public static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

        private final LongProperty itemId = new SimpleLongProperty(-1);
        private final ToLongFunction<T> idOf;
        private final Predicate<T> missing;

        public ActionRow(ObservableSet<Long> busy, ToLongFunction<T> idOf, Function<T, BookMenus.Actions> actions,
                         boolean withEdit, Consumer<T> open, Predicate<T> missing) {
            this.idOf = idOf;
            this.missing = missing;
            ContextMenu menu = BookMenus.contextMenu(BookMenus.forCurrent(this::getItem, actions, withEdit), busyBinding(busy, itemId));
            contextMenuProperty().bind(Bindings.when(emptyProperty()).then((ContextMenu) null).otherwise(menu));
            if (open != null) {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                        open.accept(getItem());
                    }
                });
            }
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            itemId.set(empty || item == null ? -1 : idOf.applyAsLong(item));
            pseudoClassStateChanged(MISSING, !empty && item != null && missing.test(item));
        }
    }

    private static BooleanBinding busyBinding(ObservableSet<Long> busy, LongProperty id) {
        return Bindings.createBooleanBinding(() -> busy.contains(id.get()), busy, id);
    }
}
