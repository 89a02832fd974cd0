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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Covers for the grid: made off the FX thread, and not made at all for tiles that scrolled away first. */
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
            images.load(scrolledPast, droppedCallbacks::add, () -> false);
            images.load(onScreen, shown::set, () -> true);
        });
        UiHarness.waitUntil(() -> shown.get() != null);

        assertThat(shown.get().getWidth()).isPositive();
        assertThat(droppedCallbacks).isEmpty();
        assertThat(thumbnailsOf(scrolledPast)).isEmpty();
        assertThat(thumbnailsOf(onScreen)).hasSize(1);
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
