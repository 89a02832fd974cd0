package app.colophon.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What recognises a file after a move or rename: its size and two checksums (CRC-32C and CRC-32) of its first and
 * last 64 KiB. The ends are where the formats keep what tells two books apart (a ZIP's central directory, a PDF's
 * trailer and ID, an MP4's atoms). Not SHA-256: under the desktop launcher's C1-only JIT it cost 1.5 ms per file
 * (15 s of CPU on a 10,000-book first scan), the CRCs 10 µs; matching only ever compares a new file with the
 * missing files of one library that have the same size, where 64 bits of checksum leave no room for an accident.
 */
final class Fingerprint {

    static final int END_BYTES = 64 * 1024;
    private static final String VERSION = "v1";
    /** Eight lower-case hex digits per checksum, leading zeros kept: the text stored since v1. */
    private static final HexFormat HEX = HexFormat.of();

    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(END_BYTES));

    private Fingerprint() {
    }

    /** The fingerprint of the file's content as it is now, or null when it cannot be read. */
    static String of(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            CRC32C c = new CRC32C();
            CRC32 d = new CRC32();
            long head = Math.min(size, END_BYTES);
            update(channel, 0, head, c, d);
            long tailStart = Math.max(head, size - END_BYTES);
            update(channel, tailStart, size - tailStart, c, d);
            // by hand: String.format cost more than both checksums together (JFR, first scans)
            return VERSION + ':' + size + ':' + HEX.toHexDigits((int) c.getValue()) + HEX.toHexDigits((int) d.getValue());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The size a fingerprint was taken at, or -1 if it is not one. */
    static long size(String fingerprint) {
        if (fingerprint == null) {
            return -1;
        }
        int first = fingerprint.indexOf(':');
        int second = fingerprint.indexOf(':', first + 1);
        try {
            return first < 0 || second < 0 ? -1 : Long.parseLong(fingerprint.substring(first + 1, second));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void update(FileChannel channel, long position, long length, CRC32C c, CRC32 d) throws IOException {
        ByteBuffer buffer = BUFFER.get();
        long done = 0;
        while (done < length) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), length - done));
            int n = channel.read(buffer, position + done);
            if (n < 0) {
                break; // shrank while being read: the fingerprint of what was there
            }
            buffer.flip();
            c.update(buffer.array(), 0, n);
            d.update(buffer.array(), 0, n);
            done += n;
        }
    }
}
