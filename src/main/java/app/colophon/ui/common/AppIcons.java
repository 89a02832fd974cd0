package app.colophon.ui.common;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Colophon's icon in every size the installers carry ({@code packaging/icon/png}, copied to {@code /icons} by the
 * build), set on each window so that window managers, task bars and Alt+Tab show it rather than a generic one:
 * each picks the size it needs.
 */
public final class AppIcons {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcons() {
    }

    /** The icons, loaded once (FX thread). */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream("/icons/colophon-" + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // a missing size only means the window manager scales another one
                }
            }
            images = List.copyOf(loaded);
        }
        return images;
    }

    public static void apply(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
