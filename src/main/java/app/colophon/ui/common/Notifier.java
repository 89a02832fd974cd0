package app.colophon.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the window shows the user goes through here: a ControlsFX notification with a short text; for
 * an unexpected error the stack trace goes to the log, once, here. {@link #shown()} keeps what was shown.
 */
public class Notifier {

    public enum Kind { INFO, WARNING, ERROR }

    public record Message(Kind kind, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ObservableList<Message> shown = FXCollections.observableArrayList();
    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public ObservableList<Message> shown() {
        return shown;
    }

    public void info(String text) {
        show(Kind.INFO, text);
    }

    public void warning(String text) {
        show(Kind.WARNING, text);
    }

    /** An error the user can act on (a file that cannot be read, a missing folder): no stack trace needed. */
    public void error(String text) {
        LOG.info("Shown to the user: {}", text);
        show(Kind.ERROR, text);
    }

    /** Something that should not happen: the user gets {@code text}, the log gets the whole story. */
    public void unexpected(String text, Throwable cause) {
        LOG.error(text, cause);
        show(Kind.ERROR, text);
    }

    private void show(Kind kind, String text) {
        shown.add(new Message(kind, text));
        Window anchor = owner != null && owner.isShowing() ? owner
                : Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (anchor == null) {
            // No window left to show it on (the app is closing): the message is kept and logged, not shown.
            return;
        }
        Notifications n = Notifications.create().text(text).position(Pos.BOTTOM_RIGHT).owner(anchor)
                .hideAfter(Duration.seconds(kind == Kind.ERROR ? 8 : 4));
        switch (kind) {
            case INFO -> n.showInformation();
            case WARNING -> n.showWarning();
            case ERROR -> n.showError();
        }
    }
}
