package app.colophon.reliability;

import app.colophon.testsupport.Epubs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small valid books of every format, generated (never checked in), and the building blocks the hostile variants
 * are made of: MP4 boxes, PDF objects with an exact cross-reference table, ZIP entries.
 */
final class SampleBooks {

    private SampleBooks() {
    }

    static Path epub(Path file, String title, String author) {
        return Epubs.write(file, title, author);
    }

    static Path cbz(Path file, String title) {
        return new RawZip()
                .deflated("ComicInfo.xml", comicInfo("<Title>" + title + "</Title><Series>Hostile</Series><Number>1</Number>"))
                .stored("page01.jpg", jpeg())
                .stored("page02.jpg", jpeg())
                .write(file);
    }

    static byte[] comicInfo(String children) {
        return ("<?xml version=\"1.0\"?><ComicInfo xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + children
                + "</ComicInfo>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0,
                (byte) 0xFF, (byte) 0xD9};
    }

    // ------------------------------------------------------------------ MP4

    static Path m4b(Path file, String title, String author) {
        return write(file, m4bBytes(title, author));
    }

    static byte[] m4bBytes(String title, String author) {
        return concat(ftyp(), moov(mvhd(1000, 60_000), udta(meta(ilst(
                        item("\u00A9nam", title), item("\u00A9ART", author))))),
                box("mdat", new byte[256]));
    }

    static byte[] ftyp() {
        return box("ftyp", concat(ascii("M4B "), new byte[4], ascii("isomM4B ")));
    }

    static byte[] moov(byte[]... children) {
        return box("moov", concat(children));
    }

    static byte[] mvhd(int timescale, int duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0).putInt(0).putInt(0).putInt(timescale).putInt(duration);
        return box("mvhd", b.array());
    }

    static byte[] udta(byte[]... children) {
        return box("udta", concat(children));
    }

    /** {@code meta} as iTunes writes it: a full box (version/flags) holding {@code hdlr} and {@code ilst}. */
    static byte[] meta(byte[] ilst) {
        byte[] hdlr = box("hdlr", concat(new byte[8], ascii("mdir"), ascii("appl"), new byte[9]));
        return box("meta", concat(new byte[4], hdlr, ilst));
    }

    static byte[] ilst(byte[]... items) {
        return box("ilst", concat(items));
    }

    static byte[] item(String type, String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        byte[] data = box("data", concat(new byte[] {0, 0, 0, 1}, new byte[4], value));
        return box(type, data);
    }

    static byte[] box(String type, byte[] payload) {
        return concat(ByteBuffer.allocate(4).putInt(8 + payload.length).array(),
                type.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    /** A box header claiming {@code claimedSize}, whatever follows. */
    static byte[] lyingBox(String type, long claimedSize, byte[] payload) {
        if (claimedSize > 0xFFFFFFFFL || claimedSize < 0) {
            return concat(ByteBuffer.allocate(4).putInt(1).array(), type.getBytes(StandardCharsets.ISO_8859_1),
                    ByteBuffer.allocate(8).putLong(claimedSize).array(), payload);
        }
        return concat(ByteBuffer.allocate(4).putInt((int) claimedSize).array(),
                type.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    // ------------------------------------------------------------------ PDF

    static Path pdf(Path file, String title, String author) {
        return write(file, new Pdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                .object("<< /Title (" + title + ") /Author (" + author + ") >>")
                .bytes("/Root 1 0 R /Info 4 0 R"));
    }

    /** A PDF written object by object, with a byte-exact cross-reference table. */
    static final class Pdf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();

        Pdf() {
            raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        Pdf object(String body) {
            offsets.add(out.size());
            raw((offsets.size()) + " 0 obj\n" + body + "\nendobj\n");
            return this;
        }

        Pdf stream(String dictionary, byte[] data) {
            offsets.add(out.size());
            raw((offsets.size()) + " 0 obj\n<< " + dictionary + " /Length " + data.length + " >>\nstream\n");
            out.writeBytes(data);
            raw("\nendstream\nendobj\n");
            return this;
        }

        int size() {
            return out.size();
        }

        /** Reserves the next object number for an object stored elsewhere (in an object stream). */
        Pdf skip() {
            offsets.add(0);
            return this;
        }

        int offsetOf(int objectNumber) {
            return offsets.get(objectNumber - 1);
        }

        /** Appends raw bytes (a stream's binary payload built by the caller). */
        void rawBytes(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void raw(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Appends an xref table for all objects and a trailer with the given entries; returns its offset. */
        int xref(String trailerEntries) {
            int at = out.size();
            raw(xrefText(trailerEntries));
            return at;
        }

        /** The text of an xref table for all objects so far, with a trailer of the given entries. */
        String xrefText(String trailerEntries) {
            StringBuilder sb = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (int offset : offsets) {
                sb.append(String.format("%010d 00000 n \n", offset));
            }
            sb.append("trailer\n<< /Size ").append(offsets.size() + 1).append(' ').append(trailerEntries).append(" >>\n");
            return sb.toString();
        }

        byte[] end(int startxref) {
            raw("startxref\n" + startxref + "\n%%EOF\n");
            return out.toByteArray();
        }

        /** The usual ending: one xref table with these trailer entries. */
        byte[] bytes(String trailerEntries) {
            return end(xref(trailerEntries));
        }
    }

    // ------------------------------------------------------------------ helpers

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
