package app.colophon.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.List;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the window shows the user goes through here: a ControlsFX notification with a short text; for
 * an unexpected error the stack trace goes to the log, once, here. Information hides after a few seconds, an error
 * stays until closed. {@link #shown()} keeps what was shown.
 */
public class Notifier {

    public enum Kind { INFO, WARNING, ERROR }

    public record Message(Kind kind, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** How long an information or a warning stays; errors stay until closed. */
    public static final Duration INFO_SHOWN = Duration.seconds(4);
    /** Notifications shown at once before they fold into one. */
    static final int MAX_STACKED = 4;

    private final ObservableList<Message> shown = FXCollections.observableArrayList();
    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public ObservableList<Message> shown() {
        return shown;
    }

    /** On the main window. */
    public void info(String text) {
        info(null, text);
    }

    /** On {@code window}, the one the action that led to it was taken in (null: the main window). */
    public void info(Window window, String text) {
        show(window, Kind.INFO, text);
    }

    public void warning(String text) {
        warning(null, text);
    }

    public void warning(Window window, String text) {
        show(window, Kind.WARNING, text);
    }

    /** An error the user can act on (a file that cannot be read, a missing folder): no stack trace needed. */
    public void error(String text) {
        error(null, text);
    }

    public void error(Window window, String text) {
        LOG.info("Shown to the user: {}", text);
        show(window, Kind.ERROR, text);
    }

    /** Something that should not happen: the user gets {@code text}, the log gets the whole story. */
    public void unexpected(String text, Throwable cause) {
        unexpected(null, text, cause);
    }

    public void unexpected(Window window, String text, Throwable cause) {
        LOG.error(text, cause);
        show(window, Kind.ERROR, text);
    }

    /** What stands for several notifications at once: the errors among the recent ones, which must not get lost. */
    private Notifications folded(Window anchor) {
        List<String> errors = shown.subList(Math.max(0, shown.size() - MAX_STACKED * 2), shown.size()).stream()
                .filter(m -> m.kind() == Kind.ERROR).map(Message::text).distinct().toList();
        String text = errors.isEmpty() ? "Several messages at once; the details are in Colophon's log."
                : "Several messages at once. Errors: " + String.join(" · ", errors);
        return Notifications.create().title("Colophon").text(Texts.visible(text)).position(Pos.BOTTOM_RIGHT).owner(anchor)
                .hideAfter(errors.isEmpty() ? INFO_SHOWN : Duration.INDEFINITE);
    }

    private void show(Window window, Kind kind, String text) {
        shown.add(new Message(kind, text));
        Window anchor = window != null && window.isShowing() ? window
                : owner != null && owner.isShowing() ? owner
                : Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (anchor == null) {
            // No window left to show it on (the app is closing): the message is kept and logged, not shown.
            return;
        }
        // An error stays until the user closes it: it must not vanish while they look elsewhere. Past a few at once,
        // ControlsFX would stack them off the edge of the screen; they fold into one that still names the errors.
        // a file name in a message shows its control characters as symbols (Texts.visible)
        Notifications n = Notifications.create().text(Texts.visible(text)).position(Pos.BOTTOM_RIGHT).owner(anchor)
                .hideAfter(kind == Kind.ERROR ? Duration.INDEFINITE : INFO_SHOWN)
                .threshold(MAX_STACKED, folded(anchor));
        switch (kind) {
            case INFO -> n.showInformation();
            case WARNING -> n.showWarning();
            case ERROR -> n.showError();
        }
    }
}
