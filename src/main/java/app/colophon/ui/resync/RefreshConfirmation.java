package app.colophon.ui.resync;

import app.colophon.ui.common.Confirmation;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;


/**
 * The questions asked before "Refresh all metadata" and "Reset to file metadata", because they lose manual edits
 * (DESIGN §6). Cancel is the default button: Enter never confirms by accident.
 */
public final class RefreshConfirmation {

    public static final String TITLE = "Refresh All Metadata";
    public static final ButtonType CANCEL = Confirmation.CANCEL;
    public static final ButtonType REFRESH = new ButtonType("Refresh", ButtonBar.ButtonData.OK_DONE);
    public static final String RESET_TITLE = "Reset to File Metadata";
    public static final ButtonType RESET = new ButtonType("Reset", ButtonBar.ButtonData.OK_DONE);

    /** {@code what} is "book" or "file". */
    public static String text(String what) {
        return "This will rescan the " + what + " and overwrite all metadata with values from the source file(s). "
                + "Any manual changes you've made will be lost.";
    }

    /** {@code what} is "book" or "file". */
    public static String resetText(String what) {
        return "This will clear every value of the " + what + ", including your manual changes, and read it again from "
                + "its file(s) and path. Values the files do not have will be empty.";
    }

    /** Shows the refresh question over {@code owner}, the window it was asked from; true only for Refresh. */
    public boolean confirm(Window owner, String what) {
        return Confirmation.ask(owner, TITLE, text(what), REFRESH, "refresh-confirmation");
    }

    /** Shows the reset question over {@code owner}; true only when the user chose Reset. */
    public boolean confirmReset(Window owner, String what) {
        return Confirmation.ask(owner, RESET_TITLE, resetText(what), RESET, "reset-confirmation");
    }
}
