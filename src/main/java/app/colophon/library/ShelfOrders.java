package app.colophon.library;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The order the window last showed each library's books in, by book id, under the name of the sort: a hint for the
 * next start. Sorted again from it, the books are nearly in order already, and sorting 250,000 of them costs a fifth
 * of a sort from scratch. Only ever a hint: the window still sorts, so a stale, foreign or damaged file can make a
 * start slower, never an order wrong; which is also why a file that cannot be read or written is passed over.
 */
public final class ShelfOrders {

    private static final Logger LOG = LoggerFactory.getLogger(ShelfOrders.class);
    private static final int MAGIC = 0x43534f31; // "CSO1"

    private final Path dir;

    ShelfOrders(Path dir) {
        this.dir = dir;
    }

    /** The ids last remembered for the library under {@code order}; empty when none were, or under another order. */
    public long[] last(long libraryId, String order) {
        Path file = file(libraryId);
        if (!Files.isRegularFile(file)) {
            return new long[0];
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getInt() != MAGIC) {
                return new long[0];
            }
            byte[] name = new byte[in.getShort()];
            in.get(name);
            int count = in.getInt();
            if (!order.equals(new String(name, StandardCharsets.UTF_8)) || count < 0 || count * 8L != in.remaining()) {
                return new long[0];
            }
            long[] ids = new long[count];
            in.asLongBuffer().get(ids);
            return ids;
        } catch (IOException | BufferUnderflowException | NegativeArraySizeException e) {
            LOG.debug("Passing over the shelf order in {}: {}", file, e.toString());
            return new long[0];
        }
    }

    /** Keeps {@code ids} as the library's order under {@code order}, replacing the file whole or not at all. */
    public void remember(long libraryId, String order, long[] ids) {
        Path file = file(libraryId);
        try {
            byte[] name = order.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(14 + name.length + 8 * ids.length);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeShort(name.length);
                out.write(name);
                out.writeInt(ids.length);
                for (long id : ids) {
                    out.writeLong(id);
                }
            }
            Files.createDirectories(dir);
            // one name per library, not a fresh temporary file: a write cut short by the app quitting is overwritten
            // next time instead of left behind
            Path partial = dir.resolve(file.getFileName() + ".part");
            try {
                Files.write(partial, bytes.toByteArray());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only data folder, a full disk: the next start sorts from scratch, as it did before
            LOG.info("Could not keep the shelf order in {}: {}", file, e.toString());
        }
    }

    private Path file(long libraryId) {
        return dir.resolve("shelf-order-" + libraryId + ".bin");
    }
}
