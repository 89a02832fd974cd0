package app.colophon.formats;

import app.colophon.model.FileFormat;
import org.apache.commons.compress.MemoryLimitException;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CB7 (a 7-Zip archive of page images) with commons-compress: its ComicInfo.xml, page count and cover, by
 * the same rules as {@link CbzReader} ({@link ComicArchive}). Only ComicInfo.xml is unpacked; pages are listed.
 *
 * <p>7-Zip packs files "solid" by default: to unpack one entry, every entry before it in its block must be unpacked
 * too, and ComicInfo.xml often comes after the pages. That work is bounded ({@link #maxUnpackedBytes}), as are the
 * memory the archive's header and decoders may claim ({@link #MEMORY_LIMIT_KIB}), the number of entries and the size
 * of ComicInfo.xml; past a bound the archive is refused with a clear error, never truncated.
 */
public final class Cb7Reader implements FormatReader {

    /**
     * What commons-compress may allocate for the header and one decoder (an LZMA dictionary): 7-Zip's "ultra" level
     * uses 64 MB; larger dictionaries must be asked for by hand.
     */
    static final int MEMORY_LIMIT_KIB = 128 * 1024;
    /** Far more pages than any comic; a header listing more is refused. */
    static final int MAX_ENTRIES = 100_000;
    /** Unpacking up to this much to reach an entry is always allowed, whatever the archive's size. */
    static final long MIN_UNPACK_BUDGET = 256L * 1024 * 1024;
    /** Beyond {@link #MIN_UNPACK_BUDGET}, up to this many times the archive's own size (pages hardly compress). */
    static final int UNPACK_BUDGET_PER_ARCHIVE_BYTE = 4;

    private static final byte[] SIGNATURE = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};

    private final FileFormat format;

    public Cb7Reader() {
        this(FileFormat.CB7);
    }

    /** A reader that reports its errors as {@code format}: a CBR that really is a 7-Zip archive is read by this one. */
    Cb7Reader(FileFormat format) {
        this.format = format;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    static boolean hasSignature(byte[] head) {
        if (head.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (SevenZFile archive = open(file, format)) {
            List<SevenZArchiveEntry> entries = entries(archive, format);
            ComicArchive.Listing<SevenZArchiveEntry> listing =
                    ComicArchive.list(entries, Cb7Reader::name, SevenZArchiveEntry::isDirectory);
            ComicInfo info = ComicInfo.EMPTY;
            if (listing.comicInfo() != null) {
                byte[] xml = unpack(archive, entries, listing.comicInfo(), Files.size(file),
                        ComicArchive.MAX_COMICINFO_BYTES, format);
                info = ComicArchive.parse(xml, format);
            }
            return ComicArchive.metadata(info, listing.images().stream().map(Cb7Reader::name).toList());
        } catch (IOException e) {
            throw problem(e, format);
        } catch (RuntimeException | StackOverflowError e) {
            // commons-compress reports some damaged headers with unchecked exceptions
            throw new MetadataParseException(format, "damaged archive (" + Zips.describe(e) + ")", e);
        }
    }

    /** Opens the archive with the memory bound; a header that needs a password is reported as encrypted. */
    static SevenZFile open(Path file, FileFormat format) throws MetadataParseException, IOException {
        byte[] head = new byte[SIGNATURE.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < head.length || !hasSignature(head)) {
                throw new MetadataParseException(format, n == 0 ? "not a 7-Zip archive (empty file)"
                        : "not a 7-Zip archive");
            }
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(format, "file not found", e);
        }
        return SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(MEMORY_LIMIT_KIB)
                .setTryToRecoverBrokenArchives(false).get();
    }

    /** The entries, refusing a header with too many or an archive whose data is encrypted. */
    static List<SevenZArchiveEntry> entries(SevenZFile archive, FileFormat format) throws MetadataParseException {
        List<SevenZArchiveEntry> entries = new ArrayList<>();
        for (SevenZArchiveEntry entry : archive.getEntries()) {
            if (entries.size() == MAX_ENTRIES) {
                throw new MetadataParseException(format, "too many entries (more than " + MAX_ENTRIES + ")");
            }
            if (isEncrypted(entry)) {
                // its pages cannot be shown without the password either: say so instead of listing them
                throw new MetadataParseException(format, ENCRYPTED);
            }
            entries.add(entry);
        }
        return entries;
    }

    /**
     * An entry's bytes, refusing one larger than {@code maxBytes} and one that lies behind more solid-packed data than
     * {@link #maxUnpackedBytes} allows. The sizes checked are those the header declares; commons-compress never
     * unpacks more than an entry declares (a lying size fails its CRC instead).
     */
    static byte[] unpack(SevenZFile archive, List<SevenZArchiveEntry> entries, SevenZArchiveEntry wanted,
                         long archiveSize, int maxBytes, FileFormat format) throws MetadataParseException, IOException {
        String name = shown(name(wanted));
        if (wanted.getSize() > maxBytes) {
            throw new MetadataParseException(format, "entry " + name + " unpacks past " + (maxBytes >> 20) + " MB");
        }
        long before = 0;
        for (SevenZArchiveEntry e : entries) {
            if (e == wanted) {
                break;
            }
            if (e.hasStream()) {
                // an upper bound: entries of earlier blocks are not unpacked at all
                before = saturatedAdd(before, e.getSize());
            }
        }
        long budget = maxUnpackedBytes(archiveSize);
        if (saturatedAdd(before, wanted.getSize()) > budget) {
            throw new MetadataParseException(format, "entry " + name + " lies behind " + (before >> 20)
                    + " MB of packed data (more than " + (budget >> 20) + " MB: a decompression bomb?)");
        }
        try (InputStream in = archive.getInputStream(wanted)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, wanted.getSize()));
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new MetadataParseException(format, "entry " + name + " unpacks past " + (maxBytes >> 20) + " MB");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static long saturatedAdd(long total, long size) {
        long sum = total + Math.max(0, size);
        return sum < total ? Long.MAX_VALUE : sum;
    }

    /** An entry name fit for a one-line message: control characters removed, long names cut. */
    static String shown(String name) {
        String clean = Text.clean(name);
        if (clean == null) {
            return "(unnamed)";
        }
        return clean.length() > 80 ? clean.substring(0, 77) + "..." : clean;
    }

    /** How much may be unpacked to reach one entry of an archive of this size. */
    static long maxUnpackedBytes(long archiveSize) {
        return Math.max(MIN_UNPACK_BUDGET, archiveSize * UNPACK_BUDGET_PER_ARCHIVE_BYTE);
    }

    /** Entry names as 7-Zip writes them; an unnamed entry (a single-file archive) has none. */
    static String name(SevenZArchiveEntry entry) {
        String name = entry.getName();
        return name == null ? "" : name;
    }

    private static final String ENCRYPTED = "encrypted archive (password-protected 7-Zip archives are not supported)";

    private static boolean isEncrypted(SevenZArchiveEntry entry) {
        Iterable<? extends SevenZMethodConfiguration> methods = entry.getContentMethods();
        if (methods == null) {
            return false;
        }
        for (SevenZMethodConfiguration m : methods) {
            if (m.getMethod() == SevenZMethod.AES256SHA256) {
                return true;
            }
        }
        return false;
    }

    /** A short message for what commons-compress (or xz) threw. */
    static MetadataParseException problem(IOException e, FileFormat format) {
        if (e instanceof PasswordRequiredException) {
            return new MetadataParseException(format, ENCRYPTED, e);
        }
        if (e instanceof MemoryLimitException || e instanceof org.tukaani.xz.MemoryLimitException) {
            return new MetadataParseException(format, "archive needs more than " + (MEMORY_LIMIT_KIB >> 10)
                    + " MB of memory to unpack", e);
        }
        if (e instanceof NoSuchFileException) {
            return new MetadataParseException(format, "file not found", e);
        }
        String reason = Text.clean(Zips.describe(e));
        if (reason != null && reason.length() > 120) {
            reason = reason.substring(0, 117) + "...";
        }
        return new MetadataParseException(format, "damaged archive (" + reason + ")", e);
    }
}
