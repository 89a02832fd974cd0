package app.colophon.ui.detail;

import app.colophon.ui.books.BookViews;
import app.colophon.ui.resync.ResyncActions;
import app.colophon.ui.common.AppIcons;
import app.colophon.ui.common.ControllerFactory;
import app.colophon.ui.common.Views;
import app.colophon.ui.books.BookOpener;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the detail window of a book: one window per book (opening it again brings it to the front), owned by no
 * other window, closed when its book is removed. FX thread only.
 */
public final class BookWindows implements BookOpener {

    static final String VIEW = "detail/BookDetail.fxml";
    private static final double WIDTH = 980;
    private static final double HEIGHT = 760;

    private final Map<Long, Open> open = new HashMap<>();
    private final ControllerFactory controllers;

    private record Open(Stage stage, BookDetailController controller) {
    }

    /** Registers the detail view's controller with the shared factory, built from what it needs. */
    public BookWindows(BookViews views, ResyncActions resync, Consumer<Path> showFolder, ControllerFactory controllers) {
        this.controllers = controllers;
        controllers.register(BookDetailController.class, () -> new BookDetailController(views, resync, showFolder));
    }

    @Override
    public void open(long bookId, boolean edit) {
        Open existing = open.get(bookId);
        if (existing != null) {
            Stage stage = existing.stage();
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
            if (edit) {
                existing.controller().focusEditor();
            }
            return;
        }
        Views.Loaded<BookDetailController> view = Views.load(VIEW, controllers::call);
        BookDetailController controller = view.controller();
        Stage stage = new Stage();
        AppIcons.apply(stage);
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Views.stylesheet());
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        stage.titleProperty().bind(controller.titleProperty());
        controller.setOnGone(stage::close);
        stage.setOnHidden(e -> {
            controller.dispose();
            open.remove(bookId, new Open(stage, controller));
        });
        open.put(bookId, new Open(stage, controller));
        controller.open(bookId, edit);
        stage.show();
    }

    /** The window of a book while it is open. */
    public Optional<Stage> window(long bookId) {
        return Optional.ofNullable(open.get(bookId)).map(Open::stage);
    }

    /** Closes every detail window, e.g. when the main window closes. */
    public void closeAll() {
        Map.copyOf(open).values().forEach(o -> o.stage().close());
    }
}
