package app.colophon.ui.common;

import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.TestLibrary;
import app.colophon.ui.UiHarness;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Covers for the grid: made off the FX thread at the size shown, not made at all for tiles that scrolled away first,
 * and kept in memory within a budget of pixels.
 */
@ExtendWith(ApplicationExtension.class)
class CoverImagesTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private CoverImages images;

    @BeforeEach
    void scanTwoBooksWithCovers() throws IOException {
        lib = TestLibrary.create(temp);
        Corpus.copy("epub/stump-book.epub", Files.createDirectories(lib.root.resolve("a")), "One.epub");
        Corpus.copy("epub/stump-book.epub", Files.createDirectories(lib.root.resolve("b")), "Two.epub");
        lib.scan();
        images = new CoverImages(lib.app.covers());
    }

    @AfterEach
    void close() {
        images.close();
        lib.close();
    }

    @Test
    void aRequestNoLongerWantedWhenItsTurnComesIsDroppedWithoutMakingAThumbnail() throws IOException {
        long scrolledPast = lib.fileAt(lib.root.resolve("a/One.epub")).id();
        long onScreen = lib.fileAt(lib.root.resolve("b/Two.epub")).id();
        List<Image> droppedCallbacks = new CopyOnWriteArrayList<>();
        AtomicReference<Image> shown = new AtomicReference<>();

        // One loader thread takes requests in order: once the second is answered, the first has had its turn.
        Platform.runLater(() -> {
            images.load(scrolledPast, 130, 195, droppedCallbacks::add, () -> false);
            images.load(onScreen, 130, 195, shown::set, () -> true);
        });
        UiHarness.waitUntil(() -> shown.get() != null);

        assertThat(shown.get().getWidth()).isPositive();
        assertThat(droppedCallbacks).isEmpty();
        assertThat(thumbnailsOf(scrolledPast)).isEmpty();
        assertThat(thumbnailsOf(onScreen)).hasSize(1);
    }

    @Test
    void aTileGetsItsCoverAtTheTileSizeAndTheDetailViewAtTheThumbnailSize() throws Exception {
        long file = lib.fileAt(lib.root.resolve("a/One.epub")).id();
        AtomicReference<Image> tile = new AtomicReference<>();
        AtomicReference<Image> detail = new AtomicReference<>();

        Platform.runLater(() -> {
            images.load(file, 130, 195, tile::set, () -> true);
            images.load(file, detail::set);
        });
        UiHarness.waitUntil(() -> tile.get() != null && detail.get() != null);

        assertThat(tile.get().getWidth()).isLessThanOrEqualTo(130);
        assertThat(tile.get().getHeight()).isLessThanOrEqualTo(195);
        assertThat(Math.max(tile.get().getWidth() / 130, tile.get().getHeight() / 195)).isGreaterThan(0.99);
        assertThat(detail.get().getWidth()).isGreaterThan(tile.get().getWidth());
    }

    @Test
    void imagesBeyondTheMemoryBudgetAreDecodedAgainWhenAskedFor() throws Exception {
        long one = lib.fileAt(lib.root.resolve("a/One.epub")).id();
        long two = lib.fileAt(lib.root.resolve("b/Two.epub")).id();
        images.close();
        images = new CoverImages(lib.app.covers(), 130 * 195 * 4);
        List<Image> first = new CopyOnWriteArrayList<>();
        AtomicReference<Image> second = new AtomicReference<>();

        Platform.runLater(() -> images.load(one, 130, 195, first::add, () -> true));
        UiHarness.waitUntil(() -> first.size() == 1);
        Platform.runLater(() -> images.load(two, 130, 195, second::set, () -> true));
        UiHarness.waitUntil(() -> second.get() != null);
        Platform.runLater(() -> images.load(one, 130, 195, first::add, () -> true));
        UiHarness.waitUntil(() -> first.size() == 2);

        assertThat(first.get(1)).as("decoded again, not the kept image").isNotSameAs(first.get(0));
        assertThat(onFxThread(images::memoryInUse)).isLessThanOrEqualTo(130 * 195 * 4);
    }

    @Test
    void anImageWithinTheBudgetIsKept() throws Exception {
        long one = lib.fileAt(lib.root.resolve("a/One.epub")).id();
        List<Image> shown = new CopyOnWriteArrayList<>();

        Platform.runLater(() -> images.load(one, 130, 195, shown::add, () -> true));
        UiHarness.waitUntil(() -> shown.size() == 1);
        Platform.runLater(() -> images.load(one, 130, 195, shown::add, () -> true));
        UiHarness.waitUntil(() -> shown.size() == 2);

        assertThat(shown.get(1)).isSameAs(shown.get(0));
        assertThat(onFxThread(images::memoryInUse)).isPositive();
    }

    private static <T> T onFxThread(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    private List<Path> thumbnailsOf(long fileId) throws IOException {
        Path covers = temp.resolve("data/covers");
        if (!Files.isDirectory(covers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(covers)) {
            return files.filter(p -> p.getFileName().toString().startsWith(fileId + "-")
                    && p.getFileName().toString().endsWith(".jpg")).toList();
        }
    }
}
