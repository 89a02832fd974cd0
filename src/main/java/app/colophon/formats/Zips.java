package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** ZIP access for the ZIP-based readers: fails fast on non-ZIP input and never inflates past a bound. */
public final class Zips {

    private Zips() {
    }

    /**
     * Opens a ZIP archive. {@link ZipFile} reads the central directory first, so a 0-byte file, a JPEG or a
     * truncated archive fails at once (unlike stream readers, which can loop on such input).
     */
    public static ZipFile open(Path file, FileFormat format) throws MetadataParseException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException utf8Failure) {
            try {
                // Some archives store non-UTF-8 names without saying so; CP437 is the ZIP default.
                zip = new ZipFile(file.toFile(), CP437);
            } catch (IOException e) {
                throw new MetadataParseException(format, "not a ZIP archive (" + describe(utf8Failure) + ")", utf8Failure);
            }
        } catch (IOException e) {
            throw new MetadataParseException(format, "cannot read file (" + describe(e) + ")", e);
        }
        if (decodable(zip)) {
            return zip;
        }
        // java.util.zip checks names when it opens an archive but decodes entry comments only when listing it, and then
        // throws an unchecked exception (found by fuzzing): CP437 decodes any byte, unless the entry says it is UTF-8.
        closeQuietly(zip);
        try {
            zip = new ZipFile(file.toFile(), CP437);
        } catch (IOException e) {
            throw new MetadataParseException(format, "cannot read file (" + describe(e) + ")", e);
        }
        if (!decodable(zip)) {
            closeQuietly(zip);
            throw new MetadataParseException(format, "damaged archive (an entry's name or comment is not valid UTF-8)");
        }
        return zip;
    }

    private static final java.nio.charset.Charset CP437 = java.nio.charset.Charset.forName("IBM437");

    /** Whether every entry can be listed; costs one pass over the central directory, already in memory. */
    private static boolean decodable(ZipFile zip) {
        try {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                entries.nextElement();
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    /** Finds an entry by exact name, else by case-insensitive name. */
    public static ZipEntry find(ZipFile zip, String name) {
        ZipEntry exact = zip.getEntry(name);
        if (exact != null) {
            return exact;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.getName().toLowerCase(Locale.ROOT).equals(lower)) {
                return e;
            }
        }
        return null;
    }

    /** Reads an entry fully, refusing (not truncating) one that inflates past {@code maxBytes}. */
    public static byte[] read(ZipFile zip, ZipEntry entry, int maxBytes, FileFormat format)
            throws MetadataParseException {
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entry.getSize(), 1024), maxBytes));
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new MetadataParseException(format, "entry " + entry.getName() + " inflates past "
                            + (maxBytes / (1024 * 1024)) + " MB");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MetadataParseException(format, "cannot read entry " + entry.getName() + " (" + describe(e) + ")", e);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
