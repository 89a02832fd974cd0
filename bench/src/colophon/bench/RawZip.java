package colophon.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A minimal ZIP writer over pre-compressed entries: a template's entries are compressed once, and each generated
 * book only compresses the one entry it rewrites (the OPF or ComicInfo.xml). Entry order, compression method
 * (the EPUB {@code mimetype} stays first and stored) and names follow the template; timestamps are fixed, so the
 * output is byte-for-byte deterministic.
 */
final class RawZip {

    /** 2020-01-01 00:00 in MS-DOS date/time format. */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

    record Entry(String name, int method, long crc, byte[] data, long size) {
    }

    private RawZip() {
    }

    /** Every entry of a ZIP file, compressed again by us (stored entries stay stored). */
    static List<Entry> read(Path zip) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream in = file.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                out.add(entry(e.getName(), bytes, e.getMethod() == ZipEntry.STORED || e.isDirectory()));
            }
        }
        return out;
    }

    static Entry entry(String name, byte[] content, boolean stored) {
        CRC32 crc = new CRC32();
        crc.update(content);
        if (stored) {
            return new Entry(name, ZipEntry.STORED, crc.getValue(), content, content.length);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            out.write(buf, 0, n);
        }
        deflater.end();
        return new Entry(name, ZipEntry.DEFLATED, crc.getValue(), out.toByteArray(), content.length);
    }

    static void write(List<Entry> entries, OutputStream sink) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int flags = isAscii(e.name()) ? 0 : 0x0800;
            ByteArrayOutputStream local = new ByteArrayOutputStream(30 + name.length);
            int32(local, 0x04034b50);
            int16(local, 20);
            int16(local, flags);
            int16(local, e.method());
            int16(local, DOS_TIME);
            int16(local, DOS_DATE);
            int32(local, e.crc());
            int32(local, e.data().length);
            int32(local, e.size());
            int16(local, name.length);
            int16(local, 0);
            local.write(name);
            sink.write(local.toByteArray());
            sink.write(e.data());

            int32(central, 0x02014b50);
            int16(central, 20);
            int16(central, 20);
            int16(central, flags);
            int16(central, e.method());
            int16(central, DOS_TIME);
            int16(central, DOS_DATE);
            int32(central, e.crc());
            int32(central, e.data().length);
            int32(central, e.size());
            int16(central, name.length);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int16(central, 0);
            int32(central, 0);
            int32(central, offset);
            central.write(name);
            offset += local.size() + e.data().length;
        }
        byte[] cd = central.toByteArray();
        sink.write(cd);
        ByteArrayOutputStream end = new ByteArrayOutputStream(22);
        int32(end, 0x06054b50);
        int16(end, 0);
        int16(end, 0);
        int16(end, entries.size());
        int16(end, entries.size());
        int32(end, cd.length);
        int32(end, offset);
        int16(end, 0);
        sink.write(end.toByteArray());
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        out.write((int) (v & 0xff));
        out.write((int) ((v >>> 8) & 0xff));
        out.write((int) ((v >>> 16) & 0xff));
        out.write((int) ((v >>> 24) & 0xff));
    }
}
