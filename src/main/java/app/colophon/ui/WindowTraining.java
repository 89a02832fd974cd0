package app.colophon.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's part of the start-up training run (app.colophon.StartupTraining): opens the real window on a data
 * folder, lets it show its grid and a moment of cover loading, and closes it.
 */
public final class WindowTraining {

    /** How long the window stays after its grid shows books: the cover thumbnails load meanwhile. */
    private static final long LINGER_NANOS = Duration.ofMillis(1500).toNanos();

    private WindowTraining() {
    }

    /**
     * Shows the window on {@code dataDir} until its grid shows a book (at most {@code limit}); returns whether it did.
     * False, without throwing, when there is no display.
     */
    public static boolean showOnce(Path dataDir, Duration limit) {
        AtomicBoolean shown = new AtomicBoolean();
        Thread watcher = new Thread(() -> watch(shown, limit), "colophon-training-watch");
        watcher.setDaemon(true);
        watcher.start();
        try {
            ColophonApp.launchWindow(dataDir);
        } catch (RuntimeException e) {
            return false;
        }
        return shown.get();
    }

    private static void watch(AtomicBoolean shown, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> new Probe(shown).start());
                break;
            } catch (IllegalStateException toolkitNotYetRunning) {
                pause();
            }
        }
        while (System.nanoTime() < deadline) {
            pause();
        }
        Platform.exit(); // the grid never showed: what was loaded is still worth keeping
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks on every pulse whether the main window's grid shows a book; then waits a little and closes. */
    private static final class Probe extends AnimationTimer {
        private final AtomicBoolean shown;
        private long shownAt;

        Probe(AtomicBoolean shown) {
            this.shown = shown;
        }

        @Override
        public void handle(long now) {
            if (!shown.get()) {
                if (gridShowsABook()) {
                    shown.set(true);
                    shownAt = now;
                }
            } else if (now - shownAt > LINGER_NANOS) {
                stop();
                Platform.exit();
            }
        }

        private static boolean gridShowsABook() {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.isShowing() && s.getScene() != null) {
                    for (Node tile : s.getScene().getRoot().lookupAll(".book-tile")) {
                        if (tile.isVisible() && tile.getLayoutBounds().getWidth() > 0) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }
}
