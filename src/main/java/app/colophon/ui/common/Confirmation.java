package app.colophon.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/**
 * A question before an action that forgets something: Cancel is the default, so Enter never confirms by accident.
 */
public final class Confirmation {

    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private Confirmation() {
    }

    /** Shows the question over {@code owner} and waits; true only when the user chose {@code action}. */
    public static boolean ask(Window owner, String title, String text, String action) {
        return ask(owner, title, text, new ButtonType(action, ButtonBar.ButtonData.OK_DONE), "confirmation");
    }

    /** The same with a button of the caller's and a style class for the dialog pane. */
    public static boolean ask(Window owner, String title, String text, ButtonType confirm, String styleClass) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, CANCEL, confirm);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().getStyleClass().add(styleClass);
        if (owner != null) {
            alert.initOwner(owner);
        }
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == confirm;
    }
}
