package app.colophon.ui.main;

import app.colophon.ui.common.Desktop;
import app.colophon.ui.books.BookViews;
import app.colophon.ui.books.BookOpener;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.BookEvent;
import app.colophon.ui.books.LibraryModel;
import app.colophon.library.ColophonException;
import app.colophon.model.BookSummary;
import app.colophon.model.Library;
import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.FileLauncher;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.library.LibraryActions;
import app.colophon.ui.bulkedit.BulkEdit;
import app.colophon.ui.remove.RemoveBooks;
import app.colophon.ui.resync.BulkResync;
import app.colophon.ui.resync.ResyncActions;
import app.colophon.ui.settings.ApiToggle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.GridView;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/** The main window: libraries on the left, toolbar on top, the books as a cover grid or a list. */
public final class MainWindowController {

    private final UiServices services;
    private final LibraryModel model;
    private final CoverImages covers;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final ScanRunner scans;
    private final Preferences prefs;
    private final Actions actions;
    private final FileLauncher launcher;
    private BookActions bookActions;
    private final FolderPicker folderPicker;
    private final Optional<ApiToggle> apiToggle;
    private final CompletableFuture<LibraryPreload> preload;
    /** Books read ahead for a library about to be selected, used instead of reading them again. */
    private LibraryPreload preloaded;
    /** Reads of the books started so far; only the latest one's books are shown. */
    private long loads;
    /** False until the first books arrive, so "Your library is empty" does not flash while they load. */
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private BookShelf shelf;
    private final SortKeys sortKeys = new SortKeys();
    private MissingEntry missing;
    private ShelfFilters filters;
    private LibraryActions libraryActions;

    @FXML private BorderPane root;
    @FXML private ListView<Library> libraryList;
    @FXML private TextField searchField;
    @FXML private ComboBox<Sorting> sortBox;
    @FXML private ToggleButton sortDescending;
    @FXML private ToggleButton gridToggle;
    @FXML private ToggleButton listToggle;
    @FXML private Button scanButton;
    @FXML private HBox scanBox;
    @FXML private ProgressBar scanProgress;
    @FXML private Label scanLabel;
    @FXML private HBox bulkBox;
    @FXML private ProgressBar bulkProgress;
    @FXML private Label bulkLabel;
    @FXML private GridView<BookSummary> grid;
    @FXML private TableView<BookSummary> table;
    @FXML private VBox emptyState;
    @FXML private Label emptyHint;
    @FXML private VBox noMatches;
    @FXML private Label noMatchesTitle;
    @FXML private Label statusLabel;
    @FXML private TreeView<Browser.Node> browserTree;
    @FXML private VBox missingBox;
    @FXML private ToggleButton missingEntry;
    @FXML private Button removeMissingButton;
    @FXML private MenuButton settingsButton;
    @FXML private CheckMenuItem apiItem;

    /** What the window's actions are carried out by. */
    public record Actions(ResyncActions resync, BulkResync bulk, ScanRunner scans, BookOpener opener,
                          RemoveBooks remove, BulkEdit bulkEdit) {
    }

    /**
     * @param views     the books and what every view of them works with
     * @param actions   resyncs of one book and of many, library scans, and how a book's window opens
     * @param desktop   where to remember the window's state (its own preferences node), folders to show and pick
     * @param apiToggle the Settings menu's local API switch, where the window offers one
     * @param preload   the libraries and the first library's books, being read while the window appears
     */
    public MainWindowController(BookViews views, Actions actions, Desktop desktop, Optional<ApiToggle> apiToggle,
                                CompletableFuture<LibraryPreload> preload) {
        this.services = views.services();
        this.model = views.model();
        this.covers = views.covers();
        this.tasks = views.tasks();
        this.notifier = views.notifier();
        this.actions = actions;
        this.scans = actions.scans();
        this.prefs = desktop.prefs();
        this.launcher = desktop.files();
        this.folderPicker = desktop.folderPicker();
        this.apiToggle = apiToggle;
        this.preload = preload;
    }

    @FXML
    private void initialize() {
        shelf = new BookShelf(grid, table, gridToggle, listToggle, sortBox, sortDescending, model, covers, sortKeys, prefs,
                this::actionsFor, this::openBook);
        bookActions = new BookActions(services, tasks, notifier, actions, launcher, this::window, shelf.selection(),
                shelf::filtered);
        missing = new MissingEntry(missingBox, missingEntry, removeMissingButton, model.books());
        Browser browser = new Browser(browserTree, services, tasks, notifier);
        filters = new ShelfFilters(shelf, searchField, new SearchFilter(searchField, services, tasks, notifier), browser,
                missing, model);
        // A series chosen alone reads in its order: book 1, 2, 3 rather than by title.
        browser.chosenSeriesProperty().addListener((o, was, now) -> {
            if (now != null) {
                sortBox.setValue(Sorting.SERIES);
                sortDescending.setSelected(false);
            }
        });
        libraryActions = new LibraryActions(services, tasks, notifier, folderPicker,
                new LibraryActions.Host(this::window, this::loadLibraries, this::loadBooks, this::scanFromMenu));

        libraryList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Library item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setContextMenu(empty || item == null ? null : libraryActions.contextMenu(item));
            }
        });
        libraryList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                prefs.putLong("library", now.id());
                loadBooks(now.id());
            }
        });

        scanBox.visibleProperty().bind(scans.runningProperty());
        scanBox.managedProperty().bind(scans.runningProperty());
        scanButton.disableProperty().bind(scans.runningProperty().or(libraryList.getSelectionModel().selectedItemProperty().isNull()));
        scanProgress.progressProperty().bind(scans.progressProperty());
        scanLabel.textProperty().bind(scans.messageProperty());
        bulkBox.visibleProperty().bind(actions.bulk().job().runningProperty());
        bulkBox.managedProperty().bind(actions.bulk().job().runningProperty());
        bulkProgress.progressProperty().bind(actions.bulk().job().progressProperty());
        bulkLabel.textProperty().bind(actions.bulk().job().messageProperty());

        emptyState.visibleProperty().bind(loaded.and(Bindings.isEmpty(model.books())).and(scans.runningProperty().not()));
        noMatches.visibleProperty().bind(Bindings.isNotEmpty(model.books()).and(Bindings.isEmpty(shelf.filtered())));
        noMatchesTitle.textProperty().bind(Bindings.createStringBinding(() -> searchField.getText().isBlank()
                ? "No books match the filters" : "No books match “" + searchField.getText().strip() + "”",
                searchField.textProperty()));
        statusLabel.textProperty().bind(Bindings.createStringBinding(() -> StatusLine.of(model.books().size(),
                shelf.filtered().size(), shelf.selection().ids().size(), missing.selectedProperty().get()), model.books(), shelf.filtered(),
                missing.selectedProperty(), shelf.selection().ids()));
        model.onBookEvent(event -> {
            if (event instanceof BookEvent.Updated u) {
                u.book().files().forEach(f -> covers.forget(f.id()));
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, new WindowKeys(searchField, shelf, bookActions, actions.opener(), this::window));
        apiToggle.ifPresentOrElse(api -> api.bind(apiItem), () -> settingsButton.setVisible(false));
        // Done already (or at once, in tests), whenComplete runs here on the FX thread: no wait for a pulse.
        preload.whenComplete((p, error) -> {
            if (Platform.isFxApplicationThread()) {
                preloadArrived(p, error);
            } else {
                Platform.runLater(() -> preloadArrived(p, error));
            }
        });
    }

    private void preloadArrived(LibraryPreload p, Throwable error) {
        if (error != null) {
            notifier.unexpected("Could not read the library", error);
            loadLibraries();
        } else {
            preloaded = p;
            showLibraries(p.libraries());
        }
    }

    BookMenus.Actions actionsFor(long bookId) {
        return bookActions.forBook(bookId);
    }

    private void openBook(BookSummary book) {
        actions.opener().open(book.id(), false);
    }

    private void showLibraries(List<Library> libraries) {
        Library selected = libraryList.getSelectionModel().getSelectedItem();
        libraryList.getItems().setAll(libraries);
        Optional<Library> pick = LibraryPreload.choose(libraries,
                selected != null ? selected.id() : prefs.getLong("library", -1));
        pick.ifPresentOrElse(l -> libraryList.getSelectionModel().select(l), () -> {
            model.setAll(List.of());
            loaded.set(true);
        });
        emptyHint.setText(libraries.isEmpty() || pick.isEmpty()
                ? "Add a folder of ebooks, comics, audiobooks or PDFs. Colophon reads them where they are and never changes them."
                : "No books were found in this library's folders yet. Scan it, or add another folder.");
    }

    private void loadBooks(long libraryId) {
        loadBooks(libraryId, () -> { });
    }

    /** Reads the library's books and shows them if it is still the one chosen; then (or on failure) {@code after}. */
    private void loadBooks(long libraryId, Runnable after) {
        LibraryPreload ahead = preloaded;
        preloaded = null;
        if (ahead != null && ahead.chosen().map(Library::id).orElse(-1L) == libraryId) {
            showBooks(libraryId, ahead.books(), ahead.keys());
            after.run();
            return;
        }
        long generation = ++loads;
        tasks.run(() -> {
            List<BookSummary> books = services.libraries().summaries(libraryId);
            return Map.entry(books, SortKeys.compute(books));
        }, loadedBooks -> {
            if (generation == loads) { // a read started later (the end of a scan) knows more: this one is stale
                showBooks(libraryId, loadedBooks.getKey(), loadedBooks.getValue());
            }
            after.run();
        }, e -> {
            notifier.unexpected("Could not read the library", e);
            after.run();
        });
    }

    private void showBooks(long libraryId, List<BookSummary> books, SortKeys.Table keys) {
        Library current = libraryList.getSelectionModel().getSelectedItem();
        if (current != null && current.id() == libraryId) {
            sortKeys.reset(keys);
            model.setAll(books);
            loaded.set(true);
            filters.libraryShown(libraryId);
        }
    }

    @FXML
    private void addLibrary() {
        Optional<Path> folder = folderPicker.pick(root.getScene().getWindow());
        if (folder.isEmpty()) {
            return;
        }
        Path path = folder.get().toAbsolutePath().normalize();
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        tasks.run(() -> services.libraries().create(name, List.of(path)), library -> {
            libraryList.getItems().add(library);
            libraryList.getSelectionModel().select(library);
            startScan(library.id());
        }, e -> {
            if (e instanceof ColophonException) {
                notifier.error(e.getMessage()); // e.g. the folder is already in a library
            } else {
                notifier.unexpected("Could not add the library", e);
            }
        });
    }

    @FXML
    private void clearFilters() {
        filters.clear();
    }

    @FXML
    private void removeMissing() {
        Library library = libraryList.getSelectionModel().getSelectedItem();
        if (library != null) {
            libraryActions.removeMissing(library);
        }
    }

    /** This window: the owner of the dialogs and notifications its actions lead to. */
    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Reads the libraries (again); after a change, also the shown one's books if it stayed the same. */
    private void loadLibraries() {
        Library before = libraryList.getSelectionModel().getSelectedItem();
        tasks.run(() -> services.libraries().libraries(), libraries -> {
            showLibraries(libraries);
            Library now = libraryList.getSelectionModel().getSelectedItem();
            if (before != null && now != null && now.equals(before)) {
                loadBooks(now.id()); // the same library, its folders unchanged: its books may have gone
            }
        }, e -> notifier.unexpected("Could not read the libraries", e));
    }

    /** Scans a library from its menu; the books are read again if it is the one shown. */
    private void scanFromMenu(long libraryId) {
        Library selected = libraryList.getSelectionModel().getSelectedItem();
        scans.scan(libraryId, report -> {
            if (selected != null && selected.id() == libraryId) {
                loadBooks(libraryId);
            }
        });
    }

    @FXML
    private void scanLibrary() {
        Library library = libraryList.getSelectionModel().getSelectedItem();
        if (library != null) {
            startScan(library.id());
        }
    }

    private void startScan(long libraryId) {
        if (model.books().isEmpty()) {
            ScanFill fill = new ScanFill(shown -> loadBooks(libraryId, shown));
            scans.scan(libraryId, fill.progress(), report -> loadBooks(libraryId));
        } else {
            scans.scan(libraryId, report -> loadBooks(libraryId));
        }
    }

    @FXML
    private void cancelScan() {
        scans.cancel();
    }

    @FXML
    private void cancelBulk() {
        actions.bulk().cancel();
    }

    public TextField searchField() {
        return searchField;
    }
}
