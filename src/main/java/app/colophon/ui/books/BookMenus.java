package app.colophon.ui.books;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The actions every book tile, list row and file row carries, built once as a "⋯" button and once as a
 * context menu. The three resync actions are disabled while {@code busy} holds.
 */
public final class BookMenus {

    public static final String OPEN = "Open";
    public static final String SCAN = "Scan for new metadata";
    public static final String REFRESH = "Refresh all metadata";
    public static final String RESET = "Reset to file metadata";
    public static final String EDIT = "Edit metadata…";
    public static final String SHOW_IN_FOLDER = "Show in folder";
    public static final String REMOVE = "Remove from library…";

    /** What the menus do; a null action leaves its item out. */
    public record Actions(Runnable open, Runnable scan, Runnable refresh, Runnable reset, Runnable edit,
                          Runnable showInFolder, Runnable remove) {

        /** Only the three resyncs; add the others with the {@code with…} methods. */
        public static Actions resyncs(Runnable scan, Runnable refresh, Runnable reset) {
            return new Actions(null, scan, refresh, reset, null, null, null);
        }

        public Actions withOpen(Runnable action) {
            return new Actions(action, scan, refresh, reset, edit, showInFolder, remove);
        }

        public Actions withEdit(Runnable action) {
            return new Actions(open, scan, refresh, reset, action, showInFolder, remove);
        }

        public Actions withShowInFolder(Runnable action) {
            return new Actions(open, scan, refresh, reset, edit, action, remove);
        }

        public Actions withRemove(Runnable action) {
            return new Actions(open, scan, refresh, reset, edit, showInFolder, action);
        }
    }

    private BookMenus() {
    }

    /**
     * Actions that act on whatever item a reused cell (tile, row) shows at the moment of the click, nothing when it
     * shows none ({@code current} gives null). Books ({@code books}) have every item; files have no "Edit
     * metadata…" (their values are edited in the book's window) and no "Remove from library…".
     */
    public static <T> Actions forCurrent(Supplier<T> current, Function<T, Actions> actions, boolean books) {
        return new Actions(
                onCurrent(current, actions, Actions::open),
                onCurrent(current, actions, Actions::scan),
                onCurrent(current, actions, Actions::refresh),
                onCurrent(current, actions, Actions::reset),
                books ? onCurrent(current, actions, Actions::edit) : null,
                onCurrent(current, actions, Actions::showInFolder),
                books ? onCurrent(current, actions, Actions::remove) : null);
    }

    /** The action for the item the cell shows when it runs; nothing when it shows none or lacks that action. */
    private static <T> Runnable onCurrent(Supplier<T> current, Function<T, Actions> actions,
                                          Function<Actions, Runnable> which) {
        return () -> {
            T item = current.get();
            if (item != null) {
                Runnable action = which.apply(actions.apply(item));
                if (action != null) {
                    action.run();
                }
            }
        };
    }

    public static MenuButton moreButton(Actions actions, BooleanExpression busy) {
        MenuButton button = new MenuButton("⋯");
        button.getStyleClass().add("more-button");
        button.setAccessibleText("More actions");
        button.getItems().setAll(items(actions, busy));
        return button;
    }

    public static ContextMenu contextMenu(Actions actions, BooleanExpression busy) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(items(actions, busy));
        return menu;
    }

    private static List<MenuItem> items(Actions actions, BooleanExpression busy) {
        List<MenuItem> items = new ArrayList<>();
        if (actions.open() != null) {
            items.add(item(OPEN, actions.open(), Shortcuts.OPEN));
            items.add(new SeparatorMenuItem());
        }
        MenuItem scan = item(SCAN, actions.scan(), Shortcuts.SCAN);
        MenuItem refresh = item(REFRESH, actions.refresh(), null);
        MenuItem reset = item(RESET, actions.reset(), null);
        scan.disableProperty().bind(busy);
        refresh.disableProperty().bind(busy);
        reset.disableProperty().bind(busy);
        items.addAll(List.of(scan, refresh, reset, new SeparatorMenuItem()));
        if (actions.edit() != null) {
            items.add(item(EDIT, actions.edit(), Shortcuts.EDIT));
        }
        if (actions.showInFolder() != null) {
            items.add(item(SHOW_IN_FOLDER, actions.showInFolder(), null));
        }
        if (actions.remove() != null) {
            items.add(new SeparatorMenuItem());
            items.add(item(REMOVE, actions.remove(), Shortcuts.REMOVE));
        }
        return items;
    }

    private static MenuItem item(String text, Runnable action, KeyCombination shortcut) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        item.setAccelerator(shortcut);
        return item;
    }

    /**
     * The keys the menus show. Only shown: every cell's menu would otherwise register its accelerator with the scene
     * and the key would act on whichever cell registered last; the window's key handler acts on the selection.
     */
    public static final class Shortcuts {
        public static final KeyCombination OPEN = hint(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        public static final KeyCombination SCAN = hint(new KeyCodeCombination(KeyCode.F5));
        public static final KeyCombination EDIT = hint(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        public static final KeyCombination REMOVE = hint(new KeyCodeCombination(KeyCode.DELETE));

        private Shortcuts() {
        }

        private static KeyCombination hint(KeyCodeCombination keys) {
            return new ShownOnly(keys);
        }
    }

    /** A key combination that menus display and that never matches a key press. */
    private static final class ShownOnly extends KeyCombination {
        private final KeyCodeCombination keys;

        ShownOnly(KeyCodeCombination keys) {
            this.keys = keys;
        }

        /** The real combination, for the window's own key handler. */
        KeyCodeCombination keys() {
            return keys;
        }

        @Override
        public boolean match(javafx.scene.input.KeyEvent event) {
            return false;
        }

        @Override
        public String getDisplayText() {
            return keys.getDisplayText();
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Whether {@code event} is the key a menu shows as {@code shortcut}. */
    public static boolean pressed(KeyCombination shortcut, javafx.scene.input.KeyEvent event) {
        return shortcut instanceof ShownOnly shown ? shown.keys().match(event) : shortcut.match(event);
    }
}
