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
    private static final Set<String> IMAGE_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "jxl");

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
            String name = normalized(entry.getName());
            if (entry.isDirectory() || name.endsWith("/") || !isSafe(name) || isJunk(name)) {
                continue;
            }
            String last = lastSegment(name);
            if (last.equalsIgnoreCase(COMICINFO)) {
                comicInfos.add(entry);
            } else if (isImage(last)) {
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
                .min(Comparator.<ZipEntry>comparingInt(e -> depth(normalized(e.getName())))
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

    /** Entry names are analysed with '/' as the only separator (Windows tools sometimes write '\'). */
    private static String normalized(String entryName) {
        return entryName.replace('\\', '/');
    }

    /**
     * Entries named {@code ../x}, {@code /x} or {@code C:x} are never written by honest tools; they are
     * ignored entirely so that nothing downstream (the cover cache) ever sees a name that could escape a folder.
     */
    private static boolean isSafe(String name) {
        if (name.startsWith("/") || name.indexOf('\0') >= 0 || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** macOS resource forks ({@code __MACOSX/…}) and hidden files ({@code .DS_Store}, {@code ._page.jpg}). */
    private static boolean isJunk(String name) {
        for (String segment : name.split("/")) {
            if (segment.equalsIgnoreCase("__MACOSX")) {
                return true;
            }
        }
        return lastSegment(name).startsWith(".");
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    private static boolean isImage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Natural order: runs of digits compare by value ("page2" before "page10"), the rest case-insensitively;
     * ties fall back to plain string order so the result is total and stable.
     */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int cmp = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
            } else {
                int cmp = Character.compare(Character.toLowerCase(Character.toUpperCase(ca)),
                        Character.toLowerCase(Character.toUpperCase(cb)));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int cmp = Integer.compare(a.length() - i, b.length() - j);
        return cmp != 0 ? cmp : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares digit runs by value without parsing them (a run may be longer than a long). */
    private static int compareDigits(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        int cmp = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        // equal values: fewer leading zeros first ("1" before "01")
        return cmp != 0 ? cmp : Integer.compare(a.length(), b.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
