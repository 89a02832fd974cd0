package app.colophon.ui.common;

import app.colophon.library.CoverCache;
import javafx.application.Platform;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Cover images for tiles and the detail view: thumbnails are made and decoded off the FX thread, one at a time
 * (on two cores a second loader took the CPU the grid needs to scroll smoothly), at the size they are shown, and the
 * most recent are kept in memory up to {@link #MEMORY_BYTES} of pixels. A request whose tile has scrolled away by the
 * time its turn comes is dropped: a fast scroll past a thousand books must not make a thousand thumbnails first.
 */
public final class CoverImages implements AutoCloseable {

    /**
     * The pixels kept for scrolling back. The images a fast scroll just decoded are all young when the collector runs,
     * and it copies every one still held: 400 full-size thumbnails (138 MB) made young-generation pauses of half a
     * second while dragging the 100,000-book grid's scroll bar.
     */
    static final long MEMORY_BYTES = 16L << 20;

    private record Key(long fileId, int width, int height) {
    }

    private final CoverCache cache;
    private final long memoryBytes;
    private final ExecutorService loaders;
    private final LinkedHashMap<Key, Optional<Image>> recent = new LinkedHashMap<>(256, 0.75f, true);
    private long recentBytes;

    public CoverImages(CoverCache cache) {
        this(cache, MEMORY_BYTES);
    }

    CoverImages(CoverCache cache, long memoryBytes) {
        this.cache = cache;
        this.memoryBytes = memoryBytes;
        this.loaders = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "colophon-covers");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /**
     * Calls back on the FX thread with the cover at the thumbnail's full size, or null when the file has none. Call on
     * the FX thread.
     */
    public void load(Long fileId, Consumer<Image> callback) {
        load(fileId, CoverCache.WIDTH, CoverCache.HEIGHT, callback, () -> true);
    }

    /**
     * As {@link #load(Long, Consumer)}, scaled to fit {@code width} × {@code height} pixels (never above the
     * thumbnail's size), and giving up without calling back if {@code stillWanted} (asked on a loader thread) says
     * no when the request's turn comes.
     */
    public void load(Long fileId, double width, double height, Consumer<Image> callback, BooleanSupplier stillWanted) {
        if (fileId == null) {
            callback.accept(null);
            return;
        }
        Key key = new Key(fileId, (int) Math.ceil(Math.min(width, CoverCache.WIDTH)),
                (int) Math.ceil(Math.min(height, CoverCache.HEIGHT)));
        Optional<Image> known = recent.get(key);
        if (known != null) {
            callback.accept(known.orElse(null));
            return;
        }
        loaders.execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            Optional<Path> thumb = cache.thumbnail(fileId);
            Image image = thumb.map(p -> new Image(p.toUri().toString(), key.width(), key.height(), true, true, false))
                    .filter(i -> !i.isError()).orElse(null);
            Platform.runLater(() -> {
                remember(key, image);
                callback.accept(image);
            });
        });
    }

    private void remember(Key key, Image image) {
        Optional<Image> old = recent.put(key, Optional.ofNullable(image));
        recentBytes += bytes(Optional.ofNullable(image)) - (old == null ? 0 : bytes(old));
        var eldest = recent.entrySet().iterator();
        while (recentBytes > memoryBytes && recent.size() > 1) {
            recentBytes -= bytes(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static long bytes(Optional<Image> image) {
        return image.map(i -> (long) i.getWidth() * (long) i.getHeight() * 4).orElse(0L);
    }

    /** The pixels held for scrolling back, in bytes. */
    long memoryInUse() {
        return recentBytes;
    }

    /** Forgets a file's images, e.g. after a resync changed the file. */
    public void forget(Long fileId) {
        if (fileId != null) {
            var entries = recent.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                if (entry.getKey().fileId() == fileId) {
                    recentBytes -= bytes(entry.getValue());
                    entries.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        loaders.shutdownNow();
    }
}
