package app.colophon.ui.main;

import app.colophon.library.ScanProgress;
import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Shows the books a first scan has stored so far, so the grid fills while it runs instead of staying empty until
 * the end. Each reload reads the whole library again, so reloads are spaced by four times what the last one took
 * (at least a second): on a 100,000-book first scan they take a small share of the time. Only for a library that
 * showed no books when its scan began — a rescan's books are on screen already and keep their scroll position.
 */
final class ScanFill {

    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration SHORTEST = Duration.ofSeconds(1);

    /** Reads the library again and shows it; calls its argument on the FX thread once the books are shown. */
    interface Reload {
        void run(Runnable shown);
    }

    private final Reload reload;
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile long nextAt;

    ScanFill(Reload reload) {
        this.reload = reload;
        this.nextAt = System.nanoTime() + FIRST.toNanos();
    }

    /** For the scan's progress reports (on its own thread). */
    Consumer<ScanProgress> progress() {
        return p -> {
            long now = System.nanoTime();
            if (now >= nextAt && loading.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    long start = System.nanoTime();
                    reload.run(() -> {
                        long took = System.nanoTime() - start;
                        nextAt = System.nanoTime() + pause(Duration.ofNanos(took)).toNanos();
                        loading.set(false);
                    });
                });
            }
        };
    }

    /** How long to wait after a reload that took {@code took} before the next one. */
    static Duration pause(Duration took) {
        Duration four = took.multipliedBy(4);
        return four.compareTo(SHORTEST) > 0 ? four : SHORTEST;
    }
}
