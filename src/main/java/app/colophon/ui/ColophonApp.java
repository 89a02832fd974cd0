package app.colophon.ui;

import app.colophon.api.ApiServer;
import app.colophon.library.Colophon;
import app.colophon.library.DataDirectory;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.main.LibraryPreload;
import app.colophon.ui.settings.LocalApi;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;

/** The desktop application over the user's data folder. */
public final class ColophonApp extends Application {

    private Colophon colophon;
    private UiContext context;
    private LocalApi localApi;

    private static final Preferences PREFS = Preferences.userRoot().node("app/colophon");
    private static CompletableFuture<Colophon> opening;
    private static CompletableFuture<LibraryPreload> preload;

    /** Opens the window on {@code dataDir} (from {@code --data-dir}, {@code COLOPHON_HOME} or the platform's folder). */
    public static void launchWindow(Path dataDir) {
        // The database opens and the first library's books are read while JavaFX starts, not after it.
        opening = CompletableFuture.supplyAsync(() -> Colophon.open(dataDir));
        preload = opening.thenApplyAsync(app -> LibraryPreload.load(app.libraries(), PREFS.node("main")));
        Application.launch(ColophonApp.class);
    }

    @Override
    public void init() {
        colophon = opening != null ? opening.join() : Colophon.open(DataDirectory.resolve(null));
    }

    @Override
    public void start(Stage stage) {
        UiServices services = new UiServices(colophon.libraries(), colophon.resync(), colophon.editor(), colophon.covers());
        localApi = new LocalApi(colophon, ApiServer.DEFAULT_PORT);
        context = new UiContext(services, PREFS, FolderPicker.chooser(),
                folder -> getHostServices().showDocument(folder.toUri().toString()), localApi);
        if (preload != null) {
            context.usePreload(preload);
        }
        context.showMainWindow(stage);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        if (localApi != null) {
            localApi.close();
        }
        if (colophon != null) {
            colophon.close();
        }
    }
}
