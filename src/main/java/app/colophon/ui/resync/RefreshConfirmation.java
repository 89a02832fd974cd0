package app.colophon.ui.resync;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/** The question asked before "Refresh all metadata", because it loses manual edits (DESIGN §6). */
public final class RefreshConfirmation {

    public static final String TITLE = "Refresh All Metadata";
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType REFRESH = new ButtonType("Refresh", ButtonBar.ButtonData.OK_DONE);

    private final Supplier<Window> owner;

    public RefreshConfirmation(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** {@code what} is "book" or "file". */
    public static String text(String what) {
        return "This will rescan the " + what + " and overwrite all metadata with values from the source file(s). "
                + "Any manual changes you've made will be lost.";
    }

    /** Shows the question and waits; true only when the user chose Refresh. */
    public boolean confirm(String what) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text(what), CANCEL, REFRESH);
        alert.setTitle(TITLE);
        alert.setHeaderText(null);
        alert.getDialogPane().getStyleClass().add("refresh-confirmation");
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        // Refresh destroys edits: Enter must not choose it by accident.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(REFRESH)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == REFRESH;
    }
}
