package app.colophon.ui.common;

import app.colophon.library.CoverCache;
import javafx.application.Platform;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Cover images for tiles and the detail view: thumbnails are made and decoded off the FX thread, one at a time
 * (on two cores a second loader took the CPU the grid needs to scroll smoothly), and the most recent few hundred
 * are kept in memory. A request whose tile has scrolled away by the time its turn comes is dropped: a fast scroll
 * past a thousand books must not make a thousand thumbnails first.
 */
public final class CoverImages implements AutoCloseable {

    private static final int MEMORY_ENTRIES = 400;

    private final CoverCache cache;
    private final ExecutorService loaders;
    private final Map<Long, Optional<Image>> recent = new LinkedHashMap<>(MEMORY_ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<Image>> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    public CoverImages(CoverCache cache) {
        this.cache = cache;
        this.loaders = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "colophon-covers");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Calls back on the FX thread with the cover, or null when the file has none. Call on the FX thread. */
    public void load(Long fileId, Consumer<Image> callback) {
        load(fileId, callback, () -> true);
    }

    /**
     * As {@link #load(Long, Consumer)}, but gives up without calling back if {@code stillWanted} (asked on a
     * loader thread) says no when the request's turn comes.
     */
    public void load(Long fileId, Consumer<Image> callback, BooleanSupplier stillWanted) {
        if (fileId == null) {
            callback.accept(null);
            return;
        }
        Optional<Image> known = recent.get(fileId);
        if (known != null) {
            callback.accept(known.orElse(null));
            return;
        }
        loaders.execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            Optional<Path> thumb = cache.thumbnail(fileId);
            Image image = thumb.map(p -> new Image(p.toUri().toString(), CoverCache.WIDTH, CoverCache.HEIGHT, true, true, false))
                    .filter(i -> !i.isError()).orElse(null);
            Platform.runLater(() -> {
                recent.put(fileId, Optional.ofNullable(image));
                callback.accept(image);
            });
        });
    }

    /** Forgets a file's image, e.g. after a resync changed the file. */
    public void forget(Long fileId) {
        if (fileId != null) {
            recent.remove(fileId);
        }
    }

    @Override
    public void close() {
        loaders.shutdownNow();
    }
}
