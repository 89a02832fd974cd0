package app.colophon.formats;

import app.colophon.model.FileFormat;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    static final int MAX_COMICINFO_BYTES = 8 * 1024 * 1024;

    private static final String COMICINFO = "comicinfo.xml";

    @Override
    public FileFormat format() {
        return FileFormat.CBZ;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (ZipFile zip = open(file)) {
            return read(zip);
        } catch (IOException e) {
            // only close() throws this; it cannot be reached with a result in hand
            throw new MetadataParseException(FileFormat.CBZ, "cannot read file (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MetadataParseException(FileFormat.CBZ, "damaged archive (" + Zips.describe(e) + ")", e);
        }
    }

    /**
     * java.util.zip refuses to open an archive in which any entry is encrypted ("invalid CEN header (encrypted
     * entry)"), even just to list names, and its stream reader refuses too. Such a comic cannot be read without
     * its password anyway; say so instead of calling it "not a ZIP archive".
     */
    private static ZipFile open(Path file) throws MetadataParseException {
        try {
            return Zips.open(file, FileFormat.CBZ);
        } catch (MetadataParseException e) {
            Throwable cause = e.getCause();
            String reason = cause == null ? null : cause.getMessage();
            if (reason != null && reason.contains("encrypted")) {
                throw new MetadataParseException(FileFormat.CBZ,
                        "encrypted archive (password-protected ZIP entries are not supported)", cause);
            }
            throw e;
        }
    }

    private static ParsedMetadata read(ZipFile zip) throws MetadataParseException {
        List<ZipEntry> images = new ArrayList<>();
        List<ZipEntry> comicInfos = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = EntryNames.normalized(entry.getName());
            if (entry.isDirectory() || name.endsWith("/") || !EntryNames.isSafe(name) || EntryNames.isJunk(name)) {
                continue;
            }
            String last = EntryNames.lastSegment(name);
            if (last.equalsIgnoreCase(COMICINFO)) {
                comicInfos.add(entry);
            } else if (EntryNames.isImage(last)) {
                images.add(entry);
            }
        }
        images.sort(Comparator.comparing(ZipEntry::getName, CbzReader::compareNatural));

        ComicInfo info = comicInfo(zip, comicInfos);
        ParsedMetadata.Builder b = ParsedMetadata.builder();
        info.applyTo(b);
        b.pageCount(images.size());
        b.cover(cover(images, info.frontCoverImage()));
        return b.build();
    }

    /** The root ComicInfo.xml, else the shallowest one in a sub-folder; {@link ComicInfo#EMPTY} when there is none. */
    private static ComicInfo comicInfo(ZipFile zip, List<ZipEntry> candidates) throws MetadataParseException {
        ZipEntry chosen = candidates.stream()
                .min(Comparator.<ZipEntry>comparingInt(e -> EntryNames.depth(EntryNames.normalized(e.getName())))
                        .thenComparingInt(e -> e.getName().length())
                        .thenComparing(ZipEntry::getName, CbzReader::compareNatural))
                .orElse(null);
        if (chosen == null) {
            return ComicInfo.EMPTY;
        }
        byte[] xml = Zips.read(zip, chosen, MAX_COMICINFO_BYTES, FileFormat.CBZ);
        if (isBlank(xml)) {
            // some taggers leave an empty ComicInfo.xml behind: no metadata, but nothing wrong with the comic
            return ComicInfo.EMPTY;
        }
        try {
            return ComicInfo.parse(xml);
        } catch (XMLStreamException e) {
            throw new MetadataParseException(FileFormat.CBZ, "invalid ComicInfo.xml (" + xmlProblem(e) + ")", e);
        }
    }

    /** Nothing but whitespace, after an optional UTF-8 byte order mark. */
    private static boolean isBlank(byte[] xml) {
        boolean bom = xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF;
        for (int k = bom ? 3 : 0; k < xml.length; k++) {
            byte c = xml[k];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The parser's own words without its "ParseError at [row,col]" preamble, kept to one short line. */
    private static String xmlProblem(XMLStreamException e) {
        String message = Zips.describe(e);
        int at = message.indexOf("Message:");
        String problem = Text.clean(at >= 0 ? message.substring(at + "Message:".length()) : message);
        if (problem == null) {
            problem = e.getClass().getSimpleName();
        }
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
            problem += " at line " + e.getLocation().getLineNumber();
        }
        return problem.length() > 160 ? problem.substring(0, 157) + "..." : problem;
    }

    /** The FrontCover page when ComicInfo names one that exists, else the first image in natural order. */
    private static String cover(List<ZipEntry> images, Integer frontCoverImage) {
        if (images.isEmpty()) {
            return null;
        }
        int index = frontCoverImage != null && frontCoverImage < images.size() ? frontCoverImage : 0;
        return COVER_PREFIX + images.get(index).getName();
    }

    /** Natural order of entry names ({@link EntryNames#compareNatural}). */
    static int compareNatural(String a, String b) {
        return EntryNames.compareNatural(a, b);
    }
}
