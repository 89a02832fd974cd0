package app.colophon.ui;

import app.colophon.ui.about.AboutWindow;
import app.colophon.ui.common.AppIcons;
import app.colophon.ui.books.BookViews;
import app.colophon.ui.common.ControllerFactory;
import app.colophon.ui.common.Desktop;
import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.FileLauncher;
import app.colophon.ui.common.FolderPicker;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.ThreadPoolFxTasks;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.common.Views;
import app.colophon.ui.common.WindowState;
import app.colophon.ui.detail.BookWindows;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.main.LibraryPreload;
import app.colophon.ui.main.MainWindowController;
import app.colophon.ui.main.ScanRunner;
import app.colophon.ui.bulkedit.BulkEdit;
import app.colophon.ui.remove.RemoveBooks;
import app.colophon.ui.resync.BulkResync;
import app.colophon.ui.resync.RefreshConfirmation;
import app.colophon.ui.resync.ResyncActions;
import app.colophon.ui.settings.ApiToggle;
import app.colophon.ui.settings.LocalApi;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * The window's composition root: builds the shared pieces once and hands them to controllers through the
 * controller factory. The app and the UI tests both start here, so tests run the real wiring.
 */
public final class UiContext implements AutoCloseable {

    private final UiServices services;
    private final Preferences prefs;
    private final LibraryModel model = new LibraryModel();
    private final Notifier notifier = new Notifier();
    private final FxTasks tasks;
    private final CoverImages covers;
    private final ResyncActions resync;
    private final ScanRunner scans;
    private final BulkResync bulk;
    private final BookWindows bookWindows;
    private final ControllerFactory controllers = new ControllerFactory();
    private final AboutWindow about = new AboutWindow();
    private Stage mainStage;
    private CompletableFuture<LibraryPreload> preload;
    private EventHandler<WindowEvent> onMainHidden;
    private EventHandler<WindowEvent> saveWindowState;

    /** @param showDocument opens a file or a folder with the desktop's default application */
    public UiContext(UiServices services, Preferences prefs, FolderPicker folderPicker, Consumer<Path> showDocument) {
        this(services, prefs, folderPicker, showDocument, null);
    }

    /** {@code localApi} is null where the window offers no local HTTP API (e.g. in tests of other things). */
    public UiContext(UiServices services, Preferences prefs, FolderPicker folderPicker, Consumer<Path> showDocument,
                     LocalApi localApi) {
        this(services, prefs, folderPicker, showDocument, localApi, new ThreadPoolFxTasks());
    }

    /** With the given way to run background work (tests pass one that runs it at once). */
    public UiContext(UiServices services, Preferences prefs, FolderPicker folderPicker, Consumer<Path> showDocument,
                     LocalApi localApi, FxTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.prefs = prefs;
        this.covers = new CoverImages(services.covers());
        BookViews views = new BookViews(services, model, tasks, notifier, covers);
        RefreshConfirmation confirmation = new RefreshConfirmation();
        this.resync = new ResyncActions(services, model, tasks, notifier, confirmation);
        this.bulk = new BulkResync(services, model, notifier, confirmation);
        this.scans = new ScanRunner(services, notifier);
        FileLauncher launcher = new FileLauncher(showDocument, tasks, notifier);
        this.bookWindows = new BookWindows(views, resync, launcher, controllers);
        Optional<ApiToggle> api = Optional.ofNullable(localApi)
                .map(local -> new ApiToggle(local, tasks, notifier, prefs.node("settings")));
        controllers.register(MainWindowController.class, () -> new MainWindowController(views,
                new MainWindowController.Actions(resync, bulk, scans, bookWindows,
                        new RemoveBooks(services, model, tasks, notifier), new BulkEdit(services, model, tasks, notifier)),
                new Desktop(prefs.node("main"), launcher, folderPicker), api, preload()));
        about.registerControllers(controllers);
    }

    /**
     * Starts reading the libraries and the first library's books now, off the FX thread, so that they are ready
     * (or nearly) when the main window appears. Call before {@link #showMainWindow}; without it the window reads
     * them when it opens.
     */
    public CompletableFuture<LibraryPreload> preload() {
        if (preload == null) {
            Preferences main = prefs.node("main");
            CompletableFuture<LibraryPreload> reading = new CompletableFuture<>();
            tasks.run(() -> LibraryPreload.load(services.libraries(), main), reading::complete,
                    reading::completeExceptionally);
            preload = reading;
        }
        return preload;
    }

    /** Hands over a preload started before this context existed (see {@link ColophonApp#launchWindow}). */
    public void usePreload(CompletableFuture<LibraryPreload> started) {
        this.preload = started;
    }

    /** Shows the main window on {@code stage}, where the user left it last time. */
    public MainWindowController showMainWindow(Stage stage) {
        Views.Loaded<MainWindowController> view = Views.load("main/MainWindow.fxml", controllers::call);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(Views.stylesheet());
        stage.setTitle("Colophon");
        AppIcons.apply(stage);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        WindowState state = new WindowState(prefs.node("window"));
        state.restore(stage, 1100, 720);
        saveWindowState = state.rememberOnClose(stage);
        // Detail windows belong to the main window: closing it closes them, and so quits the app.
        onMainHidden = e -> bookWindows.closeAll();
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, onMainHidden);
        notifier.setOwner(stage);
        mainStage = stage;
        stage.show();
        return view.controller();
    }

    public UiServices services() {
        return services;
    }

    public LibraryModel model() {
        return model;
    }

    public Notifier notifier() {
        return notifier;
    }

    public FxTasks tasks() {
        return tasks;
    }

    public CoverImages covers() {
        return covers;
    }

    public ResyncActions resync() {
        return resync;
    }

    public ScanRunner scans() {
        return scans;
    }

    public BulkResync bulk() {
        return bulk;
    }

    public BookWindows bookWindows() {
        return bookWindows;
    }

    public Stage mainStage() {
        return mainStage;
    }

    @Override
    public void close() {
        if (mainStage != null && onMainHidden != null) {
            // Tests reuse one stage for many contexts; a stale handler would act on a closed context.
            mainStage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onMainHidden);
            mainStage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, saveWindowState);
        }
        scans.stop(java.time.Duration.ofSeconds(10));
        bulk.job().stop(java.time.Duration.ofSeconds(10));
        tasks.close();
        covers.close();
    }
}
