package app.colophon.ui.settings;

import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import javafx.scene.control.CheckMenuItem;

import java.util.prefs.Preferences;

/** Binds the Settings menu's "Local HTTP API" item to the server, remembering the choice (off by default). */
public final class ApiToggle {

    static final String PREF = "api.enabled";

    private final LocalApi api;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final Preferences prefs;

    public ApiToggle(LocalApi api, FxTasks tasks, Notifier notifier, Preferences prefs) {
        this.api = api;
        this.tasks = tasks;
        this.notifier = notifier;
        this.prefs = prefs;
    }

    public void bind(CheckMenuItem item) {
        item.setSelected(prefs.getBoolean(PREF, false));
        if (item.isSelected()) {
            start(item);
        }
        item.setOnAction(e -> {
            prefs.putBoolean(PREF, item.isSelected());
            if (item.isSelected()) {
                start(item);
            } else {
                item.setDisable(true);
                tasks.run(() -> {
                    api.stop();
                    return null;
                }, done -> {
                    item.setDisable(false);
                    notifier.info("Local API stopped");
                }, error -> {
                    item.setDisable(false);
                    notifier.unexpected("Could not stop the local API", error);
                });
            }
        });
    }

    private void start(CheckMenuItem item) {
        item.setDisable(true);
        tasks.run(api::start, where -> {
            item.setDisable(false);
            notifier.info(where);
        }, error -> {
            item.setDisable(false);
            item.setSelected(false);
            prefs.putBoolean(PREF, false);
            notifier.error(error.getMessage());
        });
    }
}
