package app.colophon.ui.books;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.List;

/**
 * The actions every book tile, list row and file row carries, built once as a "⋯" button and once as a
 * context menu. The three resync actions are disabled while {@code busy} holds.
 */
public final class BookMenus {

    public static final String SCAN = "Scan for new metadata";
    public static final String REFRESH = "Refresh all metadata";
    public static final String RESET = "Reset to file metadata";
    public static final String EDIT = "Edit metadata…";
    public static final String SHOW_IN_FOLDER = "Show in folder";

    /** What the menus do; a null edit or show-in-folder action leaves its item out. */
    public record Actions(Runnable scan, Runnable refresh, Runnable reset, Runnable edit, Runnable showInFolder) {
    }

    private BookMenus() {
    }

    /**
     * Actions that act on whatever item a reused cell (tile, row) shows at the moment of the click, nothing when it
     * shows none ({@code current} gives null); "Edit metadata…" only {@code withEdit}.
     */
    public static <T> Actions forCurrent(java.util.function.Supplier<T> current,
                                         java.util.function.Function<T, Actions> actions, boolean withEdit) {
        return new Actions(
                () -> run(current.get(), item -> actions.apply(item).scan()),
                () -> run(current.get(), item -> actions.apply(item).refresh()),
                () -> run(current.get(), item -> actions.apply(item).reset()),
                withEdit ? () -> run(current.get(), item -> actions.apply(item).edit()) : null,
                () -> run(current.get(), item -> actions.apply(item).showInFolder()));
    }

    private static <T> void run(T item, java.util.function.Function<T, Runnable> action) {
        if (item != null) {
            action.apply(item).run();
        }
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
        MenuItem scan = item(SCAN, actions.scan());
        MenuItem refresh = item(REFRESH, actions.refresh());
        MenuItem reset = item(RESET, actions.reset());
        scan.disableProperty().bind(busy);
        refresh.disableProperty().bind(busy);
        reset.disableProperty().bind(busy);
        List<MenuItem> items = new java.util.ArrayList<>(List.of(scan, refresh, reset, new SeparatorMenuItem()));
        if (actions.edit() != null) {
            items.add(item(EDIT, actions.edit()));
        }
        if (actions.showInFolder() != null) {
            items.add(item(SHOW_IN_FOLDER, actions.showInFolder()));
        }
        return items;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
