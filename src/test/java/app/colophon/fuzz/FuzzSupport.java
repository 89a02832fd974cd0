package app.colophon.fuzz;

import app.colophon.formats.FormatReader;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.model.FileFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What every reader fuzz test checks on every input: the reader returns metadata or throws a
 * {@link MetadataParseException} with a clear one-line message — never another exception, an Error, a hang or an
 * out-of-memory — and a parse error is not a bug of ours caught by a safety net (an unchecked cause), except in PDF,
 * where PDFBox reports damaged files with unchecked exceptions by design.
 */
final class FuzzSupport {

    /** An input slower than this is a finding (a loop): far above any honest input, even under instrumentation. */
    static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Path DIR = tempDir();

    private FuzzSupport() {
    }

    static ParsedMetadata check(FormatReader reader, byte[] bytes) {
        Path file = DIR.resolve("input-" + Thread.currentThread().getId() + "." + reader.format().name().toLowerCase());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        try {
            return reader.read(file);
        } catch (MetadataParseException e) {
            String message = e.getMessage();
            if (!message.startsWith("Failed to parse " + reader.format() + ": ") || message.contains("\n")) {
                throw new AssertionError("unclear message: " + message, e);
            }
            Throwable cause = e.getCause();
            if (reader.format() != FileFormat.PDF && (cause instanceof RuntimeException || cause instanceof Error)) {
                throw new AssertionError("a bug caught by the safety net: " + message, cause);
            }
            return null;
        } finally {
            long took = System.nanoTime() - start;
            if (took > SLOW_NANOS) {
                throw new AssertionError("took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms on a " + bytes.length
                        + "-byte input");
            }
        }
    }

    /** A ZIP holding the given entries (name, bytes, name, bytes …), deflated. */
    static byte[] zip(Object... nameThenBytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                zip.write((byte[]) nameThenBytes[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An EPUB's stored mimetype entry comes first; only used for seeds, readers do not require it. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** An MP4 box: 32-bit size, four-character type, payload. */
    static byte[] box(String type, byte[]... payload) {
        int size = 8;
        for (byte[] p : payload) {
            size += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] p : payload) {
            b.put(p);
        }
        return b.array();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("colophon-fuzz");
            dir.toFile().deleteOnExit();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(dir)) {
                    files.forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // temp files left behind are not worth a failure
                }
                dir.toFile().delete();
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
