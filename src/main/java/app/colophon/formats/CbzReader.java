package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a CBZ (a ZIP of page images): its {@code ComicInfo.xml}, its page count and which image is the cover.
 * Only the ComicInfo entry is ever inflated; images are merely listed, so encrypted or damaged pages do not
 * stop a comic from being catalogued. An archive without ComicInfo, or without any entry at all, is not an
 * error: it simply has no embedded metadata (the file path supplies it).
 */
public final class CbzReader implements FormatReader {

    /** The prefix of {@link ParsedMetadata#cover()} values: {@code entry:<zip entry name>}. */
    public static final String COVER_PREFIX = "entry:";

    /** A ComicInfo.xml is a few KB; one that inflates past this is refused, not truncated. */
    static final int MAX_COMICINFO_BYTES = ComicArchive.MAX_COMICINFO_BYTES;

    private final FileFormat format;

    public CbzReader() {
        this(FileFormat.CBZ);
    }

    /** A reader that reports its errors as {@code format}: a CBR that really is a ZIP is read by this one. */
    CbzReader(FileFormat format) {
        this.format = format;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (ZipFile zip = open(file)) {
            return read(zip);
        } catch (IOException e) {
            // only close() throws this; it cannot be reached with a result in hand
            throw new MetadataParseException(format, "cannot read file (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MetadataParseException(format, "damaged archive (" + Zips.describe(e) + ")", e);
        }
    }

    /**
     * java.util.zip refuses to open an archive in which any entry is encrypted ("invalid CEN header (encrypted
     * entry)"), even just to list names, and its stream reader refuses too. Such a comic cannot be read without
     * its password anyway; say so instead of calling it "not a ZIP archive".
     */
    private ZipFile open(Path file) throws MetadataParseException {
        try {
            return Zips.open(file, format);
        } catch (MetadataParseException e) {
            Throwable cause = e.getCause();
            String reason = cause == null ? null : cause.getMessage();
            if (reason != null && reason.contains("encrypted")) {
                throw new MetadataParseException(format,
                        "encrypted archive (password-protected ZIP entries are not supported)", cause);
            }
            throw e;
        }
    }

    private ParsedMetadata read(ZipFile zip) throws MetadataParseException {
        List<ZipEntry> entries = new ArrayList<>();
        zip.entries().asIterator().forEachRemaining(entries::add);
        ComicArchive.Listing<ZipEntry> listing = ComicArchive.list(entries, ZipEntry::getName, ZipEntry::isDirectory);
        ComicInfo info = listing.comicInfo() == null ? ComicInfo.EMPTY : ComicArchive.parse(
                Zips.read(zip, listing.comicInfo(), MAX_COMICINFO_BYTES, format), format);
        return ComicArchive.metadata(info, listing.images().stream().map(ZipEntry::getName).toList());
    }

    /** Natural order of entry names ({@link EntryNames#compareNatural}). */
    static int compareNatural(String a, String b) {
        return EntryNames.compareNatural(a, b);
    }
}
