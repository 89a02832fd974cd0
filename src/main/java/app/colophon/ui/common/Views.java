package app.colophon.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads an FXML view from {@code /fxml} with the shared controller factory. */
public final class Views {

    private Views() {
    }

    /** A loaded view and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /** The one stylesheet every window uses. */
    public static String stylesheet() {
        return Views.class.getResource("/css/colophon.css").toExternalForm();
    }

    public static <C> Loaded<C> load(String fxml, Callback controllers) {
        URL url = Views.class.getResource("/fxml/" + fxml);
        if (url == null) {
            throw new IllegalArgumentException("No view " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers::call);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }

    /** The factory's shape, so tests can pass their own. */
    @FunctionalInterface
    public interface Callback {
        Object call(Class<?> type);
    }
}
