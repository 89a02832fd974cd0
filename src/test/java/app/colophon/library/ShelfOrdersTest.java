package app.colophon.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's last order of a library's books, a hint only: anything not exactly as written reads as none. */
class ShelfOrdersTest {

    @TempDir
    Path temp;

    @Test
    void theRememberedOrderComesBackForTheSameLibraryAndSort() {
        ShelfOrders orders = new ShelfOrders(temp.resolve("cache"));

        orders.remember(7, "TITLE", new long[] {30, 10, 20});

        assertThat(orders.last(7, "TITLE")).containsExactly(30, 10, 20);
    }

    @Test
    void anotherSortOrAnotherLibraryHasNoOrder() {
        ShelfOrders orders = new ShelfOrders(temp.resolve("cache"));
        orders.remember(7, "TITLE", new long[] {30, 10, 20});

        assertThat(orders.last(7, "AUTHOR")).isEmpty();
        assertThat(orders.last(8, "TITLE")).isEmpty();
    }

    @Test
    void aLaterOrderReplacesTheEarlierOne() {
        ShelfOrders orders = new ShelfOrders(temp.resolve("cache"));
        orders.remember(7, "TITLE", new long[] {30, 10, 20});

        orders.remember(7, "AUTHOR", new long[] {1, 2});

        assertThat(orders.last(7, "TITLE")).isEmpty();
        assertThat(orders.last(7, "AUTHOR")).containsExactly(1, 2);
    }

    @Test
    void aWriteCutShortIsReplacedAndLeavesOnlyTheOrder() throws IOException {
        ShelfOrders orders = new ShelfOrders(temp.resolve("cache"));
        Files.createDirectories(temp.resolve("cache"));
        Files.write(temp.resolve("cache/shelf-order-7.bin.part"), new byte[] {9, 9, 9});

        orders.remember(7, "TITLE", new long[] {5, 4});

        assertThat(orders.last(7, "TITLE")).containsExactly(5, 4);
        try (var files = Files.list(temp.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shelf-order-7.bin");
        }
    }

    @Test
    void aDamagedFileReadsAsNoOrder() throws IOException {
        ShelfOrders orders = new ShelfOrders(temp.resolve("cache"));
        orders.remember(7, "TITLE", new long[] {30, 10, 20});
        Path file;
        try (var files = Files.list(temp.resolve("cache"))) {
            file = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length - 3));
        assertThat(orders.last(7, "TITLE")).isEmpty();
        Files.write(file, new byte[] {1, 2});
        assertThat(orders.last(7, "TITLE")).isEmpty();
        Files.write(file, new byte[0]);
        assertThat(orders.last(7, "TITLE")).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenKeepsNothingAndThrowsNothing() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("cache"), "a file where the folder would be");
        ShelfOrders orders = new ShelfOrders(notAFolder);

        orders.remember(7, "TITLE", new long[] {1});

        assertThat(orders.last(7, "TITLE")).isEmpty();
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the folder would be");
    }
}
