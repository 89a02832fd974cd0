package app.colophon.ui.common;

import javafx.event.EventHandler;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.util.prefs.Preferences;

/** Remembers a window's size, position and maximized state between launches. */
public final class WindowState {

    private final Preferences prefs;

    public WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double w = prefs.getDouble("w", defaultWidth);
        double h = prefs.getDouble("h", defaultHeight);
        stage.setWidth(w);
        stage.setHeight(h);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        // Only where a screen still is: the window must not open on a monitor that was unplugged.
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    /** Saves when the window is hidden; returns the handler so a caller can detach it from a reused stage. */
    public EventHandler<WindowEvent> rememberOnClose(Stage stage) {
        EventHandler<WindowEvent> handler = e -> save(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, handler);
        return handler;
    }

    public void save(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("w", stage.getWidth());
            prefs.putDouble("h", stage.getHeight());
        }
    }
}
