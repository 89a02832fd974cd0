package app.colophon.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives byte by byte, so tests can build what {@link java.util.zip.ZipOutputStream} refuses to:
 * an entry whose deflated data was prepared elsewhere (a 1 GB bomb in 1 MB), and sizes that lie.
 * No ZIP64: enough for up to 65,535 entries of up to 4 GB each.
 */
final class RawZip {

    private record Entry(byte[] name, int method, long crc, byte[] data, long compressedSize, long size) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A stored (uncompressed) entry. */
    RawZip stored(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entries.add(new Entry(name.getBytes(StandardCharsets.UTF_8), 0, crc.getValue(), content, content.length,
                content.length));
        return this;
    }

    /** A deflated entry from raw deflate data, declaring {@code size} bytes inflated (true or not). */
    RawZip deflated(String name, byte[] rawDeflate, long crc, long size) {
        entries.add(new Entry(name.getBytes(StandardCharsets.UTF_8), 8, crc, rawDeflate, rawDeflate.length, size));
        return this;
    }

    /** A deflated entry compressed here. */
    RawZip deflated(String name, byte[] content) {
        Deflater d = new Deflater(9, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(content);
        return deflated(name, out.toByteArray(), crc.getValue(), content.length);
    }

    Path write(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ByteArrayOutputStream central = new ByteArrayOutputStream();
            long offset = 0;
            for (Entry e : entries) {
                ByteBuffer local = le(30 + e.name.length);
                local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) e.method)
                        .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc)
                        .putInt((int) e.compressedSize).putInt((int) e.size)
                        .putShort((short) e.name.length).putShort((short) 0).put(e.name);
                out.write(local.array());
                out.write(e.data);
                ByteBuffer cen = le(46 + e.name.length);
                cen.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                        .putShort((short) e.method).putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc)
                        .putInt((int) e.compressedSize).putInt((int) e.size).putShort((short) e.name.length)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                        .putInt(0).putInt((int) offset).put(e.name);
                central.write(cen.array());
                offset += 30 + e.name.length + e.data.length;
            }
            out.write(central.toByteArray());
            ByteBuffer end = le(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt(central.size()).putInt((int) offset).putShort((short) 0);
            out.write(end.array());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A raw deflate stream that inflates to {@code head} followed by {@code zeroMegabytes} MiB of zeros, built from
     * one flushed 1 MiB segment repeated (a full flush makes each segment independent of what precedes it), so a
     * 1 GB bomb costs about 1 MB to build and store.
     */
    static Bomb bomb(byte[] head, int zeroMegabytes) {
        byte[] headSegment = flushed(head);
        byte[] zeros = new byte[1 << 20];
        byte[] zeroSegment = flushed(zeros);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(headSegment);
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < zeroMegabytes; i++) {
            out.writeBytes(zeroSegment);
            crc.update(zeros);
        }
        out.writeBytes(new byte[] {0x03, 0x00}); // a final, empty, fixed-Huffman block
        return new Bomb(out.toByteArray(), crc.getValue(), head.length + ((long) zeroMegabytes << 20));
    }

    /** The raw deflate data of a bomb, its CRC and the size it inflates to. */
    record Bomb(byte[] deflated, long crc, long size) {
    }

    private static byte[] flushed(byte[] content) {
        Deflater d = new Deflater(9, true);
        d.setInput(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        d.end();
        return out.toByteArray();
    }
}
