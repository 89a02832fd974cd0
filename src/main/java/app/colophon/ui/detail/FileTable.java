package app.colophon.ui.detail;

import app.colophon.ui.common.Texts;
import app.colophon.model.BookFile;
import app.colophon.ui.books.ActionCells;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.resync.ResyncActions;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The detail window's table of a book's files: name, format, size, path, status, and per row a "⋯" button and a
 * context menu with the file's resync actions; a spinner replaces the button while the file resyncs.
 */
final class FileTable {

    static final String OK = "OK";

    private final TableView<BookFile> table;

    FileTable(TableView<BookFile> table, LibraryModel model, ResyncActions resync, Consumer<Path> showFolder) {
        this.table = table;
        Function<BookFile, BookMenus.Actions> actions = file -> new BookMenus.Actions(
                () -> resync.scanFile(window(), file.id(), file.bookId()),
                () -> resync.refreshFile(window(), file.id(), file.bookId()),
                () -> resync.resetFile(window(), file.id(), file.bookId()),
                null,
                () -> showFolder.accept(file.path().toAbsolutePath().getParent()));

        TableColumn<BookFile, String> name = column("Name", f -> Texts.visible(String.valueOf(f.path().getFileName())), 220);
        TableColumn<BookFile, String> format = column("Format", f -> f.format().name(), 72);
        format.setMinWidth(64);
        TableColumn<BookFile, String> size = column("Size", f -> humanSize(f.sizeBytes()), 80);
        size.setMinWidth(64);
        size.getStyleClass().add("size-column");
        TableColumn<BookFile, String> path = column("Path", f -> Texts.visible(f.path().toString()), 300);
        TableColumn<BookFile, BookFile> status = new TableColumn<>("Status");
        status.setPrefWidth(200);
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new StatusCell());
        TableColumn<BookFile, BookFile> more = new TableColumn<>("");
        more.setSortable(false);
        more.setReorderable(false);
        more.setMinWidth(48);
        more.setMaxWidth(48);
        more.setResizable(false);
        more.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        more.setCellFactory(c -> new ActionCells.MoreCell<>(model.busyFiles(), BookFile::id, actions, false));
        table.getColumns().setAll(List.of(name, format, size, path, status, more));
        table.setRowFactory(t -> new ActionCells.ActionRow<>(model.busyFiles(), BookFile::id, actions, false, null,
                BookFile::missing));
        table.setPlaceholder(new Label("This book has no files"));
        table.getStyleClass().add("file-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    /** Shows {@code files}, keeping the selected file selected while it is still there. */
    void show(List<BookFile> files) {
        BookFile selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(files);
        BookFile again = selected == null ? null
                : files.stream().filter(f -> f.id() == selected.id()).findFirst().orElse(null);
        if (again != null) {
            table.getSelectionModel().select(again);
        } else if (!files.isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    /** "912 B", "73.9 KB", "2.7 MB", "1.4 GB". */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    private static TableColumn<BookFile, String> column(String title, Function<BookFile, String> value, double width) {
        TableColumn<BookFile, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    static final String MISSING = "Missing";

    /** "OK", "Missing since …" for a file gone from disk, or the file's last parse error in the error colour. */
    private static final class StatusCell extends TableCell<BookFile, BookFile> {
        @Override
        protected void updateItem(BookFile item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("file-error", "file-ok", "file-missing");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            if (item.missing()) {
                setText(MISSING + " since " + Texts.date(item.missingSince()));
                setTooltip(new Tooltip("No longer on disk: kept with its values until removed; found again if it "
                        + "comes back or turns up moved"));
                getStyleClass().add("file-missing");
                return;
            }
            boolean failed = item.error() != null && !item.error().isBlank();
            setText(failed ? Texts.visible(item.error()) : OK);
            setTooltip(failed ? new Tooltip(Texts.visible(item.error())) : null);
            getStyleClass().add(failed ? "file-error" : "file-ok");
        }
    }

    /** The detail window the table is in: the owner of the dialogs and notifications of its rows' actions. */
    private javafx.stage.Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }
}
