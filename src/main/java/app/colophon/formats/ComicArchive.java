package app.colophon.formats;

import app.colophon.model.FileFormat;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the comic readers (CBZ, CB7) share, whatever the archive format: which entries are pages and which is the
 * ComicInfo.xml, the page order, and the metadata they make. Entries under {@code __MACOSX}, hidden names and names
 * that climb out of the archive ({@code ../x}, {@code /x}, {@code C:x}) are neither pages nor ComicInfo: nothing
 * downstream (the cover cache) ever sees a name that could escape a folder.
 */
final class ComicArchive {

    /** A ComicInfo.xml is a few KB; one that unpacks past this is refused, not truncated. */
    static final int MAX_COMICINFO_BYTES = 8 * 1024 * 1024;

    private static final String COMICINFO = "comicinfo.xml";

    private ComicArchive() {
    }

    /**
     * The page images in natural order ("2" before "10") and the ComicInfo.xml to read: the root one, else the
     * shallowest in a sub-folder (null when there is none).
     */
    record Listing<E>(List<E> images, E comicInfo) {
    }

    static <E> Listing<E> list(Iterable<E> entries, Function<E, String> name, Predicate<E> isDirectory) {
        List<E> images = new ArrayList<>();
        List<E> comicInfos = new ArrayList<>();
        for (E entry : entries) {
            String n = EntryNames.normalized(name.apply(entry));
            if (isDirectory.test(entry) || n.endsWith("/") || !EntryNames.isSafe(n) || EntryNames.isJunk(n)) {
                continue;
            }
            String last = EntryNames.lastSegment(n);
            if (last.equalsIgnoreCase(COMICINFO)) {
                comicInfos.add(entry);
            } else if (EntryNames.isImage(last)) {
                images.add(entry);
            }
        }
        images.sort(Comparator.comparing(name, EntryNames::compareNatural));
        E chosen = comicInfos.stream()
                .min(Comparator.<E>comparingInt(e -> EntryNames.depth(EntryNames.normalized(name.apply(e))))
                        .thenComparingInt(e -> name.apply(e).length())
                        .thenComparing(name, EntryNames::compareNatural))
                .orElse(null);
        return new Listing<>(images, chosen);
    }

    /** Parses a ComicInfo.xml; an empty one (some taggers leave one behind) is no metadata, not an error. */
    static ComicInfo parse(byte[] xml, FileFormat format) throws MetadataParseException {
        if (isBlank(xml)) {
            return ComicInfo.EMPTY;
        }
        try {
            return ComicInfo.parse(xml);
        } catch (XMLStreamException e) {
            throw new MetadataParseException(format, "invalid ComicInfo.xml (" + xmlProblem(e) + ")", e);
        }
    }

    /** The comic's metadata: ComicInfo's fields, the page count, and the cover page as {@code entry:<name>}. */
    static ParsedMetadata metadata(ComicInfo info, List<String> imageNames) {
        ParsedMetadata.Builder b = ParsedMetadata.builder();
        info.applyTo(b);
        b.pageCount(imageNames.size());
        b.cover(cover(imageNames, info.frontCoverImage()));
        return b.build();
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

    /** The parser's own words without its position ("…\n at [row,col {unknown-source}]: [1,760]"), one short line. */
    private static String xmlProblem(XMLStreamException e) {
        String message = Zips.describe(e);
        int position = message.indexOf(" at [row,col");
        String problem = Text.clean(position >= 0 ? message.substring(0, position) : message);
        if (problem == null) {
            problem = e.getClass().getSimpleName();
        }
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
            problem += " at line " + e.getLocation().getLineNumber();
        }
        return problem.length() > 160 ? problem.substring(0, 157) + "..." : problem;
    }

    /** The FrontCover page when ComicInfo names one that exists, else the first image in natural order. */
    private static String cover(List<String> images, Integer frontCoverImage) {
        if (images.isEmpty()) {
            return null;
        }
        int index = frontCoverImage != null && frontCoverImage < images.size() ? frontCoverImage : 0;
        return CbzReader.COVER_PREFIX + images.get(index);
    }
}
