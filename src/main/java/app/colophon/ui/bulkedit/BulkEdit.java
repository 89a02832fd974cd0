package app.colophon.ui.bulkedit;

import app.colophon.library.ColophonException;
import app.colophon.library.FieldText;
import app.colophon.library.ListEdit;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.SeriesEntry;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Edit metadata…" on a selection of several books: add to, remove from or set their tags, genres and series in one
 * go. The values become manual values of every selected book; all are changed or, if one value is refused, none.
 */
public final class BulkEdit {

    public static final String TITLE = "Edit Several Books";
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    /** What a row does; "Leave as is" changes nothing. */
    enum Choice {
        LEAVE("Leave as is", null), ADD("Add", ListEdit.Op.ADD), REMOVE("Remove", ListEdit.Op.REMOVE),
        SET("Set to", ListEdit.Op.SET);

        private final String label;
        private final ListEdit.Op op;

        Choice(String label, ListEdit.Op op) {
            this.label = label;
            this.op = op;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final UiServices services;
    private final LibraryModel model;
    private final FxTasks tasks;
    private final Notifier notifier;

    public BulkEdit(UiServices services, LibraryModel model, FxTasks tasks, Notifier notifier) {
        this.services = services;
        this.model = model;
        this.tasks = tasks;
        this.notifier = notifier;
    }

    public void edit(Window owner, List<Long> bookIds) {
        if (bookIds.isEmpty()) {
            return;
        }
        Optional<List<ListEdit>> edits = ask(owner, bookIds.size());
        if (edits.isEmpty() || edits.get().isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(bookIds);
        tasks.run(() -> {
            List<BookWithFiles> saved = services.editor().editMany(ids, edits.get());
            List<Map.Entry<BookSummary, BookWithFiles>> shown = new ArrayList<>();
            for (BookWithFiles book : saved) {
                services.libraries().summary(book.book().id()).ifPresent(s -> shown.add(Map.entry(s, book)));
            }
            return shown;
        }, shown -> {
            shown.forEach(e -> model.updated(e.getKey(), e.getValue()));
            notifier.info(owner, "Edited " + (ids.size() == 1 ? "1 book" : ids.size() + " books"));
        }, e -> {
            if (e instanceof ColophonException) {
                notifier.error(owner, "Nothing was changed: " + e.getMessage());
            } else {
                notifier.unexpected(owner, "Could not edit the books", e);
            }
        });
    }

    /** One row per field: what to do, and the values ("a; b" — a series as "Name #3"). */
    private static Optional<List<ListEdit>> ask(Window owner, int count) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(new Label("Change the tags, genres or series of " + count + " books. Separate values with ;"), 0, 0, 3, 1);
        List<Row> rows = List.of(new Row("tags", "Tags", BookField.TAGS, "fiction; to read"),
                new Row("genres", "Genres", BookField.GENRES, "Science Fiction"),
                new Row("series", "Series", BookField.SERIES, "Dune #1"));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            grid.add(new Label(row.label()), 0, i + 1);
            grid.add(row.choice(), 1, i + 1);
            grid.add(row.values(), 2, i + 1);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(TITLE);
        dialog.getDialogPane().getStyleClass().add("bulk-edit");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, APPLY);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        if (dialog.showAndWait().filter(APPLY::equals).isEmpty()) {
            return Optional.empty();
        }
        List<ListEdit> edits = new ArrayList<>();
        for (Row row : rows) {
            row.edit().ifPresent(edits::add);
        }
        return Optional.of(edits);
    }

    private record Row(String id, String label, BookField<?> field, ChoiceBox<Choice> choice, TextField values) {
        Row(String id, String label, BookField<?> field, String example) {
            this(id, label, field, new ChoiceBox<>(), new TextField());
            choice.getItems().setAll(Choice.values());
            choice.setValue(Choice.LEAVE);
            choice.setId(id + "-choice");
            values.setId(id + "-values");
            values.setPromptText(example);
            values.setPrefColumnCount(24);
            values.disableProperty().bind(choice.valueProperty().isEqualTo(Choice.LEAVE));
        }

        Optional<ListEdit> edit() {
            Choice c = choice.getValue();
            if (c == Choice.LEAVE) {
                return Optional.empty();
            }
            List<?> parsed = (List<?>) FieldText.parse(field, values.getText());
            if (field == BookField.SERIES && c == Choice.REMOVE) {
                parsed = parsed.stream().map(s -> ((SeriesEntry) s).name()).toList();
            }
            return Optional.of(new ListEdit(field, c.op, parsed));
        }
    }
}
