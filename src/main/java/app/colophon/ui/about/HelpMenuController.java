package app.colophon.ui.about;

import javafx.fxml.FXML;
import javafx.scene.control.MenuButton;

/** The main window's Help menu ({@code about/HelpMenu.fxml}, included by the main window's toolbar). */
public final class HelpMenuController {

    private final AboutWindow about;

    @FXML
    private MenuButton helpButton;

    public HelpMenuController(AboutWindow about) {
        this.about = about;
    }

    @FXML
    private void showAbout() {
        about.show(helpButton.getScene().getWindow());
    }
}
