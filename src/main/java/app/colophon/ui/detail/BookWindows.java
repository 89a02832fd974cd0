package app.colophon.ui.detail;

import app.colophon.ui.UiContext;
import app.colophon.ui.common.ControllerFactory;
import app.colophon.ui.main.BookOpener;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens the detail window of a book (one window per book). */
public final class BookWindows implements BookOpener {

    private final UiContext context;
    private final Consumer<Path> showFolder;

    public BookWindows(UiContext context, Consumer<Path> showFolder) {
        this.context = context;
        this.showFolder = showFolder;
    }

    /** Registers the detail view's controllers with the shared factory. */
    public void registerControllers(ControllerFactory controllers) {
        // filled in by the detail view
    }

    @Override
    public void open(long bookId, boolean edit) {
        context.notifier().info("Book " + bookId);
    }
}
