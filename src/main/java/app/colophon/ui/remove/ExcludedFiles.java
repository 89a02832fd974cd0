package app.colophon.ui.remove;

import app.colophon.model.ExcludedFile;
import app.colophon.model.Library;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.Texts;
import app.colophon.ui.common.UiServices;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The files removed from a library, which its scans leave out: shown from the library's menu, where any of them can be
 * restored — the library is then scanned, so they come back at once.
 */
public final class ExcludedFiles {

    public static final String TITLE = "Excluded Files";
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);

    private final UiServices services;
    private final FxTasks tasks;
    private final Notifier notifier;

    public ExcludedFiles(UiServices services, FxTasks tasks, Notifier notifier) {
        this.services = services;
        this.tasks = tasks;
        this.notifier = notifier;
    }

    /** Lists the library's excluded files; restoring any of them scans the library with {@code scan}. */
    public void show(Window owner, Library library, LongConsumer scan) {
        tasks.run(() -> services.libraries().excluded(library.id()), files -> {
            if (files.isEmpty()) {
                notifier.info(owner, "No files are excluded from " + Texts.visible(library.name()) + ".");
                return;
            }
            List<ExcludedFile> chosen = ask(owner, library, files);
            if (!chosen.isEmpty()) {
                restore(owner, library, chosen, scan);
            }
        }, e -> notifier.unexpected(owner, "Could not read the excluded files", e));
    }

    private static List<ExcludedFile> ask(Window owner, Library library, List<ExcludedFile> files) {
        ListView<ExcludedFile> list = new ListView<>();
        list.getStyleClass().add("excluded-list");
        list.getItems().setAll(files);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getSelectionModel().selectAll();
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExcludedFile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : Texts.visible(item.path().toString()) + "   (removed " + Texts.date(item.since()) + ")");
            }
        });
        Label hint = new Label("Removed from " + Texts.visible(library.name())
                + ": scans leave these files out. Restore the ones you want back.");
        hint.setWrapText(true);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(TITLE);
        dialog.getDialogPane().getStyleClass().add("excluded-files");
        dialog.getDialogPane().setContent(new VBox(8, hint, list));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE, RESTORE);
        dialog.getDialogPane().lookupButton(RESTORE).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait().filter(RESTORE::equals).isPresent()
                ? List.copyOf(list.getSelectionModel().getSelectedItems()) : List.of();
    }

    private void restore(Window owner, Library library, List<ExcludedFile> files, LongConsumer scan) {
        tasks.run(() -> {
            int restored = 0;
            for (ExcludedFile f : files) {
                restored += services.libraries().restoreExcluded(f.path()) ? 1 : 0;
            }
            return restored;
        }, restored -> {
            notifier.info(owner, "Restored " + (restored == 1 ? "1 file" : restored + " files") + "; scanning "
                    + Texts.visible(library.name()) + " brings them back.");
            scan.accept(library.id());
        }, e -> notifier.unexpected(owner, "Could not restore the files", e));
    }
}
