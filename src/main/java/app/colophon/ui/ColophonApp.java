package app.colophon.ui;

import app.colophon.api.ApiServer;
import app.colophon.library.Colophon;
import app.colophon.library.DataDirectory;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.settings.LocalApi;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/** The desktop application over the user's default data folder. */
public final class ColophonApp extends Application {

    private Colophon colophon;
    private UiContext context;
    private LocalApi localApi;

    public static void launchWindow(String[] args) {
        Application.launch(ColophonApp.class, args);
    }

    @Override
    public void init() {
        colophon = Colophon.open(DataDirectory.resolve(null));
    }

    @Override
    public void start(Stage stage) {
        UiServices services = new UiServices(colophon.libraries(), colophon.resync(), colophon.editor(), colophon.covers());
        localApi = new LocalApi(colophon, ApiServer.DEFAULT_PORT);
        context = new UiContext(services, Preferences.userRoot().node("app/colophon"), FolderPicker.chooser(),
                folder -> getHostServices().showDocument(folder.toUri().toString()), localApi);
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
