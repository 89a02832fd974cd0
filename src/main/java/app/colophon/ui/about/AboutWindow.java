package app.colophon.ui.about;

import app.colophon.ui.common.AppIcons;
import app.colophon.ui.common.ControllerFactory;
import app.colophon.ui.common.Views;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help → About Colophon: one window at a time, owned by the window it was opened from. FX thread only. */
public final class AboutWindow {

    static final String VIEW = "about/About.fxml";
    public static final String TITLE = "About Colophon";

    private ControllerFactory controllers;
    private Stage open;

    /** Registers the Help menu's and the About window's controllers with the shared factory. */
    public void registerControllers(ControllerFactory controllers) {
        this.controllers = controllers;
        controllers.register(HelpMenuController.class, () -> new HelpMenuController(this));
        controllers.register(AboutController.class, AboutController::new);
    }

    public void show(Window owner) {
        if (open != null) {
            open.toFront();
            open.requestFocus();
            return;
        }
        Views.Loaded<AboutController> view = Views.load(VIEW, controllers::call);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(TITLE);
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(Views.stylesheet());
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }
}
