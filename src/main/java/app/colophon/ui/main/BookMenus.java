package app.colophon.ui.main;

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

    /** Actions that act on whatever item a reused cell shows at the moment of the click. */
    public static Actions forCurrent(java.util.function.LongFunction<Actions> actions, java.util.function.LongSupplier id) {
        return new Actions(() -> actions.apply(id.getAsLong()).scan().run(),
                () -> actions.apply(id.getAsLong()).refresh().run(),
                () -> actions.apply(id.getAsLong()).reset().run(),
                () -> actions.apply(id.getAsLong()).edit().run(),
                () -> actions.apply(id.getAsLong()).showInFolder().run());
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
